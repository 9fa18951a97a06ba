// Every message the bot sends, held to the GOV.UK style rules a program can
// check (test/support/plainEnglish.ts). One journey through the real app, as an
// organiser and members would take it: create a community whose name is its
// service, join, log problems and vote (a non-member too), promote one to an
// objective and set its owner, invite people (one accepts, one declines, one is
// left to be reminded and to expire), groups, meetings with answers, a change
// and a cancellation, an activity planned as a meeting that covers the journey's stages, settings, the charter edited and its history, archive
// and unarchive, agenda items added from the list and from a message (and a
// non-member refused), the first-meeting kit, a second community deleted, some mistakes, App Home, and what
// the outbox sends later (digest, reminders, invitation reminder and expiry),
// with the clock moved by hand. Every Web API call that carries words, every
// response_url body and every ack is checked.
import { DateTime } from "luxon";
import {
  ACTION,
  AGENDA_BLOCK,
  BLOCK,
  CALLBACK,
  CANCEL_MEETING_BLOCK,
  CREATE_BLOCK,
  DELETE_BLOCK,
  GROUP_BLOCK,
  INVITE_BLOCK,
  MEETING_BLOCK,
  OBJECTIVE_BLOCK,
  OUTCOME_BLOCK,
  PROBLEM_BLOCK,
  PROFILE_BLOCK,
  SETTINGS_BLOCK,
  STAGE_BLOCK,
} from "../../src/views/ids";
import { createSubmission, joinSubmission } from "../support/flows";
import { type Harness, type HttpReply, startHarness } from "../support/harness";
import { blockAction, input, optionsRequest, overflowAction, viewSubmission } from "../support/payloads";
import { type SentKind, styleProblems } from "../support/plainEnglish";

const WORD_METHODS: Record<string, SentKind> = {
  "chat.postMessage": "post",
  "chat.postEphemeral": "post",
  "chat.update": "message",
  "views.open": "view",
  "views.push": "view",
  "views.update": "view",
  "views.publish": "view",
};

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

/** The form the bot opened last, for submitting it as Slack would (with its private_metadata). */
function lastModal(callbackId: string): { private_metadata: string } {
  const view = h.slack
    .callsTo("views.open")
    .map((c) => c.args.view as { callback_id?: string; private_metadata: string })
    .findLast((v) => v.callback_id === callbackId);
  if (!view) throw new Error(`no ${callbackId} form was opened`);
  return view;
}

function submit(what: string, user: string, callbackId: string, values: Record<string, Record<string, unknown> | null>) {
  return interact(what, viewSubmission({ user, callbackId, privateMetadata: lastModal(callbackId).private_metadata, values }));
}

const picker = (local: string, zone = "Europe/London") => DateTime.fromISO(local, { zone }).toSeconds();

