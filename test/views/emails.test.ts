// The emails' content, rendered three ways (text, HTML, Notify's markdown): the
// same facts in each, typed text escaped in the HTML, only http(s) links made,
// and the house style held (test/support/plainEnglish.ts's rules for text).
import type { Digest } from "../../src/domain/digests/digests";
import type { MeetingCard } from "../../src/domain/meetings/meetings";
import type { ActionInContext, CommunityRecord, MeetingRecord } from "../../src/domain/ports";
import { actionEmail } from "../../src/views/email/actionMail";
import { type EmailDocument, emailHtml, emailNotifyMarkdown, emailText } from "../../src/views/email/document";
import { digestEmail, invitationEmail } from "../../src/views/email/emails";
import { meetingEmail, reminderEmail } from "../../src/views/email/meetingMail";
import { roundQuestionEmail } from "../../src/views/email/roundMail";
import { textProblems } from "../support/plainEnglish";

const community: CommunityRecord = {
  id: "c1",
  workspaceId: "w",
  name: "Starting a business <script>alert(1)</script>",
  slug: "starting-a-business",
  service: "Starting a business",
  purpose: "Make starting a business simpler",
  meetingCadence: "monthly",
  slackChannelId: "C1",
  timezone: "Europe/London",
  problemThreshold: 3,
  membersCanSchedule: false,
  reminderOffsets: [1440],
  digest: { cadence: "weekly", weekday: 1, monthDay: 1, time: "09:00" },
  createdBy: "U1",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  archivedAt: null,
  contactMethods: [],
  page: { visibility: "link_only", version: 0 },
  roundDaysBefore: 3,
  bankHolidays: "england-and-wales",
};

const meeting = {
  id: "m1",
  communityId: "c1",
  seriesId: null,
  occurrence: 0,
  title: "Show & tell",
  startsAt: new Date("2026-12-08T14:30:00Z"),
  durationMinutes: 60,
  timezone: "Europe/London",
  videoLink: "https://teams.example.gov.uk/meet/1",
  place: null,
  agenda: "1. Introductions\n2. Findings",
  reminderOffsets: [60],
  status: "scheduled",
  sequence: 0,
  createdBy: "U1",
  announcementChannelId: null,
  announcementTs: null,
  createdAt: new Date("2026-12-01T00:00:00Z"),
  cancelledAt: null,
} as unknown as MeetingRecord;

const card = {
  meeting,
  community,
  tally: { going: 1, maybe: 0, notGoing: 0, goingIds: [] },
  series: null,
  nextStart: null,
} as unknown as MeetingCard;
const links = { settingsUrl: "https://sc.example.gov.uk/email/t", unsubscribeUrl: "https://sc.example.gov.uk/email/t/unsubscribe" };
const actionItem = {
  action: {
    id: "a1",
    title: "Share the plan <b>now</b>",
    ownerId: "mail:x",
    dueOn: "2026-12-18",
    stage: { id: "s1", title: "Register" },
    problem: null,
  },
  meeting,
  community,
} as unknown as ActionInContext;
const actionOf = (kind: "assigned" | "before" | "overdue") =>
  actionEmail({ item: actionItem, community, kind, recordedBy: "an organiser", actionUrl: "https://sc.example.gov.uk/action/t", links });
const calendarUrl = "https://sc.example.gov.uk/calendar/m1.ics?sig=s";
const roundUrl = "https://sc.example.gov.uk/round/t";
const told = {
  id: "u1",
  title: "Joint registration <b>for tax</b>",
  state: "policy_clearance",
  expectedOn: "2026-12-31",
  nothingNew: false,
  stages: [{ id: "s1", title: "Register", position: 0 }],
};
const question = (when: "ask" | "reminder", toldSoFar: unknown[], group: { id: string; name: string } | null = null) =>
  roundQuestionEmail(
    {
      meeting,
      community,
      group,
      organisation: { key: "hmrc", label: "HMRC" },
      when,
      askedWith: ["mail:a"],
      postAt: new Date("2026-12-07T15:00:00Z"),
      told: toldSoFar,
      nothingNew: false,
    } as never,
    roundUrl,
    links,
  );

function rendered(doc: EmailDocument) {
  return { text: emailText(doc), html: emailHtml(doc, "Service Communities"), notify: emailNotifyMarkdown(doc) };
}

