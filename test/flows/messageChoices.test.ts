// "How you get messages", in the real app: a Slack member chooses Slack, email
// or both for each kind from /community messages, /community settings and App
// Home; the form shows the address on their Slack profile (users.info) and only
// to them; "email only" stops the reminder DM and the DM when a meeting they
// answered changes; a bounced address brings them back to Slack; the email
// settings page works for Slack members too, and unsubscribing puts meetings and
// reminders back in Slack.
import { emailPersonId } from "../../src/domain/members/people";
import { ACTION, CALLBACK, MESSAGES_BLOCK } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { styleProblems } from "../support/plainEnglish";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { sentProblems } from "../support/sentProblems";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member
const BOB_EMAIL = "bob@dwp.gov.uk";

let h: Harness;
let communityId: string;

beforeEach(async () => {
  h = await startHarness(); // Monday 2 March 2026, 10:00Z
  communityId = (await seedCommunity(h, ALICE)).id;
  await seedMember(h, BOB, communityId);
  // The live-projects round's questions are DMs of their own (round.test.ts): here they would only add noise.
  await h.db.community.update({ where: { id: communityId }, data: { digestCadence: "off", roundDaysBefore: 0 } });
  h.slack.emails.set(BOB_EMAIL, BOB);
  h.slack.reset();
});

afterEach(async () => {
  // What the bot said in Slack, held to the house style and Slack's limits.
  expect(sentProblems(h.slack)).toEqual([]);
  await h.close();
});

const opened = () => h.slack.calls.filter((c) => ["views.open", "views.push"].includes(c.method));
const bob = () => h.db.membership.findFirstOrThrow({ where: { communityId, slackUserId: BOB } });

function choose(who: string, choices: { meetings: string; reminders: string; digests: string }, address: string | null = BOB_EMAIL) {
  return h.interact(
    viewSubmission({
      user: who,
      callbackId: CALLBACK.messages,
      privateMetadata: JSON.stringify({ communityId, address }),
      values: {
        [MESSAGES_BLOCK.meetings]: input.radio(choices.meetings),
        [MESSAGES_BLOCK.reminders]: input.radio(choices.reminders),
        [MESSAGES_BLOCK.digests]: input.radio(choices.digests),
      },
    }),
  );
}

describe("choosing how you get messages in Slack", () => {
  it("opens from /community messages with the address on their Slack profile, and saves Slack, email or both per kind", async () => {
    await h.command("messages", {
      user: BOB,
      channel: (await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).slackChannelId!,
    });
    const [open] = opened();
    expect(open.method).toBe("views.open");
    const view = open.args.view;
    expect(view.callback_id).toBe(CALLBACK.messages);
    expect(JSON.stringify(view.blocks)).toContain(`We email you at ${BOB_EMAIL}, the address on your Slack profile`);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId, address: BOB_EMAIL });
    // Nothing chosen yet: meetings and reminders in Slack, the digest only in the channel.
    const initial = Object.fromEntries(
      view.blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, b.element.initial_option.value]),
    );
    expect(initial).toEqual({ meetings: "slack", reminders: "slack", digests: "none" });

    const reply = await choose(BOB, { meetings: "both", reminders: "email", digests: "email" });
    expect(reply.json.response_action).toBe("update");
    expect(JSON.stringify(reply.json.view.blocks)).toContain("Reminders before meetings: by email");
    expect(styleProblems(reply.json.view, "view", "the saved form")).toEqual([]);
    expect(await bob()).toMatchObject({
      email: BOB_EMAIL,
      slackMeetings: true,
      emailMeetings: true,
      slackReminders: false,
      emailReminders: true,
      digestByDm: false,
      emailDigests: true,
    });
    // The audit keeps the choices, never the address.
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "member.message_choices" } });
    expect(JSON.parse(audit.detail)).toEqual({ meetings: "both", reminders: "email", digests: "email" });
    expect(audit.detail).not.toContain(BOB_EMAIL);

    // Back to Slack only: no email goes, though the address is kept (a cancellation must reach the calendar an invitation went to).
    await choose(BOB, { meetings: "slack", reminders: "slack", digests: "slack" });
    expect(await bob()).toMatchObject({
      email: BOB_EMAIL,
      emailMeetings: false,
      emailReminders: false,
      emailDigests: false,
      digestByDm: true,
    });
  });

  it("asks beside each field when Slack gave no address, or the choice is missing", async () => {
    const reply = await choose(BOB, { meetings: "slack", reminders: "email", digests: "both" }, null);
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        reminders: expect.stringMatching(/^Slack has not given us an email address for you/),
        digests: expect.stringMatching(/^Slack has not given us an email address for you/),
      },
    });
    expect(styleProblems(reply.json, "errors", "the form")).toEqual([]);
    const bad = await choose(BOB, { meetings: "sometimes", reminders: "slack", digests: "none" });
    expect(bad.json.errors).toEqual({ meetings: "Choose how you want to get these." });
    expect(await bob()).toMatchObject({ email: null, slackReminders: true, emailReminders: false });
  });

  it("refuses an address another member of the community already gets email at", async () => {
    const community = await h.app.services.communities.byId(communityId);
    await h.app.services.memberships.join(
      community,
      emailPersonId(BOB_EMAIL),
      { organisation: "dwp", organisationOther: null, profession: "policy", professionOther: null },
      { contact: { email: BOB_EMAIL, displayName: "Bob by email" } },
    );
    const reply = await choose(BOB, { meetings: "email", reminders: "slack", digests: "none" });
    expect(reply.json.errors).toEqual({ meetings: expect.stringMatching(/^Another member of this community already gets email/) });
  });

  it("opens for a member from /community settings, and for an organiser on top of the community's settings", async () => {
    const channel = (await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).slackChannelId!;
    await h.command("settings", { user: BOB, channel });
    expect(opened().map((c) => c.args.view.callback_id)).toEqual([CALLBACK.messages]);
    h.slack.reset();

    await h.command("settings", { user: ALICE, channel });
    const settings = opened()[0]!.args.view;
    expect(settings.callback_id).toBe(CALLBACK.communitySettings);
    const button = settings.blocks[0].accessory;
    expect(button).toMatchObject({ action_id: ACTION.openMessages, value: communityId });
    h.slack.reset();
    await h.interact({
      ...blockAction({ user: ALICE, actionId: ACTION.openMessages, value: communityId, responseUrl: h.slack.responseUrl() }),
      view: {
        id: "V0SETTINGS",
        type: "modal",
        callback_id: CALLBACK.communitySettings,
        private_metadata: "{}",
        hash: "h",
        state: { values: {} },
      },
    });
    expect(opened().map((c) => [c.method, c.args.view.callback_id])).toEqual([["views.push", CALLBACK.messages]]);
    // Alice has no address on her profile: she is told, and offered the choices all the same.
    expect(JSON.stringify(opened()[0]!.args.view.blocks)).toContain("Slack has not given us an email address for you");
  });

  it("has a button beside each community on App Home", async () => {
    await h.event({ type: "app_home_opened", user: BOB, tab: "home" });
    const home = h.slack.calls.find((c) => c.method === "views.publish")!.args.view;
    const buttons = home.blocks.flatMap((b: any) => (b.accessory?.action_id === ACTION.openMessages ? [b.accessory.value] : []));
    expect(buttons).toEqual([communityId]);
    h.slack.reset();
    await h.interact(blockAction({ user: BOB, actionId: ACTION.openMessages, value: communityId, responseUrl: h.slack.responseUrl() }));
    expect(opened().map((c) => [c.method, c.args.view.callback_id])).toEqual([["views.open", CALLBACK.messages]]);
  });

  it("tells someone who is not a member to join first", async () => {
    await h.command("messages", {
      user: "U0NOBODY",
      channel: (await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).slackChannelId!,
    });
    expect(opened()).toHaveLength(0);
    expect(JSON.stringify(h.slack.responses)).toMatch(/Only members of .* can choose how they get its messages/);
  });
});

