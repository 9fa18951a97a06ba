// A group's live-projects round (#17, "groups feed back"), through the real app over
// HTTP on each database with the clock moved by hand. A group's meeting has a round
// of its own, at the community's times on its working days (across Easter and the
// clocks going forward), asking only the group's members, by organisation, and naming
// the group; its answers are posted in the group's channel (in the community's,
// naming the group, when it has none) and put on the group meeting's agenda. Each
// answer stays the group's, even once the meeting is deleted: /community updates and
// the parent community's digest show it under the group's name, beside the
// community's own, in Slack and by email (a real SMTP server). A digest with nothing
// new but an update is sent; the week after, with nothing at all, it is not.
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { ACTION, CALLBACK, ROUND_BLOCK } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { sentProblems } from "../support/sentProblems";
import { SmtpSink } from "../support/smtpSink";

const ALICE = "U0ALICE"; // organiser, HMRC; started the group, so is in it
const BOB = "U0BOB"; // DWP, not in the group
const CAROL = "U0CAROL"; // Companies House, in the group
const DAN = "U0DAN"; // HMRC, in the group
const ERIN = "U0ERIN"; // HMRC, in the group: a third from HMRC, not asked
const FRED = "U0FRED"; // DfE, not in the group; gets the digest by email
const SAM = "sam@dbt.gov.uk"; // DBT, a member by email, in the group
const FRED_ADDRESS = "fred@education.gov.uk";
const GROUP_CHANNEL = "C0LICENSING";

// The group meets on Tuesday 7 April 2026 at 10am: after Good Friday and Easter Monday, and after the clocks go forward.
const ASK = "2026-03-31T08:00:00.000Z"; // Tuesday 31 March, 9am BST: 3 working days before
const REMIND = "2026-04-02T08:00:00.000Z"; // Thursday 2 April, 9am: the working day before
const POST = "2026-04-02T14:00:00.000Z"; // Thursday 2 April, 3pm
const QUESTION =
  "What has *HMRC* changed, planned or cleared since the last meeting of the *Licensing group* that affects *Starting a business*?";

let h: Harness;
let sink: SmtpSink;
let w: { communityId: string; channel: string; groupId: string; meetingId: string; slug: string };

beforeEach(async () => {
  sink = await new SmtpSink().start();
  h = await startHarness(
    {},
    { mail: new SmtpMail({ url: sink.url(), from: "Service Communities <communities@example.gov.uk>", tls: "opportunistic" }) },
  );
  const seeded = await seedCommunity(h, ALICE);
  await seedMember(h, BOB, seeded.id, { organisation: "dwp" });
  await seedMember(h, CAROL, seeded.id, { organisation: "companies-house" });
  await seedMember(h, DAN, seeded.id, { organisation: "hmrc" });
  await seedMember(h, ERIN, seeded.id, { organisation: "hmrc" });
  await seedMember(h, FRED, seeded.id, { organisation: "dfe" });
  const community = await h.app.services.communities.byId(seeded.id);
  await h.app.services.memberships.join(
    community,
    emailPersonId(SAM),
    { organisation: "dbt", organisationOther: null, profession: "policy", professionOther: null },
    { contact: { email: SAM, displayName: "Sam Patel" } },
  );
  await h.app.services.messageChoices.choose(community, FRED, { meetings: "slack", reminders: "slack", digests: "email" }, FRED_ADDRESS);
  const made = await h.app.services.groups.create(community, ALICE, {
    name: "Licensing",
    focus: "Licences across the journey",
    channel: null,
  });
  if (made.kind !== "created") throw new Error(`group not created: ${made.kind}`);
  const group = await h.db.group.update({ where: { id: made.group.id }, data: { slackChannelId: GROUP_CHANNEL } });
  for (const person of [CAROL, DAN, ERIN, emailPersonId(SAM)]) await h.app.services.groups.join(community, group, person);
  const meeting = await seedMeeting(h, seeded.id, "2026-04-07T10:00", {
    by: ALICE,
    groupId: group.id,
    channel: GROUP_CHANNEL,
    now: h.clock.now(),
  });
  w = { communityId: seeded.id, channel: seeded.slackChannelId!, groupId: group.id, meetingId: meeting.id, slug: seeded.slug };
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
  await sink.stop();
});

