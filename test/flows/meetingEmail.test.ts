// Meetings by email, in the real app with a real SMTP server in the test process:
// a meeting scheduled in Slack reaches each member with an address as a calendar
// invitation (read with mailparser and ical.js), a change as an update with a
// higher SEQUENCE, a cancellation as METHOD:CANCEL to everyone who was invited;
// reminders go at the community's offsets on the injected clock; and an answer
// from the email's link counts with everyone's. The same through the fake
// Notify, which takes no attachments, answers 429 and 500, and reports bounces.
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { ACTION, BLOCK } from "../../src/views/ids";
import { FakeNotify } from "../support/fakeNotify";
import { type Harness, startHarness } from "../support/harness";
import {
  answerOnTheWeb,
  calendarOf,
  cancelForm,
  deliver,
  linkIn,
  meetingForm,
  memberByEmail,
  scheduleMeeting,
} from "../support/meetingMail";
import { CALLBACK_TOKEN, type ThroughNotify, throughNotify } from "../support/notifyHarness";
import { blockAction } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { type ReceivedMail, SmtpSink } from "../support/smtpSink";

const FROM = "Service Communities <communities@example.gov.uk>";
const REPLY_TO = "communities-team@example.gov.uk";
const ALICE = "U0ALICE";
const BOB = "U0BOB";
const SAM = "sam@example.org";
const KIM = "kim@example.org";

let sink: SmtpSink;
let h: Harness;
let communityId: string;
let channel: string;

beforeEach(async () => {
  sink = await new SmtpSink().start();
  h = await startHarness({}, { mail: new SmtpMail({ url: sink.url(), from: FROM, replyTo: REPLY_TO, tls: "opportunistic" }) });
  const community = await seedCommunity(h, ALICE); // Monday 2 March 2026, 10:00Z
  communityId = community.id;
  channel = community.slackChannelId!;
  await seedMember(h, BOB, communityId);
  await memberByEmail(h, communityId, SAM, "Sam Jones");
  await memberByEmail(h, communityId, KIM, "Kim Lee");
  // The weekly digest goes by email too (test/flows/digestEmail.test.ts): here it would only add emails on Mondays;
  // the live-projects round's DMs are tested on their own (round.test.ts): here they would only add noise.
  await h.db.community.update({ where: { id: communityId }, data: { digestCadence: "off", roundDaysBefore: 0 } });
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
  await sink.stop();
});

