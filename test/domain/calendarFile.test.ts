import {
  type CalendarMeeting,
  calendarFile,
  calendarFiles,
  parseCalendarFields,
  unescapeText,
} from "../../src/domain/meetings/calendarFile.ts";

const STAMPED_AT = new Date("2026-03-01T12:34:56Z");

function meeting(overrides: Partial<CalendarMeeting> = {}): CalendarMeeting {
  return {
    uid: "mtg_123@service-communities",
    sequence: 0,
    title: "Monthly catch-up",
    startsAt: new Date("2026-04-14T09:00:00Z"), // 10:00 in London (BST)
    durationMinutes: 60,
    description: "Agenda to follow",
    location: null,
    url: null,
    cancelled: false,
    ...overrides,
  };
}

function fields(overrides: Partial<CalendarMeeting> = {}): Record<string, string> {
  return parseCalendarFields(calendarFile(meeting(overrides), STAMPED_AT));
}

const utf8Octets = (line: string) => Buffer.byteLength(line, "utf8");

describe("calendarFile", () => {
  it("writes a complete calendar for a simple meeting", () => {
    expect(calendarFile(meeting(), STAMPED_AT)).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "PRODID:-//Service Communities//Slack bot//EN",
        "METHOD:REQUEST",
        "X-PUBLISHED-TTL:PT1H",
        "BEGIN:VEVENT",
        "UID:mtg_123@service-communities",
        "SUMMARY:Monthly catch-up",
        "DTSTAMP:20260301T123456Z",
        "DTSTART:20260414T090000Z",
        "DTEND:20260414T100000Z",
        "SEQUENCE:0",
        "DESCRIPTION:Agenda to follow",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("ends every line with CRLF and has no bare line feeds or carriage returns", () => {
    const text = calendarFile(meeting({ description: "One\nTwo\r\nThree\rFour", location: "Room 1\nFloor 2" }), STAMPED_AT);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("names each attendee, asked to reply, with their answer so far and a name that cannot break the line", () => {
    const text = calendarFile(
      meeting({ attendees: [{ name: 'Sam "the" Jones\nHMRC', email: "sam@example.org", answer: "TENTATIVE" }] }),
      STAMPED_AT,
    );
    const line = text
      .replace(/\r\n /g, "")
      .split("\r\n")
      .find((l) => l.startsWith("ATTENDEE"));
    expect(line).toBe(
      "ATTENDEE;RSVP=TRUE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;CN=\"Sam 'the' Jones HMRC\":mailto:sam@example.org",
    );
    expect(calendarFile(meeting(), STAMPED_AT)).not.toContain("ATTENDEE");
    // Written once, named for each attendee in turn: the same file but for its ATTENDEE.
    const files = calendarFiles(meeting(), STAMPED_AT);
    expect(files([{ name: 'Sam "the" Jones\nHMRC', email: "sam@example.org", answer: "TENTATIVE" }])).toBe(text);
    expect(files([])).toBe(calendarFile(meeting(), STAMPED_AT));
  });

  it("is the same every time for the same meeting and timestamp", () => {
    expect(calendarFile(meeting(), STAMPED_AT)).toBe(calendarFile(meeting(), new Date(STAMPED_AT.getTime())));
  });

  describe("fields", () => {
    it("identifies the meeting and its revision", () => {
      const { UID, SEQUENCE, PRODID } = fields({ sequence: 7 });
      expect(UID).toBe("mtg_123@service-communities");
      expect(SEQUENCE).toBe("7");
      expect(PRODID).toBe("-//Service Communities//Slack bot//EN");
    });

    it("writes the start and end in UTC", () => {
      const { DTSTART, DTEND } = fields({ startsAt: new Date("2026-01-13T10:00:00Z"), durationMinutes: 45 });
      expect(DTSTART).toBe("20260113T100000Z");
      expect(DTEND).toBe("20260113T104500Z");
    });

    it("ends on the next day when the meeting runs past midnight UTC", () => {
      const { DTSTART, DTEND } = fields({ startsAt: new Date("2026-12-31T23:30:00Z"), durationMinutes: 90 });
      expect(DTSTART).toBe("20261231T233000Z");
      expect(DTEND).toBe("20270101T010000Z");
    });

    it("stamps the file with the given time, not the current time", () => {
      expect(fields().DTSTAMP).toBe("20260301T123456Z");
      expect(parseCalendarFields(calendarFile(meeting(), new Date("2027-06-30T23:59:59Z"))).DTSTAMP).toBe("20270630T235959Z");
    });

    it("asks calendars to add or update the event while it stands", () => {
      const { METHOD, STATUS } = fields();
      expect(METHOD).toBe("REQUEST");
      expect(STATUS).toBe("CONFIRMED");
    });

    it("asks calendars to remove the event when it is cancelled, keeping its UID", () => {
      const { METHOD, STATUS, UID, SEQUENCE } = fields({ cancelled: true, sequence: 3 });
      expect(METHOD).toBe("CANCEL");
      expect(STATUS).toBe("CANCELLED");
      expect(UID).toBe("mtg_123@service-communities");
      expect(SEQUENCE).toBe("3");
    });

    it("writes the title as SUMMARY on one line", () => {
      expect(fields({ title: "  Monthly\ncatch-up  " }).SUMMARY).toBe("Monthly catch-up");
    });

    it("writes the place and video link", () => {
      const { LOCATION, URL } = fields({ location: "Room 1, 10 South Colonnade", url: "https://meet.example.com/abc-defg-hij" });
      expect(LOCATION).toBe("Room 1\\, 10 South Colonnade");
      expect(URL).toBe("https://meet.example.com/abc-defg-hij");
    });

    it("leaves out empty optional fields", () => {
      const written = fields({ description: "  ", location: "", url: null, organiserName: "Ann Smith" });
      expect(written).not.toHaveProperty("DESCRIPTION");
      expect(written).not.toHaveProperty("LOCATION");
      expect(written).not.toHaveProperty("URL");
      // ORGANIZER needs an address: with only a name, ics would write "ORGANIZER;CN=…" without a value.
      expect(written).not.toHaveProperty("ORGANIZER");
    });

    it("writes the organiser when there is an email address", () => {
      const text = calendarFile(meeting({ organiserName: 'Ann "Annie"\nSmith', organiserEmail: "ann.smith@example.gov.uk" }), STAMPED_AT);
      expect(text).toContain(`\r\nORGANIZER;CN="Ann 'Annie' Smith":MAILTO:ann.smith@example.gov.uk\r\n`);
      expect(parseCalendarFields(text).ORGANIZER).toBe("MAILTO:ann.smith@example.gov.uk");
    });
  });

  describe("escaping text", () => {
    it("escapes commas, semicolons and backslashes", () => {
      expect(fields({ title: "Catch-up, March; part 1 \\ 2" }).SUMMARY).toBe("Catch-up\\, March\\; part 1 \\\\ 2");
    });

    it("escapes line breaks of every kind as \\n", () => {
      expect(fields({ description: "Agenda:\n1. Intros\r\n2. News\r3. AOB" }).DESCRIPTION).toBe("Agenda:\\n1. Intros\\n2. News\\n3. AOB");
      expect(fields({ location: "Room 1\nhttps://meet.example.com/abc" }).LOCATION).toBe("Room 1\\nhttps://meet.example.com/abc");
    });

    it("drops control characters that RFC 5545 does not allow in text", () => {
      expect(fields({ description: "Bell\u0007 and\u0000 null\tand tab" }).DESCRIPTION).toBe("Bell and null\tand tab");
    });

    it("round-trips text through unescapeText", () => {
      const description = "Agenda, in order:\n1. Intros; news\n2. C:\\Users\\share";
      expect(unescapeText(fields({ description }).DESCRIPTION)).toBe(description);
    });
  });

  describe("folding long lines", () => {
    const agenda = Array.from({ length: 20 }, (_, i) => `${i + 1}. An agenda item with quite a long name`).join("\n");

    it("folds lines at 75 octets with a space, and unfolding gives back the text", () => {
      const text = calendarFile(meeting({ description: agenda }), STAMPED_AT);
      const lines = text.split("\r\n");
      const first = lines.findIndex((line) => line.startsWith("DESCRIPTION:"));
      expect(utf8Octets(lines[first])).toBe(75);
      expect(lines[first + 1]).toMatch(/^ [^ ]/);
      for (const line of lines) expect(utf8Octets(line)).toBeLessThanOrEqual(75);
      expect(unescapeText(parseCalendarFields(text).DESCRIPTION)).toBe(agenda);
    });

    it("counts octets, not characters, and never splits a character", () => {
      const description = "Café et crème brûlée — “quotes” ".repeat(10) + "🎉".repeat(40);
      const text = calendarFile(meeting({ description, title: "Ünïcödé ".repeat(20).trim() }), STAMPED_AT);
      const lines = text.split("\r\n");
      for (const line of lines) {
        expect(utf8Octets(line)).toBeLessThanOrEqual(75);
        expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half of an emoji
      }
      // ics alone folds every 75 characters, which here would be well over 75 octets.
      expect(lines.filter((line) => line.startsWith(" ")).length).toBeGreaterThan(Math.ceil((description.length + 12) / 75));
      const parsed = parseCalendarFields(text);
      expect(parsed.DESCRIPTION).toBe(description);
      expect(parsed.SUMMARY).toBe("Ünïcödé ".repeat(20).trim());
    });

    it("folds long URLs and locations too", () => {
      const url = `https://meet.example.com/${"a".repeat(150)}`;
      const text = calendarFile(meeting({ url, location: `Video: ${url}` }), STAMPED_AT);
      for (const line of text.split("\r\n")) expect(utf8Octets(line)).toBeLessThanOrEqual(75);
      expect(parseCalendarFields(text).URL).toBe(url);
      expect(parseCalendarFields(text).LOCATION).toBe(`Video: ${url}`);
    });
  });

  describe("refusing bad meetings", () => {
    it("throws with the package's reason when ics rejects a field", () => {
      expect(() => calendarFile(meeting({ url: "not a link" }), STAMPED_AT)).toThrow(/^Could not write the calendar file: url must match/);
      expect(() => calendarFile(meeting({ sequence: 1.5 }), STAMPED_AT)).toThrow(
        "Could not write the calendar file: sequence must be an integer",
      );
      expect(() => calendarFile(meeting({ organiserEmail: "not an email" }), STAMPED_AT)).toThrow(/organizer\.email must be a valid email/);
    });

    it("refuses a meeting without a positive duration or a valid start", () => {
      expect(() => calendarFile(meeting({ durationMinutes: 0 }), STAMPED_AT)).toThrow(RangeError);
      expect(() => calendarFile(meeting({ durationMinutes: Number.NaN }), STAMPED_AT)).toThrow(RangeError);
      expect(() => calendarFile(meeting({ startsAt: new Date("nonsense") }), STAMPED_AT)).toThrow(RangeError);
      expect(() => calendarFile(meeting(), new Date("nonsense"))).toThrow(RangeError);
    });
  });
});

describe("parseCalendarFields", () => {
  it("unfolds continuation lines that start with a space or a tab", () => {
    expect(parseCalendarFields("BEGIN:VEVENT\r\nDESCRIPTION:one \r\n two\r\n\tthree\r\nEND:VEVENT\r\n")).toEqual({
      BEGIN: "VEVENT",
      DESCRIPTION: "one twothree",
      END: "VEVENT",
    });
  });

  it("accepts bare line feeds", () => {
    expect(parseCalendarFields("SUMMARY:Hello \n wor\n ld\nUID:x")).toEqual({ SUMMARY: "Hello world", UID: "x" });
  });

  it("keeps the first occurrence, upper-cases names and drops parameters", () => {
    expect(
      parseCalendarFields(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\ndtstart;TZID="Europe/London":20260414T100000\r\nDTSTART:20990101T000000Z\r\n',
      ),
    ).toEqual({
      BEGIN: "VCALENDAR",
      DTSTART: "20260414T100000",
    });
  });

  it("does not end the name at a colon inside a quoted parameter", () => {
    expect(parseCalendarFields('ORGANIZER;CN="Team: Design";SENT-BY="mailto:a@b.c":mailto:x@example.com').ORGANIZER).toBe(
      "mailto:x@example.com",
    );
  });

  it("keeps colons in the value and skips lines without one", () => {
    expect(parseCalendarFields("URL:https://example.com:8443/x\r\nnonsense\r\n\r\n")).toEqual({ URL: "https://example.com:8443/x" });
  });
});

describe("unescapeText", () => {
  it("undoes RFC 5545 text escapes", () => {
    expect(unescapeText("a\\, b\\; c\\\\d\\ne\\Nf")).toBe("a, b; c\\d\ne\nf");
  });
});