async function at(iso: string) {
  h.clock.set(new Date(iso));
  for (let i = 0; i < 3; i++) await h.app.tick();
}

const roundRows = (meetingId = w.meetingId) =>
  h.db.outboxMessage.findMany({
    where: { subjectId: meetingId, kind: { startsWith: "round_" } },
    orderBy: [{ dueAt: "asc" }, { kind: "asc" }],
  });
const dms = () => h.slack.callsTo("chat.postMessage").filter((c) => /^U/.test(c.args.channel));
/** The round's emails (not the meeting's invitation). */
const roundEmails = () => sink.received.filter((m) => /live projects/i.test(m.parsed?.subject ?? ""));
const livePosts = (channel: string) =>
  h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && /^Live projects/.test(c.args.text ?? ""));

function tellUs(user: string, meetingId: string, title: string, state: string, expectedOn: string | null = null) {
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.roundUpdate,
      privateMetadata: JSON.stringify({ meetingId }),
      values: {
        [ROUND_BLOCK.title]: input.text(title),
        [ROUND_BLOCK.state]: input.radio(state),
        [ROUND_BLOCK.expectedOn]: { type: "datepicker", selected_date: expectedOn },
      },
    }),
  );
}

const nothingNew = (user: string, meetingId: string, team?: string) =>
  h.interact(
    blockAction({ user, actionId: ACTION.roundNothingNew, value: meetingId, channel: user, responseUrl: h.slack.responseUrl(), team }),
  );

