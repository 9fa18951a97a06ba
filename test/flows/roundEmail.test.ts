// The live-projects round by email (#17, #16), in the real app with a real SMTP
// server in the test process: an organisation whose members all take part by email
// has two of them asked by email (not one whose address refuses mail, and one whose
// addresses all refuse it is "not asked"); a Slack member who chose meeting messages
// by email only gets the email and no DM, one who chose both gets both, and one whose
// address refuses mail gets the DM. Each email carries the question, when the answers
// are shared, and the person's own link; an answer on the round's page counts in the
// post and /community updates like a Slack one (the same form twice adds one),
// Nothing new too; the reminder goes only to organisations that have not answered;
// the page is closed once the meeting starts, is cancelled or the person leaves, and
// a changed link gets a 4xx. Then the same email through the fake GOV.UK Notify.
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { FakeNotify } from "../support/fakeNotify";
import { type Harness, startHarness, TEAM_ID } from "../support/harness";
import { deliver, linkIn } from "../support/meetingMail";
import { throughNotify } from "../support/notifyHarness";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { type ReceivedMail, SmtpSink } from "../support/smtpSink";

const ALICE = "U0ALICE"; // organiser, HMRC
const BOB = "U0BOB"; // DWP, in Slack, meeting messages in Slack and by email
const CAROL = "U0CAROL"; // Companies House, in Slack, meeting messages by email only
const FRAN = "U0FRAN"; // DSIT, in Slack, meeting messages by email only, but her address refuses mail
const DANA = "dana@dbt.example.gov.uk"; // DBT by email, joined second
const DEV = "dev@dbt.example.gov.uk"; // DBT by email, joined third
const DOT = "dot@dbt.example.gov.uk"; // DBT by email, joined first, but her address refuses mail
const ERIN = "erin@dfe.example.gov.uk"; // DfE by email: does not answer
const OLLY = "olly@ons.example.gov.uk"; // ONS by email, whose address refuses mail: ONS cannot be asked
const CAROL_ADDRESS = "carol@ch.example.gov.uk";
const BOB_ADDRESS = "bob@dwp.example.gov.uk";
const FRAN_ADDRESS = "fran@dsit.example.gov.uk";

// Tuesday 7 April 2026, 10am: the questions 3 working days before (Easter's bank holidays skipped).
const MEETING = "2026-04-07T10:00";
const ASK = "2026-03-31T08:00:00.000Z";
const REMIND = "2026-04-02T08:00:00.000Z";
const POST = "2026-04-02T14:00:00.000Z";

let h: Harness;
let sink: SmtpSink;
let communityId: string;
let channel: string;
let meetingId: string;

/** A member by email of `organisation`, as accepting an invitation on the web makes one. */
async function byEmail(address: string, name: string, organisation: string): Promise<string> {
  const community = await h.app.services.communities.byId(communityId);
  await h.app.services.memberships.join(
    community,
    emailPersonId(address),
    { organisation, organisationOther: null, profession: "policy", professionOther: null },
    { contact: { email: address, displayName: name } },
  );
  return emailPersonId(address);
}