const to = (address: string) => sink.received.filter((m) => m.envelope.to.includes(address));
const header = (mail: ReceivedMail, name: string) =>
  mail.parsed!.headerLines.find((l) => l.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

describe("a meeting by email, through SMTP", () => {
  it("invites each member with an address with a calendar invitation naming only them", async () => {
    const meeting = await scheduleMeeting(h, ALICE, communityId, { start: "2026-03-10T10:00", place: "10 South Colonnade" });
    await deliver(h);
    // Bob is in Slack with no address; Alice scheduled it from Slack: neither is emailed.
    expect(sink.received.map((m) => m.envelope.to).sort()).toEqual([[KIM], [SAM]]);
    const [sam] = to(SAM);
    const parsed = sam.parsed!;
    expect(parsed.subject).toBe("Invitation: Show and tell, Tuesday 10 March 2026, 10am to 11am UK time");
    expect(parsed.from?.text).toBe('"Service Communities" <communities@example.gov.uk>');
    expect(parsed.replyTo?.text).toBe(REPLY_TO);
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { channel: "email", target: emailPersonId(SAM) } });
    expect(parsed.messageId).toBe(`<${row.id}@example.gov.uk>`);
    expect(row.dedupeKey).toBe(`email:meeting:${meeting.id}:0:${emailPersonId(SAM)}`);
    // One-click unsubscribe (RFC 8058), at Sam's own link, which the visible link in both parts also gives.
    const unsubscribe = header(sam, "List-Unsubscribe")!;
    expect(unsubscribe).toMatch(/^<https:\/\/communities\.test\/email\/[\w.-]+\/unsubscribe>$/);
    expect(header(sam, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(parsed.text).toContain(`Unsubscribe: ${unsubscribe.slice(1, -1)}`);
    expect(parsed.html).toContain(`href="${unsubscribe.slice(1, -1)}"`);
    expect(parsed.text).toContain("When: Tuesday 10 March 2026, 10am to 11am UK time");
    expect(parsed.text).toContain("Where: 10 South Colonnade");
    expect(parsed.text).toMatch(/Say whether you are going:\nhttps:\/\/communities\.test\/meeting\//);
    expect(parsed.text).toContain("The calendar invitation is attached.");
    expect(parsed.html).toContain("Say whether you are going</a>");

    // A real invitation: text/calendar; method=REQUEST beside the text and HTML, and invite.ics.
    expect(sam.raw.toString("utf8")).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(calendarOf(parsed)).toEqual({
      method: "REQUEST",
      uid: `${meeting.id}@service-communities`,
      sequence: 0,
      status: "CONFIRMED",
      startZone: "UTC",
      start: "2026-03-10T10:00:00.000Z",
      organiser: { address: "mailto:communities@example.gov.uk", name: "Starting a business, Service Communities" },
      attendees: [{ address: `mailto:${SAM}`, name: "Sam Jones", rsvp: "TRUE", answer: "NEEDS-ACTION" }],
    });
    // Kim's names Kim alone: no one's address reaches anyone else.
    expect(calendarOf(to(KIM)[0].parsed!)?.attendees.map((a) => a.address)).toEqual([`mailto:${KIM}`]);
    expect(to(KIM)[0].raw.toString("utf8")).not.toContain(SAM);

    // Planning again (another tick) sends nothing more.
    await deliver(h);
    expect(sink.received).toHaveLength(2);
  });

  it("sends a change with a higher SEQUENCE, and a CANCEL to everyone who was invited, whatever they chose since", async () => {
    const meeting = await scheduleMeeting(h, ALICE, communityId, { start: "2026-03-10T10:00" });
    await deliver(h);
    const first = to(SAM)[0];

    // Sam unsubscribes with their mail program's button (a POST to List-Unsubscribe's address).
    const oneClick = await fetch(linkIn(h, header(first, "List-Unsubscribe")!, "email"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    // Lee joins after the invitation went out.
    const LEE = "lee@example.org";
    await memberByEmail(h, communityId, LEE, "Lee Chan");
    sink.received.length = 0;

    const moved = await h.interact(meetingForm(ALICE, communityId, { start: "2026-03-12T14:00" }, meeting.id));
    expect(moved.json).toEqual({ response_action: "clear" });
    await deliver(h);
    // Kim gets the change; Lee, who was not invited before, gets it as an invitation; Sam asked for no more.
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed!.subject]).sort()).toEqual([
      [KIM, "Changed: Show and tell, Thursday 12 March 2026, 2pm to 3pm UK time"],
      [LEE, "Invitation: Show and tell, Thursday 12 March 2026, 2pm to 3pm UK time"],
    ]);
    expect(calendarOf(to(KIM)[0].parsed!)).toMatchObject({
      method: "REQUEST",
      uid: `${meeting.id}@service-communities`,
      sequence: 1,
      start: "2026-03-12T14:00:00.000Z",
    });
    expect(to(KIM)[0].parsed!.text).toContain("If the meeting is in your calendar, it moves it there.");
    sink.received.length = 0;

    const cancelled = await h.interact(cancelForm(ALICE, meeting.id));
    expect(cancelled.json).toEqual({ response_action: "clear" });
    await deliver(h);
    // Everyone who was sent an invitation, Sam included: the cancellation takes out what we put in their calendar.
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual([KIM, LEE, SAM]);
    for (const mail of sink.received) {
      expect(mail.parsed!.subject).toBe("Cancelled: Show and tell, Thursday 12 March 2026, 2pm to 3pm UK time");
      expect(mail.raw.toString("utf8")).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
      expect(calendarOf(mail.parsed!)).toMatchObject({
        method: "CANCEL",
        uid: `${meeting.id}@service-communities`,
        sequence: 2,
        status: "CANCELLED",
        attendees: [{ address: `mailto:${mail.envelope.to[0]}` }],
      });
      expect(header(mail, "List-Unsubscribe")).toMatch(/\/unsubscribe>$/);
    }
    await deliver(h);
    expect(sink.received).toHaveLength(3);
  });

  it("invites someone who joins after a meeting was planned, and sends the version missed when meeting emails go back on", async () => {
    const meeting = await scheduleMeeting(h, ALICE, communityId, { start: "2026-03-10T10:00" });
    await deliver(h);
    sink.received.length = 0;

    // Lee accepts an invitation after the meeting's emails went out.
    await memberByEmail(h, communityId, "lee@example.org", "Lee Chan");
    await deliver(h);
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed!.subject])).toEqual([
      ["lee@example.org", "Invitation: Show and tell, Tuesday 10 March 2026, 10am to 11am UK time"],
    ]);
    sink.received.length = 0;

    // Kim turns meeting emails off, misses a change, and turns them on again: the meeting as it is now.
    const settings = (on: boolean) => ({ emailMeetings: on, emailReminders: true, emailDigests: true });
    await h.app.services.memberships.setEmailChoices(communityId, emailPersonId(KIM), settings(false));
    await h.interact(meetingForm(ALICE, communityId, { start: "2026-03-11T10:00" }, meeting.id));
    await deliver(h);
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual(["lee@example.org", SAM]);
    sink.received.length = 0;
    await h.app.services.memberships.setEmailChoices(communityId, emailPersonId(KIM), settings(true));
    await deliver(h);
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed!.subject])).toEqual([
      [KIM, "Changed: Show and tell, Wednesday 11 March 2026, 10am to 11am UK time"],
    ]);
    expect(calendarOf(sink.received[0].parsed!)).toMatchObject({ sequence: 1, start: "2026-03-11T10:00:00.000Z" });
    // Off and on again with nothing missed: nothing is sent twice.
    await h.app.services.memberships.setEmailChoices(communityId, emailPersonId(KIM), settings(false));
    await h.app.services.memberships.setEmailChoices(communityId, emailPersonId(KIM), settings(true));
    await deliver(h);
    expect(sink.received).toHaveLength(1);
  });

  it("reminds members by email at the community's offsets, unless they said they cannot go", async () => {
    const meeting = await scheduleMeeting(h, ALICE, communityId, { start: "2026-03-10T10:00", reminders: ["1440", "60"] });
    await deliver(h);
    // Kim cannot go, on the page the invitation links to; Bob is going, in Slack.
    expect(await answerOnTheWeb(linkIn(h, to(KIM)[0].parsed!.text!, "meeting"), "not_going")).toBe(303);
    await h.interact(blockAction({ user: BOB, actionId: ACTION.rsvpGoing, value: meeting.id, channel, blockId: BLOCK.meetingActions }));
    sink.received.length = 0;
    h.slack.reset();

    h.clock.set(new Date("2026-03-09T09:59:00Z"));
    await deliver(h);
    expect(sink.received).toHaveLength(0);
    h.clock.set(new Date("2026-03-09T10:00:00Z"));
    await deliver(h);
    expect(sink.received.map((m) => m.envelope.to)).toEqual([[SAM]]);
    const reminder = sink.received[0].parsed!;
    expect(reminder.subject).toBe("Reminder: Show and tell, Tuesday 10 March 2026, 10am to 11am UK time");
    expect(reminder.text).toContain(
      "Show and tell, a meeting of Starting a business, is tomorrow. You have not said whether you are going.",
    );
    expect(reminder.text).toContain("You are getting this email because you get meeting reminders from Starting a business.");
    expect(reminder.attachments).toHaveLength(0);
    expect(header(sink.received[0], "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // Bob's reminder is his DM, as before.
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === BOB)).toHaveLength(1);

    h.clock.set(new Date("2026-03-10T09:00:00Z"));
    await deliver(h);
    expect(sink.received.map((m) => m.envelope.to[0])).toEqual([SAM, SAM]);
    expect(sink.received[1].parsed!.text).toContain("is in an hour.");
  });

  it("invites a group's members to the group's meeting, and each member to every occurrence of a series", async () => {
    const group = await h.db.group.create({
      data: { communityId, name: "User research", nameKey: "user research", focus: "Research", createdBy: ALICE },
    });
    await h.db.groupMember.create({ data: { groupId: group.id, slackUserId: emailPersonId(KIM) } });
    await seedMeeting(h, communityId, "2026-03-11T15:00", { title: "Research round-up", groupId: group.id, now: h.clock.now() });
    await deliver(h);
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed!.subject])).toEqual([
      [KIM, "Invitation: Research round-up, Wednesday 11 March 2026, 3pm to 4pm UK time"],
    ]);
    sink.received.length = 0;

    // A weekly series has its next occurrence from the start: each is its own event, with its own UID.
    const reply = await h.interact(meetingForm(ALICE, communityId, { start: "2026-03-10T10:00", recurrence: "weekly:1" }));
    expect(reply.json).toEqual({ response_action: "clear" });
    await deliver(h);
    const uids = (address: string) => to(address).map((m) => [m.parsed!.subject, calendarOf(m.parsed!)?.uid]);
    const series = await h.db.meeting.findMany({ where: { seriesId: { not: null } }, orderBy: { occurrence: "asc" } });
    expect(series).toHaveLength(2);
    expect(uids(SAM).sort()).toEqual([
      ["Invitation: Show and tell, Tuesday 10 March 2026, 10am to 11am UK time", `${series[0].id}@service-communities`],
      ["Invitation: Show and tell, Tuesday 17 March 2026, 10am to 11am UK time", `${series[1].id}@service-communities`],
    ]);
    // Once the first has happened, the series makes the one after next, and its invitation goes.
    sink.received.length = 0;
    h.clock.set(new Date("2026-03-10T11:00:00Z"));
    await deliver(h);
    expect(uids(SAM).map(([subject]) => subject)).toEqual(["Invitation: Show and tell, Tuesday 24 March 2026, 10am to 11am UK time"]);
  });

  it("counts an answer given through the email's link with everyone's, and sends it on in the next change", async () => {
    const meeting = await scheduleMeeting(h, ALICE, communityId, { start: "2026-03-10T10:00" });
    await deliver(h);
    await h.interact(blockAction({ user: BOB, actionId: ACTION.rsvpGoing, value: meeting.id, channel, blockId: BLOCK.meetingActions }));
    expect(await answerOnTheWeb(linkIn(h, to(SAM)[0].parsed!.text!, "meeting"), "going")).toBe(303);
    expect(await answerOnTheWeb(linkIn(h, to(KIM)[0].parsed!.text!, "meeting"), "maybe")).toBe(303);

    const card = await h.app.services.meetings.card(meeting.id);
    expect(card.tally).toMatchObject({ going: 2, maybe: 1 });
    expect(card.tally.goingIds).toEqual(expect.arrayContaining([BOB, emailPersonId(SAM)]));
    // The channel's card shows the new numbers.
    expect(JSON.stringify(h.slack.lastCall("chat.update")?.args.blocks)).toContain("*2* going");

    sink.received.length = 0;
    await h.interact(meetingForm(ALICE, communityId, { start: "2026-03-10T10:00", title: "Show and tell: March" }, meeting.id));
    await deliver(h);
    expect(calendarOf(to(SAM)[0].parsed!)?.attendees[0].answer).toBe("ACCEPTED");
    expect(calendarOf(to(KIM)[0].parsed!)?.attendees[0].answer).toBe("TENTATIVE");
    expect(to(SAM)[0].parsed!.text).toContain("Change your answer:");
  });
});