const all: Array<[string, EmailDocument]> = [
  [
    "invitation",
    invitationEmail({
      community,
      message: "Hello\n\nI'm Alice from HMRC.\nWe share problems.",
      answerUrl: "https://sc.example.gov.uk/invitation/abc",
      expiresAt: new Date("2026-12-31T12:00:00Z"),
    }),
  ],
  [
    "meeting invitation",
    meetingEmail({
      card,
      kind: "invitation",
      links: { ...links, answerUrl: "https://sc.example.gov.uk/meeting/x", calendarUrl },
      calendarAttached: true,
    }),
  ],
  [
    "meeting change",
    meetingEmail({
      card,
      kind: "update",
      links: { ...links, answerUrl: "https://sc.example.gov.uk/meeting/x", calendarUrl },
      calendarAttached: true,
    }),
  ],
  [
    "meeting cancellation",
    meetingEmail({
      card,
      kind: "cancellation",
      links: { ...links, answerUrl: "https://sc.example.gov.uk/meeting/x", calendarUrl },
      calendarAttached: true,
    }),
  ],
  [
    "reminder",
    reminderEmail({
      card,
      answer: "maybe",
      links: { ...links, answerUrl: "https://sc.example.gov.uk/meeting/x", calendarUrl },
      now: new Date("2026-12-07T14:30:00Z"),
    }),
  ],
  [
    "meeting invitation through Notify",
    meetingEmail({
      card,
      kind: "invitation",
      links: { ...links, answerUrl: "https://sc.example.gov.uk/meeting/x", calendarUrl },
      calendarAttached: false,
    }),
  ],
  [
    "meeting cancellation through Notify",
    meetingEmail({
      card,
      kind: "cancellation",
      links: { ...links, answerUrl: "https://sc.example.gov.uk/meeting/x", calendarUrl },
      calendarAttached: false,
    }),
  ],
  ["live-projects question", question("ask", [told])],
  ["live-projects reminder", question("reminder", [])],
  ["action", actionOf("assigned")],
  ["action reminder", actionOf("before")],
  ["overdue action", actionOf("overdue")],
  [
    "digest",
    digestEmail({
      digest: {
        community,
        since: new Date("2026-12-01T09:00:00Z"),
        newProblems: { items: [{ id: "p1", title: "People register twice", votes: 2, organisations: 1 }], total: 3 },
        topProblems: [{ id: "p1", title: "People register twice", votes: 2, organisations: 1 }],
        objectives: [],
        meetings: { items: [{ meeting, going: 1, maybe: 2 }], total: 1 },
        newMembers: { items: ["U2"], total: 1 },
        newOrganisations: [],
        journey: { stages: 0, suggestions: 0, withNewProblems: [], notRepresented: [] },
        shared: { items: [], total: 0 },
        outcomes: {
          items: [
            {
              outcome: { meetingId: "m9", decisions: ["Meet every month", "Start with the address check"] },
              meeting: { id: "m9", title: "Research catch-up", startsAt: new Date("2026-12-02T10:00:00Z"), timezone: "Europe/London" },
              group: { id: "g1", name: "User research" },
              actions: [{ title: "Share the research plan", ownerId: "mail:abc", dueOn: "2026-12-18" }],
            },
          ],
          total: 1,
        },
        liveProjects: {
          places: [
            {
              group: null,
              items: [
                { id: "u1", organisationName: "HMRC", title: "Joint registration", state: "policy_clearance", expectedOn: "2027-03-31" },
              ],
              total: 1,
              organisations: 1,
              nothingNew: 2,
            },
            {
              group: { id: "g1", name: "User research" },
              items: [{ id: "u2", organisationName: "DWP", title: "New address check", state: "live", expectedOn: null }],
              total: 7,
              organisations: 3,
              nothingNew: 0,
            },
          ],
          total: 8,
        },
        overdueActions: { items: [{ title: "Find someone from DBT", ownerId: "U2", dueOn: "2026-12-01" }], total: 1 },
        owners: new Map([
          ["mail:abc", { slackUserId: "mail:abc", displayName: "Sam Patel", organisation: "HMRC" }],
          ["U2", { slackUserId: "U2", displayName: null, organisation: "DWP" }],
        ]),
        empty: false,
      } as unknown as Digest,
      pageUrl: "https://sc.example.gov.uk/c/starting-a-business",
      links,
    }),
  ],
];

