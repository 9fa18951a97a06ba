// Helpers for the meeting email flows: a meeting scheduled, changed and
// cancelled through its modals, members by email, the calendar part of a
// received email read with ical.js, and the personal links in an email.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { ParsedMail } from "mailparser";
import { emailPersonId } from "../../src/domain/members/people";
import { CALLBACK, CANCEL_MEETING_BLOCK, MEETING_BLOCK } from "../../src/views/ids";
import type { Harness } from "./harness";
import { input, viewSubmission } from "./payloads";

/** The picker's value for a London wall time. */
export function picker(local: string): number {
  return DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds();
}

/** The meeting form as submitted: a new meeting of `communityId`, or a change to `meetingId`. */
export function meetingForm(
  user: string,
  communityId: string,
  fields: { start: string; title?: string; reminders?: string[]; place?: string; recurrence?: string },
  meetingId?: string,
) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.scheduleMeeting,
    privateMetadata: JSON.stringify({ pickerZone: "Europe/London", communityId, ...(meetingId ? { meetingId } : {}) }),
    values: {
      [MEETING_BLOCK.title]: input.text(fields.title ?? "Show and tell"),
      [MEETING_BLOCK.start]: input.datetime(picker(fields.start)),
      [MEETING_BLOCK.duration]: input.select("60"),
      [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/123"),
      [MEETING_BLOCK.place]: input.text(fields.place ?? null),
      [MEETING_BLOCK.agenda]: input.text("1. Introductions\n2. Research findings"),
      [MEETING_BLOCK.recurrence]: input.select(fields.recurrence ?? "none"),
      [MEETING_BLOCK.ordinal]: input.select(null),
      [MEETING_BLOCK.reminders]: input.checkboxes(fields.reminders ?? []),
    },
  });
}

export function cancelForm(user: string, meetingId: string) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.cancelMeeting,
    privateMetadata: JSON.stringify({ meetingId }),
    values: { [CANCEL_MEETING_BLOCK.note]: input.text(null) },
  });
}

/** Schedules through the modal; returns the meeting's row. */
export async function scheduleMeeting(h: Harness, user: string, communityId: string, fields: Parameters<typeof meetingForm>[2]) {
  const reply = await h.interact(meetingForm(user, communityId, fields));
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.meeting.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
}

/** A member by email, as accepting an invitation on the web makes one; returns their person id. */
export async function memberByEmail(h: Harness, communityId: string, address: string, name: string): Promise<string> {
  const community = await h.app.services.communities.byId(communityId);
  await h.app.services.memberships.join(
    community,
    emailPersonId(address),
    { organisation: "hmrc", organisationOther: null, profession: "policy", professionOther: null },
    { contact: { email: address, displayName: name } },
  );
  return emailPersonId(address);
}

/** Ticks until the outbox is quiet: the Slack dispatcher turns a meeting into email rows, the email dispatcher sends them. */
export async function deliver(h: Harness): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const report = await h.app.tick();
    if (report.claimed === 0 && (report.email?.claimed ?? 0) === 0) return;
  }
}

/** The calendar part of a received email (its invite.ics), parsed by ical.js. */
export function calendarOf(parsed: ParsedMail) {
  const attachment = parsed.attachments.find((a) => a.filename === "invite.ics");
  if (!attachment) return null;
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
  const organiser = event.getFirstProperty("organizer")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    startZone: start.zone?.tzid,
    start: start.toJSDate().toISOString(),
    organiser: { address: String(organiser.getFirstValue()).toLowerCase(), name: organiser.getParameter("cn") },
    attendees: event.getAllProperties("attendee").map((a) => ({
      address: String(a.getFirstValue()).toLowerCase(),
      name: a.getParameter("cn"),
      rsvp: a.getParameter("rsvp"),
      answer: a.getParameter("partstat"),
    })),
  };
}

/** The first link in a text to one of the web pages (meeting, email…), moved onto the test's own server. */
export function linkIn(h: Harness, text: string, path: "meeting" | "email" | "calendar" | "action" | "round"): string {
  const found = text.match(new RegExp(`https://communities\\.test/${path}/[^\\s<>"]+`));
  if (!found) throw new Error(`no /${path}/ link in:\n${text}`);
  const url = new URL(found[0]);
  return `${h.url}${url.pathname}${url.search}`;
}

/** Answers a meeting on its web page, as a browser would: the page, then the form with its token. */
export async function answerOnTheWeb(link: string, answer: "going" | "maybe" | "not_going"): Promise<number> {
  const page = await fetch(link);
  expect(page.status).toBe(200);
  const token = (await page.text()).match(/name="csrfToken" value="([^"]+)"/)?.[1];
  const posted = await fetch(link, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: token ?? "", answer }).toString(),
    redirect: "manual",
  });
  return posted.status;
}
