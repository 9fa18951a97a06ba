// Expected dates below were checked against real calendars (Python's calendar and
// zoneinfo), not computed with the code under test. In 2026 the UK's clocks go
// forward on Sunday 29 March and back on Sunday 25 October; the US's on 8 March
// and 1 November.
import { DateTime, Settings } from "luxon";
import {
  deserialiseRule,
  occurrenceStart,
  type RecurrenceRule,
  recurrenceRuleSchema,
  serialiseRule,
  validateMonthlyOrdinal,
  weekdayOrdinal,
} from "../../src/domain/meetings/recurrence.ts";
import { labels, reasonText } from "../../src/i18n";

/** What the organiser reads when the start is not the ordinal they chose, or null when it is. */
function ordinalProblem(anchor: Date, zone: string, ordinal: Parameters<typeof validateMonthlyOrdinal>[2]): string | null {
  const reason = validateMonthlyOrdinal(anchor, zone, ordinal);
  return reason && reasonText(reason);
}

const LONDON = "Europe/London";

/** The first `count` occurrences (steps 0..count-1) as UTC ISO strings. */
function series(rule: RecurrenceRule, anchorIso: string, zone: string, count: number): string[] {
  const anchor = new Date(anchorIso);
  return Array.from({ length: count }, (_, steps) => occurrenceStart(rule, anchor, zone, steps)!.toISOString());
}

function londonWallClock(iso: string): string {
  return DateTime.fromISO(iso, { zone: LONDON }).toFormat("cccc d LLLL yyyy HH:mm");
}

