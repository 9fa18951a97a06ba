// Dates and times the GOV.UK way, from the one module that writes them.
import { dates } from "../../src/i18n";

const at = (iso: string) => new Date(iso);

describe("dates and times", () => {
  it("writes dates as 'Tuesday 9 December 2026', in the zone asked", () => {
    expect(dates.longDate(at("2026-12-09T10:00:00Z"), "Europe/London")).toBe("Wednesday 9 December 2026");
    // Late evening in New York is already the next day in London.
    expect(dates.longDate(at("2026-12-10T02:00:00Z"), "America/New_York")).toBe("Wednesday 9 December 2026");
    expect(dates.calendarDate(at("2026-06-30T00:00:00Z"))).toBe("Tuesday 30 June 2026");
  });

  it("writes times on the 12-hour clock, with midday and midnight in words", () => {
    const london = (iso: string) => dates.clockTime(at(iso), "Europe/London");
    expect(london("2026-03-02T10:00:00Z")).toBe("10am");
    expect(london("2026-03-02T14:30:00Z")).toBe("2:30pm");
    expect(london("2026-03-02T12:00:00Z")).toBe("midday");
    expect(london("2026-03-02T00:00:00Z")).toBe("midnight");
    expect(london("2026-03-02T00:05:00Z")).toBe("12:05am");
    expect(london("2026-07-02T09:00:00Z")).toBe("10am"); // British Summer Time
    expect(dates.wallClock("09:00")).toBe("9am");
    expect(dates.wallClock("12:00")).toBe("midday");
    expect(dates.wallClock("17:45")).toBe("5:45pm");
  });

  it("names zones in words, never by their IANA name", () => {
    expect(dates.zoneName("Europe/London")).toBe("UK time");
    expect(dates.zoneName("America/New_York")).toBe("New York time");
    expect(dates.zoneName("America/Argentina/Buenos_Aires")).toBe("Buenos Aires time");
    expect(dates.dateAndTime(at("2026-12-09T14:30:00Z"), "Europe/London")).toBe("Wednesday 9 December 2026 at 2:30pm UK time");
  });

  it("writes spans with 'to', saying the date twice only when the span crosses midnight", () => {
    expect(dates.timeSpan(at("2026-03-10T10:00:00Z"), at("2026-03-10T11:00:00Z"), "Europe/London")).toBe(
      "Tuesday 10 March 2026, 10am to 11am UK time",
    );
    expect(dates.timeSpan(at("2026-03-10T23:00:00Z"), at("2026-03-11T01:00:00Z"), "Europe/London")).toBe(
      "Tuesday 10 March 2026 at 11pm to Wednesday 11 March 2026 at 1am UK time",
    );
    expect(dates.timeSpanOnly(at("2026-03-10T15:00:00Z"), at("2026-03-10T16:00:00Z"), "America/New_York")).toBe(
      "11am to midday New York time",
    );
  });

  it("labels the time zone picker's choices with the city, where it is and its offset", () => {
    expect(dates.zoneChoice("Europe/London", at("2026-01-15T12:00:00Z"))).toBe("London, Europe, UTC");
    expect(dates.zoneChoice("Europe/London", at("2026-07-15T12:00:00Z"))).toBe("London, Europe, UTC+1");
    expect(dates.zoneChoice("America/New_York", at("2026-01-15T12:00:00Z"))).toBe("New York, America, UTC−5");
    expect(dates.zoneChoice("Asia/Kolkata", at("2026-01-15T12:00:00Z"))).toBe("Kolkata, Asia, UTC+5:30");
  });
});