async function seedWorld(target: Harness): Promise<void> {
  h = target;
  const community = await seedCommunity(h, ALICE);
  communityId = community.id;
  channel = community.slackChannelId!;
  await seedMember(h, BOB, communityId, { organisation: "dwp" });
  await seedMember(h, CAROL, communityId, { organisation: "companies-house" });
  await seedMember(h, FRAN, communityId, { organisation: "dsit" });
  const choose = async (user: string, meetings: string, address: string) =>
    h.app.services.messageChoices.choose(
      await h.app.services.communities.byId(communityId),
      user,
      { meetings, reminders: "slack", digests: "none" },
      address,
    );
  await choose(BOB, "both", BOB_ADDRESS);
  await choose(CAROL, "email", CAROL_ADDRESS);
  await choose(FRAN, "email", FRAN_ADDRESS);
  const now = h.clock.now();
  await h.app.store.emailRefusals.refuse(emailPersonId(FRAN_ADDRESS), FRAN_ADDRESS, "550 5.1.1 no such mailbox", "smtp", now);
  await byEmail(DOT, "Dot Evans", "dbt");
  await h.app.store.emailRefusals.refuse(emailPersonId(DOT), DOT, "550 5.1.1 no such mailbox", "smtp", now);
  h.clock.set(new Date(now.getTime() + 60_000));
  await byEmail(DANA, "Dana Smith", "dbt");
  h.clock.set(new Date(now.getTime() + 120_000));
  await byEmail(DEV, "Dev Patel", "dbt");
  await byEmail(ERIN, "Erin Jones", "dfe");
  await byEmail(OLLY, "Olly Brown", "ons");
  await h.app.store.emailRefusals.refuse(emailPersonId(OLLY), OLLY, "550 5.1.1 no such mailbox", "smtp", now);
  meetingId = (await seedMeeting(h, communityId, MEETING, { by: ALICE, channel, now: h.clock.now() })).id;
  await deliver(h); // the meeting's own emails (invitations), out of the way
  h.slack.reset();
}

async function at(iso: string) {
  h.clock.set(new Date(iso));
  await deliver(h);
}