describe("occurrenceStart", () => {
  describe("weekly", () => {
    it("repeats every week on the same weekday and time", () => {
      expect(series({ kind: "weekly", intervalWeeks: 1 }, "2026-01-13T10:00:00Z", LONDON, 4)).toEqual([
        "2026-01-13T10:00:00.000Z",
        "2026-01-20T10:00:00.000Z",
        "2026-01-27T10:00:00.000Z",
        "2026-02-03T10:00:00.000Z",
      ]);
    });

    it("repeats every two weeks", () => {
      expect(series({ kind: "weekly", intervalWeeks: 2 }, "2026-01-13T10:00:00Z", LONDON, 4)).toEqual([
        "2026-01-13T10:00:00.000Z",
        "2026-01-27T10:00:00.000Z",
        "2026-02-10T10:00:00.000Z",
        "2026-02-24T10:00:00.000Z",
      ]);
    });

    it("repeats every eight weeks", () => {
      const anchor = new Date("2026-01-13T10:00:00Z");
      expect(occurrenceStart({ kind: "weekly", intervalWeeks: 8 }, anchor, LONDON, 1)?.toISOString()).toBe("2026-03-10T10:00:00.000Z");
    });

    it("keeps 10:00 London time across both clock changes, so the UTC hour moves", () => {
      const rule: RecurrenceRule = { kind: "weekly", intervalWeeks: 1 };
      const anchor = new Date("2026-01-13T10:00:00Z");
      const at = (steps: number) => occurrenceStart(rule, anchor, LONDON, steps)!.toISOString();
      expect(at(10)).toBe("2026-03-24T10:00:00.000Z"); // last Tuesday before the clocks go forward
      expect(at(11)).toBe("2026-03-31T09:00:00.000Z"); // first Tuesday of British Summer Time
      expect(at(12)).toBe("2026-04-07T09:00:00.000Z");
      expect(at(40)).toBe("2026-10-20T09:00:00.000Z"); // last Tuesday of summer time
      expect(at(41)).toBe("2026-10-27T10:00:00.000Z"); // back to GMT
      expect(at(46)).toBe("2026-12-01T10:00:00.000Z");
      for (let steps = 0; steps <= 52; steps++) {
        expect(londonWallClock(at(steps))).toMatch(/^Tuesday .* 10:00$/);
      }
    });

    it("keeps local time in another zone whose clocks change on other dates", () => {
      const rule: RecurrenceRule = { kind: "weekly", intervalWeeks: 1 };
      const anchor = new Date("2026-03-02T14:00:00Z"); // Monday 09:00 in New York (EST)
      expect(occurrenceStart(rule, anchor, "America/New_York", 1)?.toISOString()).toBe("2026-03-09T13:00:00.000Z");
      expect(occurrenceStart(rule, anchor, "America/New_York", 34)?.toISOString()).toBe("2026-10-26T13:00:00.000Z");
      expect(occurrenceStart(rule, anchor, "America/New_York", 35)?.toISOString()).toBe("2026-11-02T14:00:00.000Z");
    });

    it("moves a time in the spring-forward gap forward by the gap, and only that occurrence", () => {
      // 01:30 on Sunday 29 March 2026 does not exist in London: 01:00 GMT is followed by 02:00 BST.
      const rule: RecurrenceRule = { kind: "weekly", intervalWeeks: 1 };
      const anchor = new Date("2026-03-22T01:30:00Z"); // Sunday 01:30 GMT
      const inGap = occurrenceStart(rule, anchor, LONDON, 1)!.toISOString();
      expect(inGap).toBe("2026-03-29T01:30:00.000Z");
      expect(londonWallClock(inGap)).toBe("Sunday 29 March 2026 02:30");
      const after = occurrenceStart(rule, anchor, LONDON, 2)!.toISOString();
      expect(londonWallClock(after)).toBe("Sunday 5 April 2026 01:30");
      expect(after).toBe("2026-04-05T00:30:00.000Z");
    });

    it("takes the first (summer time) of a time that happens twice, whatever today's date", () => {
      // 01:30 on Sunday 25 October 2026 happens twice in London: at 00:30Z (BST) and 01:30Z (GMT).
      const rule: RecurrenceRule = { kind: "weekly", intervalWeeks: 1 };
      const fromSummer = new Date("2026-10-18T00:30:00Z"); // Sunday 01:30 BST
      const fromWinter = new Date("2026-11-01T01:30:00Z"); // Sunday 01:30 GMT, two weeks on
      const originalNow = Settings.now;
      try {
        for (const today of ["2026-07-01T12:00:00Z", "2026-12-01T12:00:00Z"]) {
          Settings.now = () => Date.parse(today);
          expect(occurrenceStart(rule, fromSummer, LONDON, 1)?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
          expect(
            occurrenceStart(
              { kind: "monthly", intervalMonths: 1, ordinal: -1 },
              new Date("2026-09-27T00:30:00Z"),
              LONDON,
              1,
            )?.toISOString(),
          ).toBe("2026-10-25T00:30:00.000Z");
        }
      } finally {
        Settings.now = originalNow;
      }
      expect(occurrenceStart(rule, fromWinter, LONDON, 1)?.toISOString()).toBe("2026-11-08T01:30:00.000Z");
    });
  });

  describe("monthly", () => {
    it("repeats on the second Tuesday for a year, at 10:00 London time throughout", () => {
      const occurrences = series({ kind: "monthly", intervalMonths: 1, ordinal: 2 }, "2026-01-13T10:00:00Z", LONDON, 13);
      expect(occurrences).toEqual([
        "2026-01-13T10:00:00.000Z",
        "2026-02-10T10:00:00.000Z",
        "2026-03-10T10:00:00.000Z",
        "2026-04-14T09:00:00.000Z", // after the clocks go forward on 29 March
        "2026-05-12T09:00:00.000Z",
        "2026-06-09T09:00:00.000Z",
        "2026-07-14T09:00:00.000Z",
        "2026-08-11T09:00:00.000Z",
        "2026-09-08T09:00:00.000Z",
        "2026-10-13T09:00:00.000Z", // before the clocks go back on 25 October
        "2026-11-10T10:00:00.000Z",
        "2026-12-08T10:00:00.000Z",
        "2027-01-12T10:00:00.000Z",
      ]);
      for (const occurrence of occurrences) {
        expect(londonWallClock(occurrence)).toMatch(/^Tuesday \d+ \w+ 202[67] 10:00$/);
        expect(weekdayOrdinal(new Date(occurrence), LONDON).ordinal).toBe(2);
      }
    });

    it("skips months without a fifth Monday, and they do not count as steps", () => {
      expect(series({ kind: "monthly", intervalMonths: 1, ordinal: 5 }, "2026-03-30T17:30:00Z", LONDON, 8)).toEqual([
        "2026-03-30T17:30:00.000Z", // Monday 30 March, 18:30 BST
        "2026-06-29T17:30:00.000Z",
        "2026-08-31T17:30:00.000Z",
        "2026-11-30T18:30:00.000Z", // GMT again
        "2027-03-29T17:30:00.000Z", // clocks went forward on 28 March 2027
        "2027-05-31T17:30:00.000Z",
        "2027-08-30T17:30:00.000Z",
        "2027-11-29T18:30:00.000Z",
      ]);
    });

    it("repeats on the last Friday, whether the month has four or five", () => {
      expect(series({ kind: "monthly", intervalMonths: 1, ordinal: -1 }, "2026-01-30T10:00:00Z", LONDON, 6)).toEqual([
        "2026-01-30T10:00:00.000Z", // fifth Friday
        "2026-02-27T10:00:00.000Z", // fourth Friday
        "2026-03-27T10:00:00.000Z",
        "2026-04-24T09:00:00.000Z",
        "2026-05-29T09:00:00.000Z",
        "2026-06-26T09:00:00.000Z",
      ]);
    });

    it("repeats every two months on the last Friday", () => {
      expect(series({ kind: "monthly", intervalMonths: 2, ordinal: -1 }, "2026-01-30T10:00:00Z", LONDON, 6)).toEqual([
        "2026-01-30T10:00:00.000Z",
        "2026-03-27T10:00:00.000Z",
        "2026-05-29T09:00:00.000Z",
        "2026-07-31T09:00:00.000Z",
        "2026-09-25T09:00:00.000Z",
        "2026-11-27T10:00:00.000Z",
      ]);
    });

    it("repeats every two months on the fifth Monday, skipping candidate months without one", () => {
      // May, July and September 2026 and January 2027 have only four Mondays.
      expect(series({ kind: "monthly", intervalMonths: 2, ordinal: 5 }, "2026-03-30T17:30:00Z", LONDON, 4)).toEqual([
        "2026-03-30T17:30:00.000Z",
        "2026-11-30T18:30:00.000Z",
        "2027-03-29T17:30:00.000Z",
        "2027-05-31T17:30:00.000Z",
      ]);
    });

    it("moves a time in the spring-forward gap forward by the gap", () => {
      const anchor = new Date("2026-02-22T01:30:00Z"); // last Sunday of February, 01:30 GMT
      const march = occurrenceStart({ kind: "monthly", intervalMonths: 1, ordinal: -1 }, anchor, LONDON, 1)!.toISOString();
      expect(march).toBe("2026-03-29T01:30:00.000Z");
      expect(londonWallClock(march)).toBe("Sunday 29 March 2026 02:30");
    });

    it("works out the weekday and day in the zone, not in UTC", () => {
      // 23:30 on Monday 12 January in New York is already Tuesday in UTC.
      const anchor = new Date("2026-01-13T04:30:00Z");
      expect(weekdayOrdinal(anchor, "America/New_York")).toEqual({ ordinal: 2, isLast: false, weekday: 1 });
      expect(occurrenceStart({ kind: "monthly", intervalMonths: 1, ordinal: 2 }, anchor, "America/New_York", 1)?.toISOString()).toBe(
        "2026-02-10T04:30:00.000Z", // Monday 9 February, 23:30 EST
      );
    });
  });

  it("returns the anchor itself for steps 0, for every kind of rule", () => {
    const anchor = new Date("2026-01-13T10:00:00Z");
    for (const rule of [
      { kind: "none" },
      { kind: "weekly", intervalWeeks: 3 },
      { kind: "monthly", intervalMonths: 2, ordinal: 2 },
    ] as RecurrenceRule[]) {
      const start = occurrenceStart(rule, anchor, LONDON, 0);
      expect(start?.toISOString()).toBe(anchor.toISOString());
      expect(start).not.toBe(anchor); // a copy the caller may change
    }
  });

  it("returns null after the first meeting of a rule that does not repeat", () => {
    expect(occurrenceStart({ kind: "none" }, new Date("2026-01-13T10:00:00Z"), LONDON, 1)).toBeNull();
  });

  it("rejects negative or fractional steps and unknown zones", () => {
    const anchor = new Date("2026-01-13T10:00:00Z");
    expect(() => occurrenceStart({ kind: "weekly", intervalWeeks: 1 }, anchor, LONDON, -1)).toThrow(RangeError);
    expect(() => occurrenceStart({ kind: "weekly", intervalWeeks: 1 }, anchor, LONDON, 1.5)).toThrow(RangeError);
    expect(() => occurrenceStart({ kind: "weekly", intervalWeeks: 1 }, anchor, "Mars/Olympus_Mons", 1)).toThrow(/Mars\/Olympus_Mons/);
  });
});

describe("weekdayOrdinal", () => {
  it.each([
    ["2026-03-01T10:00:00Z", { ordinal: 1, isLast: false, weekday: 7 }], // Sunday 1 March
    ["2026-03-10T10:00:00Z", { ordinal: 2, isLast: false, weekday: 2 }], // Tuesday 10 March
    ["2026-03-17T10:00:00Z", { ordinal: 3, isLast: false, weekday: 2 }],
    ["2026-03-24T10:00:00Z", { ordinal: 4, isLast: false, weekday: 2 }], // a fifth Tuesday follows
    ["2026-03-29T10:00:00Z", { ordinal: 5, isLast: true, weekday: 7 }], // day 29
    ["2026-03-30T10:00:00Z", { ordinal: 5, isLast: true, weekday: 1 }], // day 30
    ["2026-03-31T10:00:00Z", { ordinal: 5, isLast: true, weekday: 2 }], // day 31
    ["2026-02-24T10:00:00Z", { ordinal: 4, isLast: true, weekday: 2 }], // fourth and last in February
    ["2026-02-28T10:00:00Z", { ordinal: 4, isLast: true, weekday: 6 }], // last day of a 28-day month
    ["2028-02-29T10:00:00Z", { ordinal: 5, isLast: true, weekday: 2 }], // leap day
    ["2026-04-24T09:00:00Z", { ordinal: 4, isLast: true, weekday: 5 }], // Friday 24 April (30-day month)
    ["2026-04-23T09:00:00Z", { ordinal: 4, isLast: false, weekday: 4 }], // Thursday 23 April; 30 April is a Thursday
  ])("%s in London", (iso, expected) => {
    expect(weekdayOrdinal(new Date(iso), LONDON)).toEqual(expected);
  });

  it("reads the date in the zone: 23:30Z on 31 March is 1 April in London summer time", () => {
    expect(weekdayOrdinal(new Date("2026-03-31T23:30:00Z"), LONDON)).toEqual({ ordinal: 1, isLast: false, weekday: 3 });
    expect(weekdayOrdinal(new Date("2026-03-31T23:30:00Z"), "UTC")).toEqual({ ordinal: 5, isLast: true, weekday: 2 });
  });
});

describe("validateMonthlyOrdinal", () => {
  it("accepts a start that is the chosen ordinal", () => {
    expect(ordinalProblem(new Date("2026-03-10T10:00:00Z"), LONDON, 2)).toBeNull();
    expect(ordinalProblem(new Date("2026-03-31T09:00:00Z"), LONDON, 5)).toBeNull();
    expect(ordinalProblem(new Date("2026-03-31T09:00:00Z"), LONDON, -1)).toBeNull();
    expect(ordinalProblem(new Date("2026-02-24T10:00:00Z"), LONDON, 4)).toBeNull();
    expect(ordinalProblem(new Date("2026-02-24T10:00:00Z"), LONDON, -1)).toBeNull(); // fourth is last in February
  });

  it("says which ordinal the start really is", () => {
    expect(ordinalProblem(new Date("2026-03-17T10:00:00Z"), LONDON, 2)).toBe(
      "Tuesday 17 March is the third Tuesday of its month, not the second. Choose “third” or change the start.",
    );
    expect(ordinalProblem(new Date("2026-03-24T10:00:00Z"), LONDON, -1)).toBe(
      "Tuesday 24 March is the fourth Tuesday of its month, not the last. Choose “fourth” or change the start.",
    );
  });

  it("offers “last” too when the start is the last of its weekday", () => {
    expect(ordinalProblem(new Date("2026-02-24T10:00:00Z"), LONDON, 5)).toBe(
      "Tuesday 24 February is the fourth Tuesday of its month, not the fifth. Choose “fourth” or “last”, or change the start.",
    );
    expect(ordinalProblem(new Date("2026-03-30T17:30:00Z"), LONDON, 1)).toBe(
      "Monday 30 March is the fifth Monday of its month, not the first. Choose “fifth” or “last”, or change the start.",
    );
  });

  it("reads the date in the zone", () => {
    // 23:30 on Saturday 28 February in New York is already Sunday 1 March in UTC.
    const anchor = new Date("2026-03-01T04:30:00Z");
    expect(ordinalProblem(anchor, "UTC", 1)).toBeNull();
    expect(ordinalProblem(anchor, "America/New_York", 1)).toBe(
      "Saturday 28 February is the fourth Saturday of its month, not the first. Choose “fourth” or “last”, or change the start.",
    );
  });
});

describe("describeRule", () => {
  const tuesday = new Date("2026-03-10T10:00:00Z");
  const friday = new Date("2026-01-30T10:00:00Z");
  const monday = new Date("2026-03-30T17:30:00Z");

  it.each([
    [{ kind: "none" }, tuesday, "Does not repeat"],
    [{ kind: "weekly", intervalWeeks: 1 }, tuesday, "Every week on Tuesday"],
    [{ kind: "weekly", intervalWeeks: 3 }, tuesday, "Every 3 weeks on Tuesday"],
    [{ kind: "monthly", intervalMonths: 1, ordinal: 2 }, tuesday, "Monthly on the second Tuesday"],
    [{ kind: "monthly", intervalMonths: 2, ordinal: -1 }, friday, "Every two months on the last Friday"],
    [{ kind: "monthly", intervalMonths: 1, ordinal: 5 }, monday, "Monthly on the fifth Monday (months without one are skipped)"],
    [{ kind: "monthly", intervalMonths: 2, ordinal: 5 }, monday, "Every two months on the fifth Monday (months without one are skipped)"],
  ] as [RecurrenceRule, Date, string][])("%j", (rule, anchor, expected) => {
    expect(labels.describeRule(rule, anchor, LONDON)).toBe(expected);
  });

  it("names the weekday in the zone", () => {
    const lateMonday = new Date("2026-01-13T04:30:00Z"); // Monday 23:30 in New York
    expect(labels.describeRule({ kind: "weekly", intervalWeeks: 1 }, lateMonday, "America/New_York")).toBe("Every week on Monday");
    expect(labels.describeRule({ kind: "weekly", intervalWeeks: 1 }, lateMonday, LONDON)).toBe("Every week on Tuesday");
  });
});

describe("the ordinals' words", () => {
  it("names every ordinal", () => {
    expect(labels.ordinals).toEqual({ 1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", [-1]: "last" });
  });
});

describe("serialiseRule and deserialiseRule", () => {
  it.each([
    [{ kind: "none" }],
    [{ kind: "weekly", intervalWeeks: 1 }],
    [{ kind: "weekly", intervalWeeks: 8 }],
    [{ kind: "monthly", intervalMonths: 1, ordinal: 2 }],
    [{ kind: "monthly", intervalMonths: 2, ordinal: -1 }],
    [{ kind: "monthly", intervalMonths: 1, ordinal: 5 }],
  ] as [RecurrenceRule][])("round-trips %j", (rule) => {
    const text = serialiseRule(rule);
    expect(JSON.parse(text)).toEqual(rule);
    expect(deserialiseRule(text)).toEqual(rule);
  });

  it("writes the same text for the same rule, whatever the key order", () => {
    expect(serialiseRule({ ordinal: 2, intervalMonths: 1, kind: "monthly" } as RecurrenceRule)).toBe(
      '{"kind":"monthly","intervalMonths":1,"ordinal":2}',
    );
  });

  it.each([
    ["not JSON", "weekly", /not JSON/],
    ["empty", "", /not JSON/],
    ["null", "null", /not valid/],
    ["an unknown kind", '{"kind":"daily"}', /not valid/],
    ["a missing interval", '{"kind":"weekly"}', /not valid/],
    ["zero weeks", '{"kind":"weekly","intervalWeeks":0}', /not valid/],
    ["nine weeks", '{"kind":"weekly","intervalWeeks":9}', /not valid/],
    ["fractional weeks", '{"kind":"weekly","intervalWeeks":1.5}', /not valid/],
    ["weeks as a string", '{"kind":"weekly","intervalWeeks":"2"}', /not valid/],
    ["three months", '{"kind":"monthly","intervalMonths":3,"ordinal":1}', /not valid/],
    ["a sixth weekday", '{"kind":"monthly","intervalMonths":1,"ordinal":6}', /not valid/],
    ["ordinal 0", '{"kind":"monthly","intervalMonths":1,"ordinal":0}', /not valid/],
    ["another kind's field", '{"kind":"none","intervalWeeks":1}', /not valid/],
  ])("rejects %s", (_, text, message) => {
    expect(() => deserialiseRule(text)).toThrow(message);
  });

  it("refuses to serialise an invalid rule", () => {
    expect(() => serialiseRule({ kind: "weekly", intervalWeeks: 0 })).toThrow();
    expect(() => serialiseRule({ kind: "weekly", intervalWeeks: 9 })).toThrow();
  });

  it("exposes the schema for form validation", () => {
    expect(recurrenceRuleSchema.safeParse({ kind: "weekly", intervalWeeks: 2 }).success).toBe(true);
    expect(recurrenceRuleSchema.safeParse({ kind: "monthly", intervalMonths: 1 }).success).toBe(false);
  });
});
