// The shipped bank holidays (src/reference/bank-holidays.json, GOV.UK's list): the shape
// GOV.UK publishes, the years it covers (the README says the same; a refresh changes both),
// and what is said when a day past them is asked about.
import { DateTime } from "luxon";
import data from "../../src/reference/bank-holidays.json";
import { BANK_HOLIDAYS_COVER, bankHoliday, DIVISIONS, isDivision, onUncoveredYear } from "../../src/reference/bankHolidays";

describe("the bank holidays shipped with the bot", () => {
  it("has GOV.UK's shape: each division's events in date order, each on a weekday", () => {
    expect(Object.keys(data).sort()).toEqual([...DIVISIONS].sort());
    for (const division of DIVISIONS) {
      const { division: name, events } = (data as Record<string, { division: string; events: Array<Record<string, unknown>> }>)[division];
      expect(name).toBe(division);
      const days = events.map((e) => e.date as string);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      for (const event of events) {
        expect(Object.keys(event).sort()).toEqual(["bunting", "date", "notes", "title"]);
        expect(DateTime.fromISO(event.date as string).weekday).toBeLessThanOrEqual(5);
      }
    }
  });

  it("covers 2023 to 2027 in every division (change the README's years with these)", () => {
    expect(BANK_HOLIDAYS_COVER).toEqual({ from: 2023, to: 2027 });
    for (const division of DIVISIONS) {
      const years = new Set((data as Record<string, { events: Array<{ date: string }> }>)[division].events.map((e) => e.date.slice(0, 4)));
      expect([...years]).toEqual(["2023", "2024", "2025", "2026", "2027"]);
    }
  });

  it("knows which holidays differ between the three parts of the UK", () => {
    expect(bankHoliday("england-and-wales", "2026-04-06")).toBe("Easter Monday");
    expect(bankHoliday("scotland", "2026-04-06")).toBeNull();
    expect(bankHoliday("scotland", "2026-01-02")).toBe("2nd January");
    expect(bankHoliday("scotland", "2026-11-30")).toBe("St Andrew’s Day");
    expect(bankHoliday("northern-ireland", "2026-03-17")).toBe("St Patrick’s Day");
    expect(bankHoliday("northern-ireland", "2026-07-13")).toBe("Battle of the Boyne (Orangemen’s Day)");
    expect(bankHoliday("england-and-wales", "2026-07-13")).toBeNull();
    expect(DIVISIONS.map((d) => bankHoliday(d, "2026-04-03"))).toEqual(["Good Friday", "Good Friday", "Good Friday"]);
    expect(isDivision("wales")).toBe(false);
  });

  it("past the last year knows no holiday, and says so once", () => {
    const told: number[] = [];
    onUncoveredYear((year) => told.push(year));
    expect(bankHoliday("england-and-wales", "2028-12-25")).toBeNull();
    expect(bankHoliday("scotland", "2029-01-01")).toBeNull();
    expect(bankHoliday("england-and-wales", "2026-12-25")).toBe("Christmas Day");
    expect(told).toEqual([2028]);
    onUncoveredYear(() => {});
  });
});