describe("a group's live-projects round", () => {
  it("asks only the group's members, by organisation, on the community's working days, and posts in the group's channel and on its agenda", async () => {
    expect((await roundRows()).map((r) => [r.kind, r.dueAt.toISOString(), r.target])).toEqual([
      ["round_ask", ASK, `round:${w.meetingId}`],
      ["round_reminder", REMIND, `round:${w.meetingId}`],
      ["round_post", POST, GROUP_CHANNEL],
    ]);

    await at("2026-03-31T07:59:00.000Z");
    expect(dms()).toHaveLength(0);
    await at(ASK);
    // HMRC: the organiser and whoever of the group joined first; Companies House; DBT by email, as its only member in the
    // group takes part by email; not DWP or DfE, who are not in the group.
    expect(
      dms()
        .map((c) => c.args.channel as string)
        .sort(),
    ).toEqual([ALICE, CAROL, DAN]);
    const asks = await h.db.roundAsk.findMany({ where: { meetingId: w.meetingId }, orderBy: { personId: "asc" } });
    expect(asks.map((a) => [a.organisation, a.personId])).toEqual([
      ["hmrc", ALICE],
      ["companies-house", CAROL],
      ["hmrc", DAN],
      ["dbt", emailPersonId(SAM)],
    ]);
    const question = dms().find((c) => c.args.channel === DAN)!.args;
    expect(question.text).toBe(QUESTION);
    expect(question.blocks[1].elements[0].text).toContain(`The answers are posted in <#${GROUP_CHANNEL}> at 3pm on Thursday 2 April 2026`);
    // The email names the group too.
    expect(roundEmails().map((m) => [m.envelope.to, m.parsed?.subject])).toEqual([
      [[SAM], "Live projects before Show and tell, Tuesday 7 April 2026 (Licensing group)"],
    ]);
    expect(roundEmails()[0].parsed?.text).toContain(
      "What has DBT changed, planned or cleared since the last meeting of the Licensing group that affects Starting a business?",
    );

    // HMRC tells of a change; it is the group's.
    expect((await tellUs(DAN, w.meetingId, "Joint registration for tax and company", "policy_clearance", "2026-10-30")).json).toEqual({
      response_action: "clear",
    });
    expect(await h.db.projectUpdate.findMany({ select: { groupId: true, organisation: true } })).toEqual([
      { groupId: w.groupId, organisation: "hmrc" },
    ]);

    // The reminder, the working day before (Good Friday and Easter Monday are not working days): Companies House and DBT.
    const before = dms().length;
    await at(REMIND);
    expect(
      dms()
        .slice(before)
        .map((c) => c.args.channel),
    ).toEqual([CAROL]);
    expect(roundEmails().map((m) => [m.envelope.to, m.parsed?.subject])).toEqual([
      [[SAM], "Live projects before Show and tell, Tuesday 7 April 2026 (Licensing group)"],
      [[SAM], "Reminder: live projects before Show and tell, Tuesday 7 April 2026 (Licensing group)"],
    ]);

    // The post at 3pm, in the group's channel, once, naming the group; not in the community's channel.
    await at(POST);
    await at("2026-04-02T14:05:00.000Z");
    expect(livePosts(w.channel)).toHaveLength(0);
    expect(livePosts(GROUP_CHANNEL)).toHaveLength(1);
    const post = livePosts(GROUP_CHANNEL)[0].args;
    expect(post.text).toBe("Live projects before Show and tell (Licensing group): *1 update* from 1 organisation");
    expect(post.blocks[0].text.text).toBe("Live projects before Show and tell (Licensing group)");
    expect(post.blocks[1].text.text).toBe(
      "Before Show and tell, Tuesday 7 April 2026 (Licensing group): *1 update* from 1 organisation.\n*Did not answer:* Companies House and DBT.",
    );
    const agenda = await h.db.agendaItem.findMany({ where: { meetingId: w.meetingId } });
    expect(agenda.map((i) => [i.title, i.source])).toEqual([
      ["Live projects: 1 update from 1 organisation, 2 did not answer (see the post in the channel)", "live_projects"],
    ]);

    // Every message and form of the round, held to the house style and Slack's limits.
    expect(sentProblems(h.slack)).toEqual([]);

    // The answer stays the group's once its meeting is gone; /community updates in the group's channel names the group.
    await h.db.meeting.delete({ where: { id: w.meetingId } });
    expect(await h.db.projectUpdate.findMany({ select: { groupId: true, meetingId: true } })).toEqual([
      { groupId: w.groupId, meetingId: null },
    ]);
    const reply = await h.command("updates", { user: CAROL, channel: GROUP_CHANNEL });
    const timeline = reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
    expect(timeline.blocks[1].text.text).toBe(
      [
        "*Joint registration for tax and company*  ·  HMRC",
        `• In policy clearance, expected Friday 30 October 2026: Tuesday 31 March 2026 (Licensing group)  ·  <@${DAN}>`,
      ].join("\n"),
    );
  });

  it("posts in the community's channel, naming the group, when the group has no channel of its own", async () => {
    await h.db.group.update({ where: { id: w.groupId }, data: { slackChannelId: null } });
    await h.app.services.round.replanCommunity(await h.app.services.communities.byId(w.communityId));
    expect((await roundRows()).filter((r) => r.status === "pending").map((r) => [r.kind, r.target])).toEqual([
      ["round_ask", `round:${w.meetingId}`],
      ["round_reminder", `round:${w.meetingId}`],
      ["round_post", w.channel],
    ]);
    await at(ASK);
    expect(dms().find((c) => c.args.channel === DAN)!.args.blocks[1].elements[0].text).toContain(`posted in <#${w.channel}>`);
    await at(POST);
    expect(livePosts(GROUP_CHANNEL)).toHaveLength(0);
    expect(livePosts(w.channel).map((c) => c.args.text)).toEqual([
      "Live projects before Show and tell (Licensing group): no updates this time",
    ]);
  });

  it("is refused to someone from another workspace, and records nothing", async () => {
    await at(ASK);
    await nothingNew("U0STRANGER", w.meetingId, "T0OTHER");
    expect(h.slack.responses.at(-1)!.body.text).toBe("That meeting no longer exists, so there is no live-projects round for it.");
    expect(await h.db.projectUpdate.count()).toBe(0);
    await nothingNew(CAROL, w.meetingId);
    expect(await h.db.projectUpdate.findMany({ select: { groupId: true, nothingNew: true } })).toEqual([
      { groupId: w.groupId, nothingNew: true },
    ]);
  });
});