describe("email only stops the Slack DM of that kind", () => {
  async function goingToAMeeting() {
    const meeting = await seedMeeting(h, communityId, "2026-03-10T10:00", { reminders: ["60"], now: h.clock.now(), channel: "C0X" });
    await h.app.services.meetings.answer(null, meeting.id, BOB, "going");
    return meeting;
  }
  const dmsTo = (user: string) => h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === user);

  it("sends no reminder DM to a member who chose reminders by email only, and one to a member who chose both", async () => {
    await choose(BOB, { meetings: "slack", reminders: "email", digests: "none" });
    await goingToAMeeting();
    h.clock.set(new Date("2026-03-10T09:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    expect(dmsTo(BOB)).toHaveLength(0);

    await h.close();
    h = await startHarness();
    communityId = (await seedCommunity(h, ALICE)).id;
    await seedMember(h, BOB, communityId);
    await h.db.community.update({ where: { id: communityId }, data: { roundDaysBefore: 0 } });
    await choose(BOB, { meetings: "slack", reminders: "both", digests: "none" });
    await goingToAMeeting();
    h.slack.reset();
    h.clock.set(new Date("2026-03-10T09:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    expect(dmsTo(BOB)).toHaveLength(1);
  });

  it("skips a reminder DM planned before they chose email only", async () => {
    await goingToAMeeting();
    h.clock.set(new Date("2026-03-10T09:00:00Z"));
    // The reminder has become Bob's DM row; he chooses email before it goes.
    await h.app.services.messageChoices.choose(
      await h.app.services.communities.byId(communityId),
      BOB,
      {
        meetings: "slack",
        reminders: "email",
        digests: "none",
      },
      BOB_EMAIL,
    );
    await h.app.tick();
    await h.app.tick();
    expect(dmsTo(BOB)).toHaveLength(0);
  });

  it("brings what they chose by email back to Slack while their address refuses mail", async () => {
    await choose(BOB, { meetings: "slack", reminders: "email", digests: "none" });
    await h.app.services.mail.refused(
      { id: "r", kind: "email", channel: "email", target: emailPersonId(BOB_EMAIL), communityId, payload: { to: BOB_EMAIL } } as any,
      { reason: "550 User unknown", addressRefused: true, source: "smtp" },
    );
    await goingToAMeeting();
    h.clock.set(new Date("2026-03-10T09:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    expect(dmsTo(BOB)).toHaveLength(1);
  });
});

describe("the email settings page, for a Slack member", () => {
  const local = (url: string) => `${h.url}${new URL(url).pathname}`;

  it("shows their choices and address, saves Slack, email or both, and unsubscribing puts Slack back", async () => {
    await choose(BOB, { meetings: "email", reminders: "email", digests: "both" });
    const links = h.app.services.pageLinks.memberEmailLinks(BOB, communityId, h.clock.now());
    const page = await fetch(local(links.settingsUrl));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("How you get messages");
    expect(html).toContain(`We email you at ${BOB_EMAIL}`);
    expect(html).toMatch(/value="email" checked/);

    const oneClick = await fetch(local(links.unsubscribeUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await bob()).toMatchObject({
      emailMeetings: false,
      emailReminders: false,
      emailDigests: false,
      slackMeetings: true,
      slackReminders: true,
      digestByDm: true,
    });
    expect(await h.db.auditEvent.count({ where: { action: "member.unsubscribed", actorId: BOB } })).toBe(1);
  });
});
