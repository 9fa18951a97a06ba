// The whole bot, driven over signed HTTP with hostile text in every field
// people type: a community, its members' "Other" organisations and
// professions, a problem, a group, meetings, invitations, and the messages the
// outbox sends later (digest, reminders, invitation reminders and expiry, an
// organiser alert) with the injected clock. Every message, modal and Home view
// the fake Slack recorded, every response_url post and every ack is then
// checked: nothing typed is obeyed (no live mention, no link the bot did not
// build, no stray "<" or ">", no broken entity).
import { DateTime } from "luxon";
import { SERVICE_MANUAL_URL } from "../../src/views/help";
import {
  ACTION,
  BLOCK,
  CALLBACK,
  CANCEL_MEETING_BLOCK,
  GROUP_BLOCK,
  INVITE_BLOCK,
  MEETING_BLOCK,
  PROBLEM_BLOCK,
  PROFILE_BLOCK,
  SETTINGS_BLOCK,
} from "../../src/views/ids";
import { createSubmission, joinSubmission } from "../support/flows";
import { type Harness, type HttpReply, startHarness } from "../support/harness";
import { type Allowed, HOSTILE, payloadProblems } from "../support/mrkdwnCheck";
import { blockAction, input, overflowAction, viewSubmission } from "../support/payloads";

// Fits the 80- and 100-character fields (names, "Other" organisations and professions); HOSTILE fits the 150-character ones.
const SHORT = "<!channel> <!here> <@U0EVIL> <#C0EVIL> <https://evil.example|x> & < > &amp;";
const PEOPLE = ["U0ALICE", "U0BOB", "U0CAROL", "U0DAN", "U0ERIN", "U0FRANK"];
const MESSAGE_METHODS = new Set([
  "chat.postMessage",
  "chat.update",
  "chat.postEphemeral",
  "views.open",
  "views.update",
  "views.push",
  "views.publish",
]);

let h: Harness;
const acks: Array<{ what: string; reply: HttpReply }> = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function command(text: string, user: string, channel?: string) {
  const reply = await h.command(text, { user, channel });
  acks.push({ what: `/community ${text}`, reply });
  return reply;
}

async function interact(what: string, payload: Record<string, unknown>) {
  const reply = await h.interact(payload);
  acks.push({ what, reply });
  return reply;
}

const picker = (local: string) => DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds();

function meetingForm(user: string, meta: Record<string, unknown>, title: string, start: string) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.scheduleMeeting,
    privateMetadata: JSON.stringify({ pickerZone: "Europe/London", ...meta }),
    values: {
      [MEETING_BLOCK.title]: input.text(title),
      [MEETING_BLOCK.start]: input.datetime(picker(start)),
      [MEETING_BLOCK.duration]: input.select("90"),
      [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/1?a=1&b=2"),
      [MEETING_BLOCK.place]: input.text(HOSTILE),
      [MEETING_BLOCK.agenda]: input.text(`${HOSTILE}\n${HOSTILE}`),
      [MEETING_BLOCK.recurrence]: input.select("none"),
      [MEETING_BLOCK.ordinal]: input.select(null),
      [MEETING_BLOCK.reminders]: input.checkboxes(["1440", "60"]),
    },
  });
}

const rsvp = (user: string, meetingId: string, channel: string) =>
  interact(`RSVP ${user}`, {
    ...blockAction({
      user,
      actionId: ACTION.rsvpGoing,
      value: meetingId,
      channel,
      responseUrl: h.slack.responseUrl(),
      blockId: BLOCK.meetingActions,
    }),
    container: { type: "message", channel_id: channel, message_ts: "1.000001", is_ephemeral: false },
  });