describe("the parent community's digest", () => {
  const digests = (channel: string) =>
    h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && /digest/.test(c.args.text ?? ""));

  it("lists what the community's own round and the group's were told, the group's under its name, in Slack and by email", async () => {
    // The community meets the next day: its round asks on Wednesday 1 April.
    const own = await seedMeeting(h, w.communityId, "2026-04-08T10:00", { by: ALICE, title: "April meeting", now: h.clock.now() });
    await at(ASK);
    await tellUs(DAN, w.meetingId, "Joint registration for tax and company", "policy_clearance", "2026-10-30");
    await at("2026-04-01T08:00:00.000Z");
    await tellUs(BOB, own.id, "Check a passport once", "agreed");
    await nothingNew(FRED, own.id);
    // Monday 6 April, 9am BST: the digest, covering the week since Monday 30 March.
    await at("2026-04-06T08:00:30.000Z");
    expect(digests(w.channel)).toHaveLength(1);
    const text = JSON.stringify(digests(w.channel)[0].args.blocks);
    const ownSection =
      "*Live projects* (2)\\n*Starting a business*: 1 update from 1 organisation; 1 organisation had nothing new\\n• Check a passport once, from DWP: Agreed";
    const groupSection =
      "*Licensing group*: 1 update from 1 organisation\\n• Joint registration for tax and company, from HMRC: In policy clearance, expected Friday 30 October 2026";
    expect(text).toContain(ownSection);
    expect(text).toContain(groupSection);
    expect(text.indexOf(ownSection)).toBeLessThan(text.indexOf(groupSection));
    expect(text).toContain(`All of them: \`/community updates ${w.slug}\``);

    const mail = sink.received.find((m) => m.envelope.to.includes(FRED_ADDRESS))?.parsed;
    expect(mail?.text).toContain(
      [
        "Live projects: Starting a business",
        "----------------------------------",
        "",
        "* 1 update from 1 organisation; 1 organisation had nothing new",
        "* Check a passport once, from DWP: Agreed",
        "",
        "Live projects: Licensing group",
        "------------------------------",
        "",
        "* 1 update from 1 organisation",
        "* Joint registration for tax and company, from HMRC: In policy clearance, expected Friday 30 October 2026",
      ].join("\n"),
    );
  });

  it("is sent when the only thing new is an update told to a group's round, and not the week after", async () => {
    // Told on the morning of the group's meeting, after Monday's digest: the next one's only news.
    await at("2026-04-07T07:00:00.000Z");
    await tellUs(DAN, w.meetingId, "Joint registration for tax and company", "in_delivery");
    h.slack.reset();
    await at("2026-04-13T08:00:30.000Z");
    const [digest] = digests(w.channel);
    expect(digest).toBeDefined();
    const sections = digest.args.blocks.filter((b: any) => b.type === "section").map((b: any) => b.text.text);
    expect(sections).toEqual([
      "*Live projects* (1)\n*Licensing group*: 1 update from 1 organisation\n• Joint registration for tax and company, from HMRC: In delivery",
    ]);
    h.slack.reset();
    await at("2026-04-20T08:00:30.000Z");
    expect(digests(w.channel)).toHaveLength(0);
    const skipped = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "digest", dedupeKey: { endsWith: "2026-04-20T09:00" } } });
    expect(skipped.status).toBe("skipped");
  });
});