function meetingValues(title: string, start: number, recurrence = "none") {
  return {
    [MEETING_BLOCK.title]: input.text(title),
    [MEETING_BLOCK.start]: input.datetime(start),
    [MEETING_BLOCK.duration]: input.select("60"),
    [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/123"),
    [MEETING_BLOCK.place]: input.text("10 South Colonnade, London"),
    [MEETING_BLOCK.agenda]: input.text("Introductions\nWhat each organisation hears from new businesses"),
    [MEETING_BLOCK.recurrence]: input.select(recurrence),
    [MEETING_BLOCK.ordinal]: input.select(null),
    [MEETING_BLOCK.reminders]: input.checkboxes(["10080", "1440", "60"]),
  };
}

function charterValues(fields: { name: string; service: string; purpose: string; cadence: string }) {
  return {
    [CREATE_BLOCK.name]: input.text(fields.name),
    [CREATE_BLOCK.service]: input.text(fields.service),
    [CREATE_BLOCK.purpose]: input.text(fields.purpose),
    [CREATE_BLOCK.cadence]: input.select(fields.cadence),
    [CREATE_BLOCK.contactMethods]: input.checkboxes(["slack_channel", "trello"]),
    [CREATE_BLOCK.linkMailingList]: input.text(null),
    [CREATE_BLOCK.linkRegularCalls]: input.text(null),
    [CREATE_BLOCK.linkTrello]: input.text("https://trello.com/b/starting"),
  };
}

function stageValues(title: string, owners: string[], deliverers: string[]) {
  return {
    [STAGE_BLOCK.title]: input.text(title),
    [STAGE_BLOCK.description]: input.text("Tell Companies House about the company, and who runs it."),
    [STAGE_BLOCK.owners]: input.multiExternal(owners),
    [STAGE_BLOCK.deliverers]: input.multiExternal(deliverers),
    [STAGE_BLOCK.otherOwners]: input.text("Anytown Council"),
    [STAGE_BLOCK.link]: input.text("https://www.gov.uk/limited-company-formation"),
  };
}

function profile(organisation: string, profession: string) {
  return {
    [PROFILE_BLOCK.organisation]: input.external(organisation),
    [PROFILE_BLOCK.organisationOther]: input.text(null),
    [PROFILE_BLOCK.profession]: input.select(profession),
    [PROFILE_BLOCK.professionOther]: input.text(null),
  };
}

const click = (what: string, user: string, actionId: string, value: string, channel: string, blockId?: string) =>
  interact(what, blockAction({ user, actionId, value, channel, responseUrl: h.slack.responseUrl(), blockId }));

const menu = (what: string, user: string, actionId: string, value: unknown, channel: string) =>
  interact(what, overflowAction({ user, actionId, value: JSON.stringify(value), channel, responseUrl: h.slack.responseUrl() }));

describe("plain English, end to end", () => {
  it("every message, form, Home tab and ack the bot sends keeps to the style rules", async () => {
    h.clock.set(new Date("2026-03-02T10:00:00Z")); // Monday 2 March 2026, 10am UK time
    h.slack.timezones.set("U0BOB", "America/New_York");

    // An organiser starts a community whose name is its service, as the guidance's own example does.
    await command("help", "U0ALICE");
    await command("create", "U0ALICE");
    expect(
      (await interact("create", createSubmission("U0ALICE", { name: "Starting a business", service: "Starting a business" }))).json,
    ).toEqual({ response_action: "clear" });
    const community = await h.db.community.findFirstOrThrow({ where: { name: "Starting a business" } });
    const channel = community.slackChannelId!;
    await h.app.tick(); // plans the first digest
    await interact("timezone options", optionsRequest({ user: "U0ALICE", actionId: ACTION.timezone, value: "new york" }));
    await interact("organisation options", optionsRequest({ user: "U0ALICE", actionId: ACTION.organisation, value: "work and pensions" }));

    // Members join: by command, and by the Join button under the welcome.
    await command("join Starting a business", "U0BOB");
    await submit("join", "U0BOB", CALLBACK.joinCommunity, profile("dwp", "user-centred-design"));
    await h.event({ type: "member_joined_channel", user: "U0CAROL", channel, channel_type: "C", team: "T0TEST", event_ts: "1.1" });
    await click("join button", "U0CAROL", ACTION.joinCommunity, community.id, channel);
    await interact(
      "join form",
      joinSubmission("U0CAROL", { communityId: community.id, organisation: "companies-house", profession: "policy" }),
    );
    await command("info", "U0BOB", channel);
    await command("Starting a business", "U0CAROL");
    await command("list", "U0CAROL");

    // Problems: logged, voted on (by a non-member too, who joins first), promoted, given an owner and a date.
    await command("problem", "U0BOB", channel);
    await submit("log a problem", "U0BOB", CALLBACK.logProblem, {
      [PROBLEM_BLOCK.title]: input.text("Businesses give the same details to HMRC and Companies House"),
      [PROBLEM_BLOCK.description]: input.text("New businesses give the same details twice."),
      [PROBLEM_BLOCK.affects]: input.multiExternal(["hmrc", "companies-house"]),
      [PROBLEM_BLOCK.stage]: input.text("Registering for tax"),
      [PROBLEM_BLOCK.link]: input.text("https://example.gov.uk/research"),
    });
    const problem = await h.db.problem.findFirstOrThrow({ where: { title: { startsWith: "Businesses give" } } });
    await click("vote", "U0ALICE", ACTION.voteProblem, problem.id, channel, BLOCK.problemActions);
    await click("vote again", "U0ALICE", ACTION.voteProblem, problem.id, channel, BLOCK.problemActions);
    await click("vote back", "U0ALICE", ACTION.voteProblem, problem.id, channel, BLOCK.problemActions);
    await click("vote", "U0CAROL", ACTION.voteProblem, problem.id, channel, BLOCK.problemActions);
    await click("non-member's vote", "U0DAN", ACTION.voteProblem, problem.id, channel, BLOCK.problemActions);
    await submit("join to vote", "U0DAN", CALLBACK.joinCommunity, profile("dbt", "policy"));
    await click("promote", "U0ALICE", ACTION.promoteProblem, problem.id, "U0ALICE");
    await menu("objective details menu", "U0ALICE", ACTION.problemStatus, { p: problem.id, to: "objective_details" }, channel);
    await submit("objective details", "U0ALICE", CALLBACK.setObjective, {
      [OBJECTIVE_BLOCK.owner]: { type: "users_select", selected_user: "U0BOB" },
      [OBJECTIVE_BLOCK.targetDate]: { type: "datepicker", selected_date: "2026-06-30" },
      [OBJECTIVE_BLOCK.progress]: input.select("in_progress"),
    });
    await menu("details", "U0CAROL", ACTION.problemStatus, { p: problem.id, to: "details" }, channel);
    await command("problem", "U0CAROL", channel);
    await submit("log another", "U0CAROL", CALLBACK.logProblem, {
      [PROBLEM_BLOCK.title]: input.text("It is unclear which licences a business needs"),
      [PROBLEM_BLOCK.description]: input.text(null),
      [PROBLEM_BLOCK.affects]: input.multiExternal(["dbt"]),
      [PROBLEM_BLOCK.stage]: input.text(null),
      [PROBLEM_BLOCK.link]: input.text(null),
    });
    const second = await h.db.problem.findFirstOrThrow({ where: { title: { startsWith: "It is unclear" } } });
    await menu("duplicate menu", "U0ALICE", ACTION.problemStatus, { p: second.id, to: "solved" }, channel);
    await menu("reopen", "U0ALICE", ACTION.problemStatus, { p: second.id, to: "open" }, channel);
    await command("problems", "U0CAROL", channel);
    await command("problems Starting a business all", "U0CAROL");
    await command("members", "U0ALICE", channel);

    // The journey: drafted from where the problems bite, a stage added, a member's suggestion accepted, a stage
    // moved, edited, kept and removed, a member's stages, and a problem logged against a stage.
    await command("journey", "U0BOB", channel);
    await command("journey", "U0ALICE", channel);
    await click("draft the journey", "U0ALICE", ACTION.draftJourney, community.id, channel, BLOCK.journeyActions);
    await submit("draft", "U0ALICE", CALLBACK.journeyDraft, { draft_0: input.text("Register for tax") });
    await click("add a stage", "U0ALICE", ACTION.addStage, community.id, channel, BLOCK.journeyActions);
    await submit("add a stage", "U0ALICE", CALLBACK.stage, stageValues("Register the company", ["companies-house"], ["hmrc"]));
    await click("suggest a stage", "U0BOB", ACTION.addStage, community.id, channel, BLOCK.journeyActions);
    await submit("suggest a stage", "U0BOB", CALLBACK.stage, stageValues("Employ people", ["hmrc", "dwp"], []));
    const suggested = await h.db.journeyStage.findFirstOrThrow({ where: { status: "suggested" } });
    await command("journey", "U0ALICE", channel);
    await click("accept", "U0ALICE", ACTION.acceptStage, JSON.stringify({ s: suggested.id, p: 0 }), channel, BLOCK.journeyActions);
    const company = await h.db.journeyStage.findFirstOrThrow({ where: { title: "Register the company" } });
    await menu("move up", "U0ALICE", ACTION.stageMenu, { s: company.id, do: "up", p: 0 }, channel);
    await menu("edit a stage", "U0ALICE", ACTION.stageMenu, { s: company.id, do: "edit", p: 0 }, channel);
    await submit("edit a stage", "U0ALICE", CALLBACK.stage, stageValues("Register your company", ["companies-house"], []));
    await menu("remove a stage", "U0ALICE", ACTION.stageMenu, { s: company.id, do: "remove", p: 0 }, channel);
    await click("keep it", "U0ALICE", ACTION.journeyBack, JSON.stringify({ c: community.id, p: 0 }), channel, BLOCK.journeyActions);
    await click("say which stages", "U0BOB", ACTION.memberStages, community.id, channel, BLOCK.journeyActions);
    await submit("stages I work on", "U0BOB", CALLBACK.memberStages, {
      [PROFILE_BLOCK.stages]: {
        type: "multi_static_select",
        selected_options: [{ value: suggested.id, text: { type: "plain_text", text: "x" } }],
      },
    });
    await command("problem", "U0CAROL", channel);
    await submit("log against a stage", "U0CAROL", CALLBACK.logProblem, {
      [PROBLEM_BLOCK.title]: input.text("Companies House and HMRC ask for the same address"),
      [PROBLEM_BLOCK.description]: input.text(null),
      [PROBLEM_BLOCK.affects]: input.multiExternal(["companies-house"]),
      [PROBLEM_BLOCK.stageId]: input.select(company.id),
      [PROBLEM_BLOCK.stage]: input.text(null),
      [PROBLEM_BLOCK.link]: input.text(null),
    });
    await command("journey", "U0CAROL", channel);
    await click("remove a stage", "U0ALICE", ACTION.removeStage, JSON.stringify({ s: suggested.id, p: 0 }), channel, BLOCK.journeyActions);
    expect(await h.db.journeyStage.count({ where: { communityId: community.id } })).toBe(2);

    // Invitations: one accepted, one declined, one left open to be reminded and to expire; an address outside Slack.
    await command("invite <@U0ERIN|erin>", "U0ALICE", channel);
    await submit("invite", "U0ALICE", CALLBACK.sendInvitations, {
      [INVITE_BLOCK.people]: { type: "multi_users_select", selected_users: ["U0ERIN", "U0FRANK", "U0GRACE", "U0BOB"] },
      [INVITE_BLOCK.emails]: input.text("someone@example.gov.uk"),
      [INVITE_BLOCK.message]: input.text("Hello. We are a community of people who work on starting a business. Would you join us?"),
    });
    const invitation = (invitee: string) => h.db.invitation.findFirstOrThrow({ where: { inviteeId: invitee } });
    await click("accept", "U0ERIN", ACTION.acceptInvitation, (await invitation("U0ERIN")).id, "U0ERIN", BLOCK.invitationActions);
    await submit("accept form", "U0ERIN", CALLBACK.acceptInvitation, profile("hmrc", "policy"));
    await click("decline", "U0FRANK", ACTION.declineInvitation, (await invitation("U0FRANK")).id, "U0FRANK", BLOCK.invitationActions);
    await command("reach-out", "U0ALICE", channel);

    // Roles.
    await command("make-organiser <@U0BOB|bob>", "U0ALICE", channel);
    await command("step-down", "U0BOB", channel);
    await command("remove <@U0FRANK|frank>", "U0ALICE", channel);

    // A group.
    await command("group create", "U0ALICE", channel);
    await submit("create a group", "U0ALICE", CALLBACK.createGroup, {
      [GROUP_BLOCK.name]: input.text("User research"),
      [GROUP_BLOCK.focus]: input.text("User research across the whole journey"),
      [GROUP_BLOCK.channel]: input.radio("new"),
      [GROUP_BLOCK.channelName]: input.text(null),
      [GROUP_BLOCK.existingChannel]: input.conversation(null),
    });
    const group = await h.db.group.findFirstOrThrow();
    await click("join a group", "U0CAROL", ACTION.joinGroup, group.id, channel);
    await command("groups", "U0CAROL", channel);
    await command("group leave User research", "U0CAROL", channel);
    await command("group", "U0CAROL", channel);

    // Meetings: one scheduled by someone in New York, answered, moved and then cancelled; a weekly series.
    await command("meeting", "U0BOB", channel);
    await command("settings", "U0ALICE", channel);
    await submit("let members schedule", "U0ALICE", CALLBACK.communitySettings, {
      [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes(["yes"]),
      [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440", "60"]),
      [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
      [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
      [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
      [SETTINGS_BLOCK.digestMonthDay]: input.select("1"),
      [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "09:00" },
    });
    await command("meeting", "U0BOB", channel);
    // Bob picks 10:30 on his own clock, in New York: the community reads it as 10:30am UK time.
    expect(
      (
        await submit(
          "schedule",
          "U0BOB",
          CALLBACK.scheduleMeeting,
          // The community has never met: the form offers the first-meeting kit, kept as it is.
          {
            ...meetingValues("Show and tell", picker("2026-03-10T10:30", "America/New_York")),
            [MEETING_BLOCK.firstAgenda]: input.text("Agree the problems we share\nWho else we need"),
          },
        )
      ).json,
    ).toEqual({
      response_action: "clear",
    });
    const meeting = await h.db.meeting.findFirstOrThrow({ where: { title: "Show and tell" } });
    for (const [user, action] of [
      ["U0ALICE", ACTION.rsvpGoing],
      ["U0CAROL", ACTION.rsvpMaybe],
      ["U0DAN", ACTION.rsvpNotGoing],
      ["U0ERIN", ACTION.rsvpGoing],
    ] as const) {
      await click(`RSVP ${user}`, user, action, meeting.id, channel, BLOCK.meetingActions);
    }
    // The agenda: an item added from the list and one from a message, moved and removed; someone who is not a member told.
    await command("agenda", "U0CAROL", channel);
    await click("add an item", "U0CAROL", ACTION.openAgendaItem, meeting.id, channel, BLOCK.agendaActions);
    await submit("add an item", "U0CAROL", CALLBACK.addAgendaItem, {
      [AGENDA_BLOCK.title]: input.text("The new address check at Companies House"),
      [AGENDA_BLOCK.link]: input.text("https://example.gov.uk/address-check"),
      [AGENDA_BLOCK.topic]: input.select(null),
    });
    const fromMessage = (user: string) => ({
      type: "message_action",
      callback_id: CALLBACK.addToAgendaFromMessage,
      trigger_id: "trigger-shortcut",
      team: { id: "T0TEST", domain: "test" },
      user: { id: user, name: user.toLowerCase(), team_id: "T0TEST" },
      channel: { id: channel, name: "sc-starting-a-business" },
      message: { type: "message", user: "U0BOB", ts: "1700000000.000100", text: "Should we share one research panel?" },
      message_ts: "1700000000.000100",
      response_url: h.slack.responseUrl(),
      token: "deprecated",
      action_ts: "1700000001.0",
    });
    await interact("agenda item from a message", fromMessage("U0ERIN"));
    await submit("add from a message", "U0ERIN", CALLBACK.addAgendaItem, {
      [AGENDA_BLOCK.title]: input.text("Should we share one research panel?"),
      [AGENDA_BLOCK.link]: input.text(null),
    });
    await interact("a non-member's agenda shortcut", fromMessage("U0GRACE"));
    await command("agenda", "U0GRACE", channel);
    await click("a non-member adds an item", "U0GRACE", ACTION.openAgendaItem, meeting.id, channel, BLOCK.agendaActions);
    const panel = await h.db.agendaItem.findFirstOrThrow({ where: { title: { startsWith: "Should we share" } } });
    await menu("move an item to the top", "U0ALICE", ACTION.agendaMenu, { i: panel.id, do: "top", p: 0 }, channel);
    await menu("a member moves an item", "U0CAROL", ACTION.agendaMenu, { i: panel.id, do: "down", p: 0 }, channel);
    await menu("remove an item", "U0ALICE", ACTION.agendaMenu, { i: panel.id, do: "remove", p: 0 }, channel);
    expect(await h.db.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(3);
    await menu("edit menu", "U0ALICE", ACTION.meetingMenu, { m: meeting.id, do: "edit" }, channel);
    expect(
      (await submit("move", "U0ALICE", CALLBACK.scheduleMeeting, meetingValues("Show and tell", picker("2026-03-10T14:30")))).json,
    ).toEqual({ response_action: "clear" });
    await menu("edit menu", "U0ALICE", ACTION.meetingMenu, { m: meeting.id, do: "edit" }, channel);
    const past = await submit(
      "a time that has passed",
      "U0ALICE",
      CALLBACK.scheduleMeeting,
      meetingValues("Show and tell", picker("2026-03-01T12:00")),
    );
    expect(past.json?.response_action).toBe("errors");
    // A series planned from an activity, covering the journey's stages: its card names them, and the journey shows it.
    await command("activity", "U0ALICE", channel);
    await click("plan it", "U0ALICE", ACTION.planActivity, JSON.stringify({ c: community.id, a: "map_whole_problem" }), channel);
    const stageIds = (await h.db.journeyStage.findMany({ where: { communityId: community.id } })).map((s) => s.id);
    expect(
      (
        await submit("a series", "U0ALICE", CALLBACK.scheduleMeeting, {
          ...meetingValues("Weekly catch-up", picker("2026-03-12T12:00"), "weekly:1"),
          [MEETING_BLOCK.stages]: input.multiStatic(stageIds),
        })
      ).json,
    ).toEqual({
      response_action: "clear",
    });
    const shown = await command("journey", "U0CAROL", channel);
    expect(JSON.stringify(shown.json ?? h.slack.responses.at(-1)!.body)).toContain("Next meeting: Weekly catch-up, Thursday 12 March 2026");
    expect(JSON.stringify(h.slack.callsTo("chat.postMessage").map((c) => c.args.blocks))).toContain("*Covers:* ");
    const series = await h.db.meeting.findFirstOrThrow({ where: { title: "Weekly catch-up" }, orderBy: { startsAt: "asc" } });
    await click("RSVP to the series", "U0CAROL", ACTION.rsvpGoing, series.id, channel, BLOCK.meetingActions);
    await command("meetings", "U0CAROL");
    await command("digest", "U0CAROL", channel);
    await click("digest by DM", "U0CAROL", ACTION.digestDm, community.id, channel, BLOCK.digestActions);

    // The charter edited, its history read.
    await command("edit", "U0ALICE", channel);
    await submit(
      "edit the charter",
      "U0ALICE",
      CALLBACK.editCharter,
      charterValues({
        name: "Starting a business",
        service: "Starting a business",
        purpose: "Make it simpler to start a business, whichever organisation people meet first.",
        cadence: "every_two_months",
      }),
    );
    await click("charter history", "U0CAROL", ACTION.charterHistory, community.id, channel, BLOCK.charterActions);
    await h.event({ type: "app_home_opened", user: "U0ALICE", channel: "D0HOME", tab: "home", event_ts: "1.2" });

    // Mistakes people make.
    await command("info Starting a busines", "U0CAROL");
    await command("problme", "U0CAROL", channel);
    await command("join Nowhere at all", "U0CAROL");
    expect(
      (await interact("a name taken", createSubmission("U0CAROL", { name: "Starting a business", channel: "sc-other" }))).json
        ?.response_action,
    ).toBe("errors");
    await interact(
      "settings mistake",
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.communitySettings,
        privateMetadata: lastModal(CALLBACK.communitySettings).private_metadata,
        values: {
          [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes([]),
          [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("lots"),
          [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
          [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
          [SETTINGS_BLOCK.digestMonthDay]: input.select("1"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: null },
        },
      }),
    );

    // Later, from the outbox: the week-before reminder, the digest and the invitation's reminder, the day-before
    // and hour-before reminders, the meeting cancelled with a note.
    h.clock.set(new Date("2026-03-03T14:30:00Z"));
    await h.app.tick();
    h.clock.set(new Date("2026-03-09T09:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    h.clock.set(new Date("2026-03-09T14:30:00Z"));
    await h.app.tick();
    h.clock.set(new Date("2026-03-10T13:30:00Z"));
    await h.app.tick();
    await menu("cancel menu", "U0ALICE", ACTION.meetingMenu, { m: series.id, do: "cancel" }, channel);
    await submit("cancel", "U0ALICE", CALLBACK.cancelMeeting, {
      [CANCEL_MEETING_BLOCK.scope]: input.radio("this"),
      [CANCEL_MEETING_BLOCK.note]: input.text("Most of us are at the conference that day. We will meet the week after."),
    });
    // What came out of the meeting: refused before it starts and to a member, then recorded with an action row added.
    await menu("outcomes too early", "U0ALICE", ACTION.meetingMenu, { m: meeting.id, do: "outcomes" }, channel);
    h.clock.set(new Date("2026-03-10T15:00:00Z"));
    await menu("outcomes by a member", "U0CAROL", ACTION.meetingMenu, { m: meeting.id, do: "outcomes" }, channel);
    await menu("record outcomes", "U0ALICE", ACTION.meetingMenu, { m: meeting.id, do: "outcomes" }, channel);
    const outcomesForm = lastModal(CALLBACK.recordOutcomes);
    await interact("add another action", {
      ...blockAction({ user: "U0ALICE", actionId: ACTION.addOutcomeAction, value: "4" }),
      view: { ...outcomesForm, id: "V0OUTCOMES", hash: "h", state: { values: {} } },
    });
    const outcomeValues = (title: string | null) => ({
      [OUTCOME_BLOCK.notes]: input.text("We compared how each organisation checks an address."),
      [OUTCOME_BLOCK.notesLink]: input.text("https://docs.example.gov.uk/notes"),
      [OUTCOME_BLOCK.decisions]: input.text("Meet every month\nStart with the address check"),
      action_0_title: input.text(title),
      action_0_owner: { type: "users_select", selected_user: "U0CAROL" },
      action_0_due: { type: "datepicker", selected_date: "2026-03-01" },
    });
    expect((await submit("outcomes with mistakes", "U0ALICE", CALLBACK.recordOutcomes, outcomeValues(null))).json.response_action).toBe(
      "errors",
    );
    await submit("record outcomes", "U0ALICE", CALLBACK.recordOutcomes, {
      ...outcomeValues("Share the address check's research"),
      action_0_due: { type: "datepicker", selected_date: "2026-03-20" },
    });
    expect(await h.db.actionItem.count()).toBe(1);
    // The action: listed, its date changed by its owner, refused to another member.
    const action = await h.db.actionItem.findFirstOrThrow();
    await command("actions", "U0CAROL", channel);
    await command("actions mine", "U0CAROL", channel);
    await command("actions done", "U0CAROL", channel);
    await command("actions urgent", "U0CAROL", channel);
    await click("change an action's date", "U0CAROL", ACTION.actionChangeDate, action.id, "U0CAROL");
    await submit("a date that has passed", "U0CAROL", CALLBACK.changeActionDate, {
      dueOn: { type: "datepicker", selected_date: "2026-03-01" },
    });
    await submit("change the date", "U0CAROL", CALLBACK.changeActionDate, { dueOn: { type: "datepicker", selected_date: "2026-03-27" } });
    await click("another member's Done", "U0ERIN", ACTION.actionDone, action.id, channel);

    // Archived and brought back; a second community deleted.
    await click("archive", "U0ALICE", ACTION.archiveCommunity, community.id, channel, BLOCK.charterActions);
    await command("unarchive", "U0ALICE");
    await command("unarchive Starting a business", "U0ALICE");
    await command("create", "U0CAROL");
    expect(
      (
        await interact(
          "create another",
          createSubmission("U0CAROL", { name: "Registering a death", service: "Tell Us Once", channel: "sc-death" }),
        )
      ).json,
    ).toEqual({
      response_action: "clear",
    });
    const other = await h.db.community.findFirstOrThrow({ where: { name: "Registering a death" } });
    await command("list", "U0ALICE");
    await click("delete", "U0CAROL", ACTION.deleteCommunity, other.id, other.slackChannelId!, BLOCK.charterActions);
    await submit("delete form", "U0CAROL", CALLBACK.deleteCommunity, { [DELETE_BLOCK.confirm]: input.text("Registering a death") });

    // A month on: the invitation left open has expired.
    h.clock.set(new Date("2026-04-02T10:00:00Z"));
    await h.app.tick();
    // The action is overdue by now (its reminder went): closed from App Home, which says so in the meeting's thread.
    await h.event({ type: "app_home_opened", user: "U0CAROL", channel: "D0HOME", tab: "home", event_ts: "1.3" });
    await interact("Done from App Home", blockAction({ user: "U0CAROL", actionId: ACTION.actionDone, value: action.id }));
    await click("Done again", "U0CAROL", ACTION.actionDone, action.id, "U0CAROL");
    expect((await h.db.actionItem.findFirstOrThrow()).status).toBe("done");
    await command("leave", "U0DAN", channel);

    const sent = await h.db.outboxMessage.findMany({ where: { status: "sent" } });
    const kinds = new Set(sent.map((r) => r.kind));
    for (const kind of ["digest", "meeting_reminder", "invitation_reminder", "invitation_expiry", "action_reminder"])
      expect([...kinds]).toContain(kind);

    // Everything the bot said.
    const problems: string[] = [];
    let checked = 0;
    for (const call of h.slack.calls) {
      const kind = WORD_METHODS[call.method];
      if (!kind) continue;
      problems.push(
        ...styleProblems(
          kind === "view" ? call.args.view : call.args,
          kind,
          `${call.method} to ${call.args.channel ?? call.args.user_id ?? ""}`,
        ),
      );
      checked++;
    }
    for (const response of h.slack.responses) {
      problems.push(...styleProblems(response.body, "message", `response_url ${response.path}`));
      checked++;
    }
    for (const { what, reply } of acks) {
      const body = reply.json as Record<string, unknown> | undefined;
      if (!body) continue;
      if (body.response_action === "errors") problems.push(...styleProblems(body, "errors", `ack of ${what}`));
      else if (body.view) problems.push(...styleProblems(body.view, "view", `ack of ${what}`));
      else if (body.options) problems.push(...styleProblems(body, "view", `options for ${what}`));
      else problems.push(...styleProblems(body, "message", `ack of ${what}`));
      checked++;
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  }, 120_000);
});