describe("a meeting by email, through GOV.UK Notify", () => {
  let notify: FakeNotify;
  let n: Harness;
  let via: ThroughNotify;
  let id: string;

  beforeEach(async () => {
    notify = await new FakeNotify().start();
    via = throughNotify(notify);
    n = await startHarness(via.settings, via.parts);
    id = (await seedCommunity(n, ALICE)).id;
    await memberByEmail(n, id, SAM, "Sam Jones");
    await memberByEmail(n, id, KIM, "Kim Lee");
    n.slack.reset();
  });
  afterEach(async () => {
    await n.close();
    await notify.stop();
  });

  const sentTo = (address: string) => notify.emails.filter((e) => e.email_address === address);

  it("carries links to the calendar file and the answer page, sends each once through a 429 and a 500, and stops at a permanent failure", async () => {
    const meeting = await scheduleMeeting(n, ALICE, id, { start: "2026-03-10T10:00" });
    notify.failNext(
      1,
      429,
      [{ error: "RateLimitError", message: "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds" }],
      30,
    );
    notify.failNext(1, 500, [{ error: "Exception", message: "Internal server error" }]);
    await n.app.tick(); // the meeting becomes its emails
    expect((await n.app.tick()).email).toMatchObject({ retried: 1, sent: 0 }); // 429: everyone waits
    n.clock.advance(30_000);
    via.advancePacer(30_000);
    expect((await n.app.tick()).email).toMatchObject({ retried: 1, sent: 1 }); // one 500, one sent
    n.clock.advance(60_000);
    expect((await n.app.tick()).email).toMatchObject({ sent: 1 });
    await deliver(n);
    expect(sentTo(SAM)).toHaveLength(1);
    expect(sentTo(KIM)).toHaveLength(1);

    const [sam] = sentTo(SAM);
    expect(sam.personalisation.subject).toBe("Invitation: Show and tell, Tuesday 10 March 2026, 10am to 11am UK time");
    // No attachment can go: the body links to the calendar file and to the answer page instead.
    const body = sam.personalisation.body!;
    expect(body).toMatch(/Add it to your calendar:\nhttps:\/\/communities\.test\/calendar\/[\w-]+\.ics\?sig=/);
    expect(body).toMatch(/Say whether you are going:\nhttps:\/\/communities\.test\/meeting\//);
    expect(body).not.toContain("attached");
    expect(sam.one_click_unsubscribe_url).toMatch(/^https:\/\/communities\.test\/email\/[\w.-]+\/unsubscribe$/);
    const calendar = await fetch(linkIn(n, body, "calendar"));
    expect(await calendar.text()).toContain(`UID:${meeting.id}@service-communities`);

    // Notify says Sam's address does not take email: the organiser hears once, and Sam gets nothing more.
    expect((await notify.deliveryReceipt(`${n.url}/notify/delivery-receipts`, CALLBACK_TOKEN, sam, "permanent-failure")).status).toBe(200);
    await n.interact(meetingForm(ALICE, id, { start: "2026-03-12T14:00" }, meeting.id));
    await deliver(n);
    await n.interact(cancelForm(ALICE, meeting.id));
    await deliver(n);
    expect(sentTo(SAM)).toHaveLength(1);
    expect(sentTo(KIM).map((e) => e.personalisation.subject)).toEqual([
      "Invitation: Show and tell, Tuesday 10 March 2026, 10am to 11am UK time",
      "Changed: Show and tell, Thursday 12 March 2026, 2pm to 3pm UK time",
      "Cancelled: Show and tell, Thursday 12 March 2026, 2pm to 3pm UK time",
    ]);
    expect(sentTo(KIM)[2].personalisation.body).toContain("If you added it to your calendar, delete it there.");
    const skipped = await n.db.outboxMessage.findMany({ where: { channel: "email", target: emailPersonId(SAM), status: "skipped" } });
    expect(skipped.map((r) => r.lastError)).toEqual([
      expect.stringMatching(/^the address refuses mail/),
      expect.stringMatching(/^the address refuses mail/),
    ]);
    const alerts = n.slack.calls.filter(
      (c) => c.method === "chat.postMessage" && c.args.channel === ALICE && /cannot be delivered/.test(c.args.text),
    );
    expect(alerts).toHaveLength(1);
  });
});