describe("emails", () => {
  it.each(all)("the %s says the same in text, HTML and Notify's markdown, in the house style", (_, doc) => {
    const { text, html, notify } = rendered(doc);
    expect(textProblems(`${doc.subject}\n${text}`, "email")).toEqual([]);
    // Typed text is escaped in the HTML, never run.
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    // Every link in the text part is a link in the HTML and in Notify's body.
    for (const url of text.match(/https:\/\/\S+/g) ?? []) {
      expect(html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
      expect(notify).toContain(url);
    }
  });

  it("gives every email to a member a way to change their emails and to unsubscribe", () => {
    for (const [name, doc] of all.filter(([n]) => n !== "invitation")) {
      const { text } = rendered(doc);
      expect([name, text.includes(links.unsubscribeUrl) && text.includes(links.settingsUrl)]).toEqual([name, true]);
    }
  });

  it("asks the round's question with what the organisation has told so far, when the answers are shared, and the link", () => {
    const { text, html } = rendered(question("ask", [told]));
    expect(question("ask", []).subject).toBe("Live projects before Show & tell, Tuesday 8 December 2026");
    expect(text).toContain("What has HMRC changed, planned or cleared since the last meeting that affects Starting a business?");
    expect(text).toContain(
      "The answers are shared with the community at 3pm UK time on Monday 7 December 2026, and kept in the community's delivery timeline.",
    );
    expect(text).toContain("1 other person at HMRC was asked too: one answer for HMRC is enough.");
    expect(text).toContain(
      "What HMRC has told so far\n-------------------------\n\n* Joint registration <b>for tax</b>: In policy clearance, expected Thursday 31 December 2026. Stages: Register",
    );
    expect(html).toContain("Joint registration &lt;b&gt;for tax&lt;/b&gt;");
    expect(text).toContain(`Tell us about another change:\n${roundUrl}`);
    expect(text).toContain("It works until the meeting starts at 2:30pm UK time on Tuesday 8 December 2026.");
    // A group's round says so in the subject, the introduction and who the answers go to.
    const grouped = question("reminder", [], { id: "g1", name: "Licensing" });
    expect(grouped.subject).toBe("Reminder: live projects before Show & tell, Tuesday 8 December 2026 (Licensing group)");
    const groupText = rendered(grouped).text;
    expect(groupText).toContain(
      "Before Show & tell, Tuesday 8 December 2026, the Licensing group of Starting a business <script>alert(1)</script> asks each",
    );
    expect(groupText).toContain("since the last meeting of the Licensing group that affects Starting a business?");
    expect(groupText).toContain("The answers are shared with the Licensing group at 3pm UK time on Monday 7 December 2026");
    const reminder = rendered(question("reminder", []));
    expect(question("reminder", []).subject).toBe("Reminder: live projects before Show & tell, Tuesday 8 December 2026");
    expect(reminder.text).toMatch(/^This is a reminder: nobody has answered for HMRC yet\./);
    expect(reminder.text).toContain(`Tell us about a change, or say there is nothing new:\n${roundUrl}`);
  });

  it("tells a digest's reader what a group decided under the group's name, and whose the overdue actions are", () => {
    const digest = all.find(([name]) => name === "digest")![1];
    const { text } = rendered(digest);
    expect(text).toContain(
      [
        "Decided at User research group: Research catch-up, Wednesday 2 December 2026",
        "-".repeat(60), // underlines stop at 60
        "",
        "* Decided: Meet every month",
        "* Decided: Start with the address check",
        "* Action: Share the research plan: Sam Patel, due Friday 18 December 2026",
      ].join("\n"),
    );
    expect(text).toContain("Overdue actions\n---------------\n\n* Find someone from DBT: someone from DWP, due Tuesday 1 December 2026");
  });

  it("tells a digest's reader what organisations told the rounds, the community's own first and then each group's under its name", () => {
    const { text } = rendered(all.find(([name]) => name === "digest")![1]);
    expect(text).toContain(
      [
        "Live projects: Starting a business <script>alert(1)</script>",
        "-".repeat(60),
        "",
        "* 1 update from 1 organisation; 2 organisations had nothing new",
        "* Joint registration, from HMRC: In policy clearance, expected Wednesday 31 March 2027",
        "",
        "Live projects: User research group",
        "----------------------------------",
        "",
        "* 7 updates from 3 organisations",
        "* New address check, from DWP: Live",
        "* and 6 more updates",
      ].join("\n"),
    );
  });

  it("says a meeting's time in the house style, with the time zone in words", () => {
    const { text } = rendered(all[1][1]);
    expect(all[1][1].subject).toBe("Invitation: Show & tell, Tuesday 8 December 2026, 2:30pm to 3:30pm UK time");
    expect(text).toContain("When: Tuesday 8 December 2026, 2:30pm to 3:30pm UK time");
    expect(rendered(all[4][1]).text).toContain(
      "Show & tell, a meeting of Starting a business <script>alert(1)</script>, is tomorrow. You said: Maybe.",
    );
  });

  it("marks headings, quotes and the footer in each plain rendering its own way, and nothing else differs", () => {
    const doc: EmailDocument = {
      subject: "s",
      parts: [
        { kind: "heading", text: "Next meeting" },
        { kind: "quote", text: "First line\nSecond line" },
        { kind: "list", items: ["One", "Two"] },
        { kind: "link", text: "Answer", href: "https://example.org/a" },
        { kind: "footer", text: "Why you got this", links: [{ text: "Unsubscribe", href: "https://example.org/u" }] },
      ],
    };
    expect(emailText(doc)).toBe(
      "Next meeting\n------------\n\n> First line\n> Second line\n\n* One\n* Two\n\nAnswer:\nhttps://example.org/a\n\n---\nWhy you got this\nUnsubscribe: https://example.org/u\n",
    );
    expect(emailNotifyMarkdown(doc)).toBe(
      "# Next meeting\n\n^ First line\n^ Second line\n\n* One\n* Two\n\nAnswer:\nhttps://example.org/a\n\n---\n\nWhy you got this\n\nUnsubscribe: https://example.org/u",
    );
  });

  it("makes links only to http(s) and mailto addresses", () => {
    const doc: EmailDocument = { subject: "s", parts: [{ kind: "link", text: "Click", href: "javascript:alert(1)" }] };
    expect(emailHtml(doc, "S")).not.toContain("javascript:");
  });
});