const header = (mail: ReceivedMail, name: string) =>
  mail.parsed!.headerLines.find((l) => l.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

/** The page and its form token, as a browser gets them. */
async function openPage(link: string) {
  const page = await fetch(link);
  const html = await page.text();
  return { status: page.status, html, token: html.match(/name="csrfToken" value="([^"]+)"/)?.[1] ?? "" };
}

function send(link: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return fetch(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
}

describe("the live-projects round by email, over SMTP", () => {
  const round = (address: string) =>
    sink.received.filter((m) => m.envelope.to.includes(address) && /live projects/i.test(m.parsed!.subject!));
  const dmsTo = (user: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user);

  beforeEach(async () => {
    sink = await new SmtpSink().start();
    await seedWorld(
      await startHarness(
        {},
        { mail: new SmtpMail({ url: sink.url(), from: "Service Communities <communities@example.gov.uk>", tls: "opportunistic" }) },
      ),
    );
    await h.db.journeyStage.createMany({
      data: [
        { communityId, title: "Register the company", position: 0, status: "accepted", createdBy: ALICE },
        { communityId, title: "Register for tax", position: 1, status: "accepted", createdBy: ALICE },
      ],
    });
    sink.received.length = 0;
  });
  afterEach(async () => {
    await h.close();
    await sink.stop();
  });

  it("asks an organisation of members by email by email, and a Slack member who chose meeting emails only by email and not by DM", async () => {
    await at(ASK);
    // DMs in Slack to those who get meeting messages there: Bob (Slack and email), and Fran, whose address refuses mail.
    expect(
      h.slack
        .callsTo("chat.postMessage")
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual([ALICE, BOB, FRAN].sort());
    expect(dmsTo(CAROL)).toHaveLength(0);
    // Emails: DBT's two whose addresses take mail, not Dot (refused); DfE's one member; Carol (email only); Bob (both).
    expect(await h.db.roundAsk.count({ where: { meetingId } })).toBe(7);
    for (const address of [DANA, DEV, ERIN, CAROL_ADDRESS, BOB_ADDRESS]) expect([address, round(address).length]).toEqual([address, 1]);
    for (const address of [DOT, OLLY, FRAN_ADDRESS]) expect([address, round(address).length]).toEqual([address, 0]);

    const [mail] = round(DANA);
    const parsed = mail.parsed!;
    expect(parsed.subject).toBe("Live projects before Show and tell, Tuesday 7 April 2026");
    expect(parsed.from!.value).toEqual([{ name: "Service Communities", address: "communities@example.gov.uk" }]);
    expect(header(mail, "List-Unsubscribe")).toMatch(/^<https:\/\/communities\.test\/email\/[\w.-]+\/unsubscribe>$/);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(parsed.messageId).toMatch(/@example\.gov\.uk>$/);
    const question = "What has DBT changed, planned or cleared since the last meeting that affects Starting a business?";
    for (const part of [parsed.text!, parsed.html as string]) {
      expect(part).toContain(question);
      expect(part).toContain("The answers are shared with the community at 3pm UK time on Thursday 2 April 2026");
      expect(part).toContain("1 other person at DBT was asked too: one answer for DBT is enough.");
      expect(part).toContain("It works until the meeting starts at 10am UK time on Tuesday 7 April 2026.");
      expect(part).toMatch(/https:\/\/communities\.test\/round\/[\w.-]+/);
      expect(part).toMatch(/https:\/\/communities\.test\/email\/[\w.-]+\/unsubscribe/);
    }
    expect(parsed.text).toContain("Tell us about a change, or say there is nothing new:");
    // Each has a link of their own.
    const danaLink = linkIn(h, parsed.text!, "round");
    expect(linkIn(h, round(DEV)[0].parsed!.text!, "round")).not.toBe(danaLink);
    expect(round(CAROL_ADDRESS)[0].parsed!.text).toContain(
      "What has Companies House changed, planned or cleared since the last meeting that affects Starting a business?",
    );
    // Again, a minute later: nobody is asked twice.
    await at("2026-03-31T08:01:00.000Z");
    expect(sink.received).toHaveLength(5);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(3);

    // Dev unsubscribes: DBT's reminder goes to Dana alone.
    await h.app.services.messageChoices.unsubscribe(communityId, emailPersonId(DEV));
    await at(REMIND);
    expect(round(DANA).map((m) => m.parsed!.subject)).toEqual([
      "Live projects before Show and tell, Tuesday 7 April 2026",
      "Reminder: live projects before Show and tell, Tuesday 7 April 2026",
    ]);
    expect(round(DEV)).toHaveLength(1);
    const skipped = await h.db.outboxMessage.findFirstOrThrow({
      where: { kind: "round_question", target: emailPersonId(DEV), status: "skipped" },
    });
    expect(skipped.lastError).toBe("they get no meeting emails now");
  });

  it("takes answers on the page as Slack's form does, reminds only organisations that have not answered, and posts them", async () => {
    await at(ASK);
    const danaLink = linkIn(h, round(DANA)[0].parsed!.text!, "round");
    const carolLink = linkIn(h, round(CAROL_ADDRESS)[0].parsed!.text!, "round");
    const page = await openPage(danaLink);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Nobody has answered for DBT yet.");
    const formId = page.html.match(/name="formId" value="([^"]+)"/)![1]!;
    const [register, tax] = await h.db.journeyStage.findMany({ where: { communityId }, orderBy: { position: "asc" } });
    // A mistake: nothing is added, and the page says what to fix.
    const wrong = await send(danaLink, { csrfToken: page.token, do: "change", formId, title: "", state: "" });
    expect(wrong.status).toBe(400);
    const mistakes = await wrong.text();
    expect(mistakes).toContain("There is a problem");
    expect(mistakes).toContain('href="#title">Enter what it is, in 3 to 150 characters');
    expect(mistakes).toContain('href="#state">Select where it is now');
    const change = {
      csrfToken: page.token,
      do: "change",
      formId,
      title: "Joint registration for tax and company",
      stages: [register.id, tax.id],
      state: "policy_clearance",
      "expectedOn-day": "30",
      "expectedOn-month": "10",
      "expectedOn-year": "2026",
    };
    const sent = await send(danaLink, change);
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toMatch(/^\/round\/[\w.-]+\?saved=change$/);
    // The same form again (a double click): one update.
    expect((await send(danaLink, change)).status).toBe(303);
    const updates = await h.db.projectUpdate.findMany({ include: { stages: true } });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      organisation: "dbt",
      answeredBy: emailPersonId(DANA),
      state: "policy_clearance",
      expectedOn: "2026-10-30",
      meetingId,
    });
    expect(updates[0].stages.map((s) => s.stageId).sort()).toEqual([register.id, tax.id].sort());
    const redrawn = await (await fetch(`${danaLink}?saved=change`)).text();
    expect(redrawn).toContain("Thank you. Your change has been added to what DBT has told.");
    expect(redrawn).toContain(
      "Joint registration for tax and company: In policy clearance, expected Friday 30 October 2026. Stages: Register the company, Register for tax",
    );
    // Companies House has nothing new, however often it says so.
    const carol = await openPage(carolLink);
    expect((await send(carolLink, { csrfToken: carol.token, do: "nothing" })).status).toBe(303);
    expect((await send(carolLink, { csrfToken: carol.token, do: "nothing" })).status).toBe(303);
    expect(await h.db.projectUpdate.count({ where: { nothingNew: true, organisation: "companies-house" } })).toBe(1);
    expect(await (await fetch(`${carolLink}?saved=nothing`)).text()).toContain("Companies House has nothing new this time. Thank you.");

    // The reminder: DfE by email, HMRC and DSIT in Slack, DWP both ways; nobody at DBT or Companies House.
    sink.received.length = 0;
    h.slack.reset();
    await at(REMIND);
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed!.subject]).sort()).toEqual([
      [BOB_ADDRESS, "Reminder: live projects before Show and tell, Tuesday 7 April 2026"],
      [ERIN, "Reminder: live projects before Show and tell, Tuesday 7 April 2026"],
    ]);
    expect(round(ERIN)[0].parsed!.text).toContain("This is a reminder: nobody has answered for DfE yet.");
    expect(
      h.slack
        .callsTo("chat.postMessage")
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual([ALICE, BOB, FRAN].sort());

    // The post: DBT's update like any other, DfE among those that did not answer, ONS not asked.
    await at(POST);
    const post = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!.args;
    expect(post.blocks[1].text.text).toBe(
      "Before Show and tell, Tuesday 7 April 2026: *1 update* from 1 organisation.\n*Nothing new:* Companies House.\n*Did not answer:* DfE, DSIT, DWP and HMRC.\n*Not asked* (none of their members could be reached by email): ONS.",
    );
    expect(JSON.stringify(post.blocks)).toContain(
      "*DBT*\\n• Joint registration for tax and company: In policy clearance, expected Friday 30 October 2026  ·  Register the company and Register for tax  ·  Dana Smith (by email)",
    );
    // And in the delivery timeline.
    const reply = await h.command("updates DBT", { user: BOB, channel });
    const timeline = reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
    expect(timeline.blocks[0].text.text).toBe("*DBT's live projects in Starting a business* (1)");
    expect(timeline.blocks[1].text.text).toContain("*Joint registration for tax and company*  ·  DBT");
    expect(timeline.blocks[1].text.text).toContain(
      "• In policy clearance, expected Friday 30 October 2026: Tuesday 31 March 2026, before Show and tell  ·  Dana Smith (by email)",
    );
  });

  it("is closed once the meeting starts, is cancelled or the person leaves, and refuses a changed link", async () => {
    await at(ASK);
    const danaLink = linkIn(h, round(DANA)[0].parsed!.text!, "round");
    const devLink = linkIn(h, round(DEV)[0].parsed!.text!, "round");
    // A changed link, or another page's link under this address: 404, and the app keeps going.
    expect((await fetch(`${danaLink.slice(0, -3)}xyz`)).status).toBe(404);
    const meeting = await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const meetingLink = linkIn(h, h.app.services.pageLinks.meeting(emailPersonId(DANA), meeting), "meeting");
    expect((await fetch(meetingLink.replace("/meeting/", "/round/"))).status).toBe(404);
    expect((await fetch(`${h.url}/round/not-a-token`)).status).toBe(404);
    expect((await openPage(danaLink)).status).toBe(200);

    // Dev leaves: his link says the round is closed to him.
    const community = await h.app.services.communities.byId(communityId);
    await h.app.services.memberships.leave(community, emailPersonId(DEV));
    const left = await fetch(devLink);
    expect(left.status).toBe(410);
    expect(await left.text()).toContain(`You are no longer a member of Starting a business, so you cannot answer its live-projects round.`);

    // The meeting starts: no form, and a form sent from the page a minute before adds nothing.
    h.clock.set(new Date("2026-04-07T08:59:00Z"));
    const open = await openPage(danaLink);
    expect(open.status).toBe(200);
    h.clock.set(new Date("2026-04-07T09:00:00Z"));
    const closed = await fetch(danaLink);
    expect(closed.status).toBe(410);
    const closedPage = await closed.text();
    expect(closedPage).toContain("This live-projects round is closed");
    expect(closedPage).toContain("Show and tell, Tuesday 7 April 2026 has started, so its live-projects round takes no more answers.");
    expect(closedPage).not.toContain("<form");
    expect((await send(danaLink, { csrfToken: open.token, do: "nothing" })).status).toBe(410);
    expect(await h.db.projectUpdate.count()).toBe(0);
  });

  it("says a cancelled meeting's round is closed", async () => {
    await at(ASK);
    const danaLink = linkIn(h, round(DANA)[0].parsed!.text!, "round");
    await h.app.services.meetings.cancel({ teamId: TEAM_ID }, meetingId, ALICE, "this");
    const page = await fetch(danaLink);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("Show and tell, Tuesday 7 April 2026 was cancelled, so there is no live-projects round for it.");
  });

  it("still emails someone who chose both when Slack refuses their DM for good", async () => {
    // Bob's Slack account is deactivated: the DM fails at once, and the email is not lost with it.
    h.slack.deactivate(BOB);
    await at(ASK);
    const dm = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "round_question", target: BOB } });
    expect([dm.status, dm.lastError]).toEqual(["failed", "user_disabled"]);
    expect(round(BOB_ADDRESS)).toHaveLength(1);
    expect(round(BOB_ADDRESS)[0].parsed!.text).toContain(
      "What has DWP changed, planned or cleared since the last meeting that affects Starting a business?",
    );
  });
});