describe("hostile text, end to end", () => {
  it("is shown, never obeyed, in every message, modal and Home view the bot sends", async () => {
    // A community whose every typed field is hostile, and members whose "Other" organisation and profession are too.
    h.clock.set(new Date("2026-03-02T10:00:00Z"));
    expect(
      (
        await interact(
          "create",
          createSubmission("U0ALICE", {
            name: SHORT,
            service: HOSTILE,
            purpose: HOSTILE,
            problems: `${HOSTILE}\n${SHORT}`,
            channel: "sc-hostile",
            trello: "https://trello.com/b/x?a=1&b=2",
            mailingList: "team@example.gov.uk",
            organisation: "other",
            organisationOther: SHORT,
            profession: "other",
            professionOther: SHORT,
          }),
        )
      ).json,
    ).toEqual({ response_action: "clear" });
    const community = await h.db.community.findFirstOrThrow();
    const channel = community.slackChannelId!;
    await h.app.tick(); // plans the first digest, for Monday 9 March
    expect(community.name).toBe(SHORT);
    for (const [user, organisation] of [
      ["U0BOB", "other"],
      ["U0CAROL", "dwp"],
    ] as const) {
      const reply = await interact(
        `join ${user}`,
        joinSubmission(user, {
          communityId: community.id,
          organisation,
          organisationOther: organisation === "other" ? `${SHORT} 2` : null,
          profession: "other",
          professionOther: SHORT,
        }),
      );
      expect(reply.json?.response_action).not.toBe("errors");
    }

    // A problem, voted on by three organisations: the organisers are asked to make it an objective, and one does.
    const logged = await interact(
      "log a problem",
      viewSubmission({
        user: "U0BOB",
        callbackId: CALLBACK.logProblem,
        privateMetadata: JSON.stringify({ communityId: community.id }),
        values: {
          [PROBLEM_BLOCK.title]: input.text(HOSTILE),
          [PROBLEM_BLOCK.description]: input.text(`${HOSTILE}\n${HOSTILE}`),
          [PROBLEM_BLOCK.affects]: input.multiExternal(["hmrc", "dwp"]),
          [PROBLEM_BLOCK.stage]: input.text(HOSTILE),
          [PROBLEM_BLOCK.link]: input.text("https://example.gov.uk/research?a=1&b=2"),
        },
      }),
    );
    expect(logged.json).toEqual({ response_action: "clear" });
    const problem = await h.db.problem.findFirstOrThrow({ where: { title: HOSTILE } });
    for (const user of ["U0ALICE", "U0BOB", "U0CAROL"]) {
      await interact(
        `vote ${user}`,
        blockAction({
          user,
          actionId: ACTION.voteProblem,
          value: problem.id,
          channel,
          responseUrl: h.slack.responseUrl(),
          blockId: BLOCK.problemActions,
        }),
      );
    }
    expect(
      h.slack
        .callsTo("chat.postMessage")
        .some((c) => c.args.channel === "U0ALICE" && c.args.blocks && JSON.stringify(c.args.blocks).includes(ACTION.promoteProblem)),
    ).toBe(true);
    await interact(
      "promote",
      blockAction({
        user: "U0ALICE",
        actionId: ACTION.promoteProblem,
        value: problem.id,
        channel: "U0ALICE",
        responseUrl: h.slack.responseUrl(),
      }),
    );
    await interact(
      "details",
      overflowAction({
        user: "U0CAROL",
        actionId: ACTION.problemStatus,
        value: JSON.stringify({ p: problem.id, to: "details" }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );

    // Roles, and a group.
    await command("make-organiser <@U0BOB|bob>", "U0ALICE", channel);
    await command("step-down", "U0BOB", channel);
    await command("group create", "U0ALICE", channel);
    const created = await interact(
      "create a group",
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.createGroup,
        privateMetadata: JSON.stringify({ communityId: community.id }),
        values: {
          [GROUP_BLOCK.name]: input.text(SHORT),
          [GROUP_BLOCK.focus]: input.text(HOSTILE),
          [GROUP_BLOCK.channel]: input.radio("new"),
          [GROUP_BLOCK.channelName]: input.text("sc-hostile-group"),
          [GROUP_BLOCK.existingChannel]: input.conversation(null),
        },
      }),
    );
    expect(created.json).toEqual({ response_action: "clear" });
    const group = await h.db.group.findFirstOrThrow();
    await interact(
      "join a group",
      blockAction({ user: "U0CAROL", actionId: ACTION.joinGroup, value: group.id, channel, responseUrl: h.slack.responseUrl() }),
    );

    // Meetings: one scheduled, answered and moved; another scheduled, answered and cancelled with a note.
    expect((await interact("schedule", meetingForm("U0ALICE", { communityId: community.id }, HOSTILE, "2026-03-12T10:00"))).json).toEqual({
      response_action: "clear",
    });
    const meeting = await h.db.meeting.findFirstOrThrow();
    for (const user of ["U0BOB", "U0CAROL"]) await rsvp(user, meeting.id, channel);
    expect(
      (await interact("move", meetingForm("U0ALICE", { meetingId: meeting.id, communityId: community.id }, HOSTILE, "2026-03-12T11:00")))
        .json,
    ).toEqual({ response_action: "clear" });
    expect(
      (await interact("schedule another", meetingForm("U0ALICE", { communityId: community.id }, SHORT, "2026-03-19T10:00"))).json,
    ).toEqual({ response_action: "clear" });
    const second = await h.db.meeting.findFirstOrThrow({ where: { title: SHORT } });
    await rsvp("U0BOB", second.id, channel);
    await interact(
      "cancel menu",
      overflowAction({
        user: "U0ALICE",
        actionId: ACTION.meetingMenu,
        value: JSON.stringify({ m: second.id, do: "cancel" }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    await interact(
      "cancel",
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.cancelMeeting,
        privateMetadata: JSON.stringify({ meetingId: second.id }),
        values: { [CANCEL_MEETING_BLOCK.note]: input.text(`${HOSTILE}\n${HOSTILE}`) },
      }),
    );

    // Invitations: one declined, one accepted with a hostile organisation, one left to be reminded and to expire.
    h.slack.emails.set("nobody@example.gov.uk", "");
    await command("invite <@U0DAN|dan>", "U0ALICE", channel);
    const invited = await interact(
      "invite",
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.sendInvitations,
        privateMetadata: JSON.stringify({ communityId: community.id }),
        values: {
          [INVITE_BLOCK.people]: { type: "multi_users_select", selected_users: ["U0DAN", "U0ERIN", "U0FRANK"] },
          [INVITE_BLOCK.emails]: input.text("someone@example.gov.uk"),
          [INVITE_BLOCK.message]: input.text(`${HOSTILE}\n\n${HOSTILE}`),
        },
      }),
    );
    expect(invited.status).toBe(200);
    const invitation = (invitee: string) => h.db.invitation.findFirstOrThrow({ where: { inviteeId: invitee } });
    await interact(
      "decline",
      blockAction({
        user: "U0DAN",
        actionId: ACTION.declineInvitation,
        value: (await invitation("U0DAN")).id,
        channel: "U0DAN",
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.invitationActions,
      }),
    );
    await interact(
      "accept",
      blockAction({
        user: "U0ERIN",
        actionId: ACTION.acceptInvitation,
        value: (await invitation("U0ERIN")).id,
        channel: "U0ERIN",
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.invitationActions,
      }),
    );
    await interact(
      "accept form",
      viewSubmission({
        user: "U0ERIN",
        callbackId: CALLBACK.acceptInvitation,
        privateMetadata: JSON.stringify({ invitationId: (await invitation("U0ERIN")).id }),
        values: {
          [PROFILE_BLOCK.organisation]: input.external("other"),
          [PROFILE_BLOCK.organisationOther]: input.text(SHORT),
          [PROFILE_BLOCK.profession]: input.select("other"),
          [PROFILE_BLOCK.professionOther]: input.text(SHORT),
        },
      }),
    );

    // Settings, every command that answers with a message, the errors that echo typed words, and App Home.
    await interact(
      "settings",
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.communitySettings,
        privateMetadata: JSON.stringify({ communityId: community.id }),
        values: {
          [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes([]),
          [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
          [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
          [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
          [SETTINGS_BLOCK.digestMonthDay]: input.select("1"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "09:00" },
        },
      }),
    );
    for (const text of [
      "help",
      "list",
      "info",
      "members",
      "problems",
      "problems all",
      "groups",
      "reach-out",
      "digest",
      "meetings",
      "settings",
      "problem",
      "meeting",
    ]) {
      await command(text, "U0ALICE", channel);
    }
    await command(`info ${SHORT}`, "U0ALICE", channel);
    await command(`info ${HOSTILE}`, "U0ALICE", "C0ELSEWHERE");
    await command(SHORT, "U0ALICE", channel);
    await command(`group ${SHORT}`, "U0ALICE", channel);
    await command(`group join ${SHORT}`, "U0BOB", channel);
    await command(`group leave ${SHORT}`, "U0CAROL", channel);
    await command("remove <@U0BOB|bob>", "U0ALICE", channel);
    await command("leave", "U0CAROL", channel);
    await h.event({ type: "app_home_opened", user: "U0ALICE", channel: "D0HOME", tab: "home", event_ts: "1.1" });

    // Later, from the outbox: the digest, the invitation's reminder, the meeting's reminders (a day and an hour
    // before, by DM and in the channel), an organiser alert, and the invitation's expiry.
    h.clock.set(new Date("2026-03-09T09:00:00Z"));
    await h.app.tick();
    h.clock.set(new Date("2026-03-09T10:00:00Z"));
    await h.app.tick();
    // The live-projects round's reminder goes at 9am the working day before; its DMs are out of the way first.
    h.clock.set(new Date("2026-03-11T09:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    // Slack refuses one of the day-before reminders for good: the organisers hear of it.
    h.slack.script("chat.postMessage", { ok: false, error: "not_in_channel" });
    h.clock.set(new Date("2026-03-11T11:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    h.clock.set(new Date("2026-03-12T10:00:00Z"));
    await h.app.tick();
    h.clock.set(new Date("2026-04-01T10:00:00Z"));
    await h.app.tick();

    const sent = await h.db.outboxMessage.findMany();
    const kinds = new Set(sent.filter((r) => r.status === "sent").map((r) => r.kind));
    for (const kind of ["digest", "meeting_reminder", "invitation_reminder", "invitation_expiry", "organiser_alert"])
      expect([...kinds]).toContain(kind);

    // Everything Slack was handed.
    const links = [
      ...(await h.db.problem.findMany()).flatMap((p) => [p.link, p.messagePermalink]),
      ...(await h.db.contactMethod.findMany()).map((c) => c.link),
      ...(await h.db.meeting.findMany()).map((m) => m.videoLink),
    ].filter((l): l is string => !!l);
    const channels = [
      ...(await h.db.community.findMany()).map((c) => c.slackChannelId),
      ...(await h.db.group.findMany()).map((g) => g.slackChannelId),
    ].filter((c): c is string => !!c);
    const allowed: Allowed = {
      users: PEOPLE,
      channels,
      urls: (url) => url === SERVICE_MANUAL_URL || url.startsWith("https://communities.test/") || links.includes(url),
    };

    const problems: string[] = [];
    let checked = 0;
    for (const call of h.slack.calls.filter((c) => MESSAGE_METHODS.has(c.method))) {
      problems.push(
        ...payloadProblems(
          call.method.startsWith("views.") ? call.args.view : call.args,
          allowed,
          `${call.method} to ${call.args.channel ?? call.args.user_id ?? ""}`,
        ),
      );
      checked++;
    }
    for (const response of h.slack.responses) {
      problems.push(...payloadProblems(response.body, allowed, `response_url ${response.path}`));
      checked++;
    }
    for (const { what, reply } of acks) {
      if (!reply.json) continue;
      problems.push(...payloadProblems(reply.json, allowed, `ack of ${what}`));
      checked++;
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(90);
    // The hostile name really went out: escaped, in the digest's notification text.
    const digest = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel && /digest/.test(c.args.text ?? ""));
    expect(digest?.args.text).toContain("&lt;!channel&gt; &lt;!here&gt; &lt;@U0EVIL&gt;");
  }, 180_000);
});
