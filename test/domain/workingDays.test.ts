// The one working-day calendar (src/domain/meetings/actionDays.ts): weekends and the
// community's bank holidays are skipped, and 9am is 9am on either side of a clock change.
import { dayBeforeReminder, isWorkingDay, overdueReminder, workingDayAfter, workingDaysBefore } from "../../src/domain/meetings/actionDays";

const london = (division: "england-and-wales" | "scotland" | "northern-ireland") => ({ zone: "Europe/London", division });

describe("working days", () => {
  it("skips weekends and the division's own bank holidays", () => {
    // Easter 2026: Good Friday 3 April everywhere, Easter Monday 6 April except in Scotland.
    expect(isWorkingDay("2026-04-03", "scotland")).toBe(false);
    expect(isWorkingDay("2026-04-06", "england-and-wales")).toBe(false);
    expect(isWorkingDay("2026-04-06", "scotland")).toBe(true);
    expect(isWorkingDay("2026-04-04", "scotland")).toBe(false);
    expect(workingDaysBefore("2026-04-07", 1, "england-and-wales")).toBe("2026-04-02");
    expect(workingDaysBefore("2026-04-07", 1, "scotland")).toBe("2026-04-06");
    expect(workingDaysBefore("2026-04-07", 3, "england-and-wales")).toBe("2026-03-31");
    expect(workingDayAfter("2026-04-02", "northern-ireland")).toBe("2026-04-07");
    expect(workingDayAfter("2026-04-02", "scotland")).toBe("2026-04-06");
    // Christmas 2026: Friday 25, Boxing Day's substitute Monday 28.
    expect(workingDayAfter("2026-12-24", "england-and-wales")).toBe("2026-12-29");
  });

  it("reminds at 9am wall-clock time, in GMT or BST as the day falls", () => {
    // Due Tuesday 7 April 2026 (BST): the day before is Thursday 2 April, after Good Friday and Easter Monday.
    expect(dayBeforeReminder("2026-04-07", london("england-and-wales")).toISOString()).toBe("2026-04-02T08:00:00.000Z");
    expect(dayBeforeReminder("2026-04-07", london("scotland")).toISOString()).toBe("2026-04-06T08:00:00.000Z");
    // Due Friday 27 March (GMT), overdue on Monday 30 March (BST, the clocks went forward on the 29th).
    expect(overdueReminder("2026-03-27", london("england-and-wales")).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(dayBeforeReminder("2026-10-26", london("england-and-wales")).toISOString()).toBe("2026-10-23T08:00:00.000Z");
    expect(overdueReminder("2026-10-23", london("england-and-wales")).toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("past the list's last year, skips weekends only", () => {
    // Christmas Day 2028 is a Monday; with no list for 2028 it counts as a working day.
    expect(workingDayAfter("2028-12-22", "england-and-wales")).toBe("2028-12-25");
    expect(workingDaysBefore("2028-12-26", 2, "england-and-wales")).toBe("2028-12-22");
  });
});