describe("the live-projects round by email, through GOV.UK Notify", () => {
  let notify: FakeNotify;

  beforeEach(async () => {
    notify = await new FakeNotify().start();
    const via = throughNotify(notify);
    await seedWorld(await startHarness(via.settings, via.parts));
    notify.emails.length = 0;
  });
  afterEach(async () => {
    await h.close();
    await notify.stop();
  });

  it("sends the same question, with the link and the one-click unsubscribe address", async () => {
    await at(ASK);
    const toDana = notify.emails.filter((e) => e.email_address === DANA);
    expect(toDana).toHaveLength(1);
    const { personalisation, one_click_unsubscribe_url, reference } = toDana[0];
    expect(personalisation.subject).toBe("Live projects before Show and tell, Tuesday 7 April 2026");
    expect(personalisation.body).toContain(
      "# What has DBT changed, planned or cleared since the last meeting that affects Starting a business?",
    );
    expect(personalisation.body).toMatch(
      /Tell us about a change, or say there is nothing new:\nhttps:\/\/communities\.test\/round\/[\w.-]+/,
    );
    expect(one_click_unsubscribe_url).toMatch(/^https:\/\/communities\.test\/email\/[\w.-]+\/unsubscribe$/);
    expect(reference).toBeTruthy();
    expect(notify.emails.filter((e) => e.email_address === CAROL_ADDRESS)).toHaveLength(1);
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === CAROL)).toHaveLength(0);
  });
});
