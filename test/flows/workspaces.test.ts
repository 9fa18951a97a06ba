// Workspace isolation: every action, submission, options request and shortcut
// the app listens for is sent from another team, naming real records of this
// one (and, where it matters, by the very people who could act on them here).
// Nothing of this workspace may be read (no name or title in the reply or in
// anything sent to Slack) or written (its rows stay exactly as they were).
// The listeners are enumerated from what the app registered, so a listener
// added without a case here fails the first test.
import { DateTime } from "luxon";
import type { CommunitiesApp, ListenerKind } from "../../src/app/edge";
import {
  ACTION,
  AGENDA_BLOCK,
  BLOCK,
  CALLBACK,
  CANCEL_MEETING_BLOCK,
  CREATE_BLOCK,
  DELETE_BLOCK,
  DUPLICATE_BLOCK,
  FINDING_BLOCK,
  GROUP_BLOCK,
  INVITE_BLOCK,
  MEETING_BLOCK,
  MESSAGES_BLOCK,
  OBJECTIVE_BLOCK,
  OUTCOME_BLOCK,
  PROBLEM_BLOCK,
  PROFILE_BLOCK,
  ROUND_BLOCK,
  SETTINGS_BLOCK,
  STAGE_BLOCK,
} from "../../src/views/ids";
import { createCommunity, createSubmission, joinCommunity, joinSubmission } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { blockAction, input, overflowAction, user, viewSubmission } from "../support/payloads";

const OTHER = "T0OTHER";
const ALICE = "U0ALICE"; // organiser here
const BOB = "U0BOB"; // member, author of a problem
const CAROL = "U0CAROL"; // invited
const DAVE = "U0DAVE"; // in neither

// Every name and title of this workspace contains "Secret": none may leave it.
const SECRET = /secret/i;

interface Fixture {
  communityId: string;
  channel: string;
  problemId: string;
  otherProblemId: string;
  objectiveId: string;
  meetingId: string;
  meetingSequence: number;
  groupId: string;
  invitationId: string;
  stageId: string;
  suggestionId: string;
  agendaItemId: string;
  actionId: string;
}

let h: Harness;
let f: Fixture;
let otherWorkspaceId: string;

beforeAll(async () => {
  h = await startHarness();
  const community = await createCommunity(h, ALICE, {
    name: "Secret Alpha",
    service: "Secret Alpha service",
    purpose: "Secret purpose",
    problems: "Secret Bravo problem\nSecret Charlie problem",
  });
  const channel = community.slackChannelId!;
  await joinCommunity(h, BOB, community.id, { organisation: "dwp" });
  const logged = await h.interact(
    viewSubmission({
      user: BOB,
      callbackId: CALLBACK.logProblem,
      privateMetadata: JSON.stringify({ communityId: community.id }),
      values: {
        [PROBLEM_BLOCK.title]: input.text("Secret Delta problem"),
        [PROBLEM_BLOCK.description]: input.text("Secret Echo description"),
        [PROBLEM_BLOCK.affects]: input.multiExternal(["dwp"]),
        [PROBLEM_BLOCK.stage]: input.text(null),
        [PROBLEM_BLOCK.link]: input.text(null),
      },
    }),
  );
  expect(logged.json).toEqual({ response_action: "clear" });
  const problem = await h.db.problem.findFirstOrThrow({ where: { title: "Secret Delta problem" } });
  const otherProblem = await h.db.problem.findFirstOrThrow({ where: { title: "Secret Bravo problem" } });
  const objective = await h.db.problem.findFirstOrThrow({ where: { title: "Secret Charlie problem" } });
  await h.interact(
    overflowAction({
      user: ALICE,
      actionId: ACTION.problemStatus,
      value: JSON.stringify({ p: objective.id, to: "objective" }),
      channel,
      responseUrl: h.slack.responseUrl(),
    }),
  );
  expect((await h.db.problem.findUniqueOrThrow({ where: { id: objective.id } })).status).toBe("objective");

  const scheduled = await h.interact(meetingForm(ALICE, { communityId: community.id }, "Secret Foxtrot meeting"));
  expect(scheduled.json).toEqual({ response_action: "clear" });
  const meeting = await h.db.meeting.findFirstOrThrow({ where: { title: "Secret Foxtrot meeting" } });

  const grouped = await h.interact(groupForm(ALICE, community.id, "Secret Golf group"));
  expect(grouped.json).toEqual({ response_action: "clear" });
  const group = await h.db.group.findFirstOrThrow({ where: { name: "Secret Golf group" } });

  const invited = await h.interact(inviteForm(ALICE, community.id, [CAROL], "Secret Hotel message"));
  expect(invited.status).toBe(200);
  const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: CAROL } });
  await h.idle();

  expect((await h.interact(stageForm(ALICE, { communityId: community.id }, "Secret India stage"))).json).toEqual({
    response_action: "clear",
  });
  expect((await h.interact(stageForm(BOB, { communityId: community.id }, "Secret Juliet stage"))).json).toEqual({
    response_action: "clear",
  });
  const stage = await h.db.journeyStage.findFirstOrThrow({ where: { title: "Secret India stage" } });
  const suggestion = await h.db.journeyStage.findFirstOrThrow({ where: { title: "Secret Juliet stage", status: "suggested" } });
  await h.idle();

  f = {
    communityId: community.id,
    channel,
    problemId: problem.id,
    otherProblemId: otherProblem.id,
    objectiveId: objective.id,
    meetingId: meeting.id,
    meetingSequence: meeting.sequence,
    groupId: group.id,
    invitationId: invitation.id,
    stageId: stage.id,
    suggestionId: suggestion.id,
    agendaItemId: (await h.app.services.agenda.add({ teamId: "T0TEST" }, meeting.id, BOB, { title: "Secret Kilo item" }, "command", null))
      .item.id,
    actionId: (
      await h.db.actionItem.create({
        data: {
          meetingId: meeting.id,
          communityId: community.id,
          title: "Secret Lima action",
          ownerId: BOB,
          dueOn: "2027-01-01",
          position: 0,
          createdBy: ALICE,
        },
      })
    ).id,
  };
  // The other team has been here before: its first request would otherwise add its workspace row.
  otherWorkspaceId = (await h.db.workspace.create({ data: { teamId: OTHER } })).id;
});

afterAll(async () => {
  await h.close();
});

function meetingForm(who: string, meta: Record<string, unknown>, title = "A meeting of the other team") {
  return viewSubmission({
    user: who,
    callbackId: CALLBACK.scheduleMeeting,
    privateMetadata: JSON.stringify({ pickerZone: "Europe/London", ...meta }),
    values: {
      [MEETING_BLOCK.title]: input.text(title),
      [MEETING_BLOCK.start]: input.datetime(DateTime.fromISO("2026-03-10T10:00", { zone: "Europe/London" }).toSeconds()),
      [MEETING_BLOCK.duration]: input.select("60"),
      [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/1"),
      [MEETING_BLOCK.place]: input.text(null),
      [MEETING_BLOCK.agenda]: input.text(null),
      [MEETING_BLOCK.recurrence]: input.select("none"),
      [MEETING_BLOCK.ordinal]: input.select(null),
      [MEETING_BLOCK.reminders]: input.checkboxes(["60"]),
    },
  });
}

function groupForm(who: string, communityId: string, name = "A group of the other team") {
  return viewSubmission({
    user: who,
    callbackId: CALLBACK.createGroup,
    privateMetadata: JSON.stringify({ communityId }),
    values: {
      [GROUP_BLOCK.name]: input.text(name),
      [GROUP_BLOCK.focus]: input.text("everything"),
      [GROUP_BLOCK.channel]: input.radio("none"),
      [GROUP_BLOCK.channelName]: input.text(null),
      [GROUP_BLOCK.existingChannel]: input.conversation(null),
    },
  });
}

function stageForm(who: string, meta: Record<string, unknown>, title = "A stage of the other team") {
  return viewSubmission({
    user: who,
    callbackId: CALLBACK.stage,
    privateMetadata: JSON.stringify(meta),
    values: {
      [STAGE_BLOCK.title]: input.text(title),
      [STAGE_BLOCK.description]: input.text(null),
      [STAGE_BLOCK.owners]: input.multiExternal(["hmrc"]),
      [STAGE_BLOCK.deliverers]: input.multiExternal([]),
      [STAGE_BLOCK.otherOwners]: input.text(null),
      [STAGE_BLOCK.link]: input.text(null),
    },
  });
}

function inviteForm(who: string, communityId: string, users: string[], message = "Join the other team") {
  return viewSubmission({
    user: who,
    callbackId: CALLBACK.sendInvitations,
    privateMetadata: JSON.stringify({ communityId }),
    values: {
      [INVITE_BLOCK.people]: { type: "multi_users_select", selected_users: users },
      [INVITE_BLOCK.emails]: input.text(null),
      [INVITE_BLOCK.message]: input.text(message),
    },
  });
}

/** The same request, as the other team's Slack would send it. */
function fromOther(payload: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...payload, team: { id: OTHER, domain: "other" }, user: user(payload.user.id, OTHER) };
  if (out.view) out.view = { ...out.view, team_id: OTHER };
  return out;
}

function button(who: string, actionId: string, value?: string) {
  return blockAction({
    user: who,
    actionId,
    value,
    channel: "C0OTHERTEAM",
    responseUrl: h.slack.responseUrl(),
    blockId: BLOCK.problemActions,
  });
}

function overflow(who: string, actionId: string, value: unknown) {
  return overflowAction({ user: who, actionId, value: JSON.stringify(value), channel: "C0OTHERTEAM", responseUrl: h.slack.responseUrl() });
}

function options(who: string, actionId: string, value: string, privateMetadata?: string) {
  return {
    type: "block_suggestion",
    user: user(who),
    api_app_id: "A0APP",
    token: "deprecated",
    action_id: actionId,
    block_id: "b",
    value,
    container: { type: "view", view_id: "V1" },
    view: {
      id: "V1",
      type: "modal",
      callback_id: CALLBACK.closeAsDuplicate,
      private_metadata: privateMetadata ?? "{}",
      hash: "h",
      state: { values: {} },
    },
  };
}

const problemMenu =
  (to: string, p = () => f.problemId, who = ALICE) =>
  () =>
    overflow(who, ACTION.problemStatus, { p: p(), to });

/** For each listener, by kind and id: the requests to send. Each names real records of this workspace. */
const CASES: Record<string, Array<() => Record<string, any>>> = {
  [`action:${ACTION.openCreateModal}`]: [() => button(ALICE, ACTION.openCreateModal)],
  [`action:${ACTION.joinCommunity}`]: [() => button(DAVE, ACTION.joinCommunity, f.communityId)],
  [`action:${ACTION.joinGroup}`]: [() => button(BOB, ACTION.joinGroup, f.groupId)],
  [`action:${ACTION.listPrevious}`]: [() => button(ALICE, ACTION.listPrevious, "0")],
  [`action:${ACTION.listNext}`]: [() => button(ALICE, ACTION.listNext, "1")],
  [`action:${ACTION.voteProblem}`]: [
    () => button(ALICE, ACTION.voteProblem, f.problemId),
    () => button(BOB, ACTION.voteProblem, f.objectiveId),
  ],
  [`action:${ACTION.problemsPrevious}`]: [
    () => button(ALICE, ACTION.problemsPrevious, JSON.stringify({ c: f.communityId, f: "open", p: 0 })),
  ],
  [`action:${ACTION.problemsNext}`]: [() => button(ALICE, ACTION.problemsNext, JSON.stringify({ c: f.communityId, f: "all", p: 1 }))],
  [`action:${ACTION.membersPrevious}`]: [() => button(ALICE, ACTION.membersPrevious, JSON.stringify({ c: f.communityId, p: 0 }))],
  [`action:${ACTION.membersNext}`]: [() => button(ALICE, ACTION.membersNext, JSON.stringify({ c: f.communityId, p: 1 }))],
  [`action:${ACTION.membersBack}`]: [() => button(ALICE, ACTION.membersBack, JSON.stringify({ c: f.communityId, p: 0 }))],
  [`action:${ACTION.membersOrganisation}`]: [
    () => button(ALICE, ACTION.membersOrganisation, JSON.stringify({ c: f.communityId, p: 0, o: "dwp", b: 0 })),
  ],
  [`action:${ACTION.membersOrganisationPrevious}`]: [
    () => button(ALICE, ACTION.membersOrganisationPrevious, JSON.stringify({ c: f.communityId, p: 0, o: "hmrc", b: 0 })),
  ],
  [`action:${ACTION.membersOrganisationNext}`]: [
    () => button(ALICE, ACTION.membersOrganisationNext, JSON.stringify({ c: f.communityId, p: 1, o: "dwp", b: 0 })),
  ],
  [`action:${ACTION.problemStatus}`]: [
    problemMenu("details", () => f.problemId, BOB),
    problemMenu("duplicate"),
    problemMenu("objective_details", () => f.objectiveId),
    problemMenu("objective"),
    problemMenu("solved", () => f.objectiveId),
    problemMenu("open", () => f.objectiveId),
  ],
  [`action:${ACTION.promoteProblem}`]: [() => button(ALICE, ACTION.promoteProblem, f.problemId)],
  [`action:${ACTION.editProblem}`]: [() => button(BOB, ACTION.editProblem, f.problemId)],
  [`action:${ACTION.rsvpGoing}`]: [() => button(BOB, ACTION.rsvpGoing, f.meetingId)],
  [`action:${ACTION.rsvpMaybe}`]: [() => button(BOB, ACTION.rsvpMaybe, f.meetingId)],
  [`action:${ACTION.rsvpNotGoing}`]: [() => button(ALICE, ACTION.rsvpNotGoing, f.meetingId)],
  [`action:${ACTION.meetingMenu}`]: [
    () => overflow(ALICE, ACTION.meetingMenu, { m: f.meetingId, do: "edit" }),
    () => overflow(ALICE, ACTION.meetingMenu, { m: f.meetingId, do: "cancel" }),
    () => overflow(BOB, ACTION.meetingMenu, { m: f.meetingId, do: "agenda" }),
    () => overflow(ALICE, ACTION.meetingMenu, { m: f.meetingId, do: "outcomes" }),
  ],
  [`action:${ACTION.openAgendaItem}`]: [() => button(BOB, ACTION.openAgendaItem, f.meetingId)],
  [`action:${ACTION.agendaMenu}`]: [
    () => overflow(ALICE, ACTION.agendaMenu, { i: f.agendaItemId, do: "top", p: 0 }),
    () => overflow(BOB, ACTION.agendaMenu, { i: f.agendaItemId, do: "remove", p: 0 }),
  ],
  [`action:${ACTION.agendaPrevious}`]: [() => button(BOB, ACTION.agendaPrevious, JSON.stringify({ m: f.meetingId, p: 0 }))],
  [`action:${ACTION.agendaNext}`]: [() => button(BOB, ACTION.agendaNext, JSON.stringify({ m: f.meetingId, p: 1 }))],
  [`action:${ACTION.actionDone}`]: [
    () => button(BOB, ACTION.actionDone, f.actionId),
    () => button(ALICE, ACTION.actionDone, JSON.stringify({ a: f.actionId, c: f.communityId, f: "open", p: 0 })),
  ],
  [`action:${ACTION.actionChangeDate}`]: [() => button(BOB, ACTION.actionChangeDate, f.actionId)],
  [`action:${ACTION.actionsPrevious}`]: [() => button(BOB, ACTION.actionsPrevious, JSON.stringify({ c: f.communityId, f: "open", p: 0 }))],
  [`action:${ACTION.actionsNext}`]: [() => button(BOB, ACTION.actionsNext, JSON.stringify({ c: f.communityId, f: "done", p: 1 }))],
  [`action:${ACTION.roundTellUs}`]: [() => button(BOB, ACTION.roundTellUs, f.meetingId)],
  [`action:${ACTION.roundNothingNew}`]: [() => button(BOB, ACTION.roundNothingNew, f.meetingId)],
  [`action:${ACTION.updatesPrevious}`]: [() => button(BOB, ACTION.updatesPrevious, JSON.stringify({ c: f.communityId, o: null, p: 0 }))],
  [`action:${ACTION.updatesNext}`]: [() => button(BOB, ACTION.updatesNext, JSON.stringify({ c: f.communityId, o: "hmrc", p: 1 }))],
  [`action:${ACTION.addOutcomeAction}`]: [
    () => ({
      ...button(ALICE, ACTION.addOutcomeAction, "4"),
      container: { type: "view", view_id: "V0OUTCOMES" },
      view: {
        id: "V0OUTCOMES",
        type: "modal",
        callback_id: CALLBACK.recordOutcomes,
        hash: "h",
        private_metadata: JSON.stringify({ meetingId: f.meetingId, rows: 3 }),
        state: { values: {} },
      },
    }),
  ],
  [`action:${ACTION.addToCalendar}`]: [() => button(BOB, ACTION.addToCalendar, f.meetingId)],
  [`action:${ACTION.digestDm}`]: [() => button(BOB, ACTION.digestDm, f.communityId)],
  [`action:${ACTION.openMessages}`]: [() => button(BOB, ACTION.openMessages, f.communityId)],
  [`action:${ACTION.emailRefusals}`]: [() => button(ALICE, ACTION.emailRefusals, f.communityId)],
  [`action:${ACTION.liftEmailRefusal}`]: [() => button(ALICE, ACTION.liftEmailRefusal, JSON.stringify({ c: f.communityId, m: BOB }))],
  [`action:${ACTION.inviteCommunity}`]: [
    () => ({
      ...button(ALICE, ACTION.inviteCommunity),
      container: { type: "view", view_id: "V0INVITE" },
      view: {
        id: "V0INVITE",
        type: "modal",
        callback_id: CALLBACK.sendInvitations,
        hash: "h",
        private_metadata: "{}",
        state: { values: {} },
      },
      actions: [
        {
          type: "static_select",
          action_id: ACTION.inviteCommunity,
          block_id: INVITE_BLOCK.community,
          action_ts: "1.1",
          selected_option: { value: f.communityId, text: { type: "plain_text", text: "x" } },
        },
      ],
    }),
  ],
  [`action:${ACTION.problemCommunity}`]: [
    () => ({
      ...button(BOB, ACTION.problemCommunity),
      container: { type: "view", view_id: "V0PROBLEM" },
      view: { id: "V0PROBLEM", type: "modal", callback_id: CALLBACK.logProblem, hash: "h", private_metadata: "{}", state: { values: {} } },
      actions: [
        {
          type: "external_select",
          action_id: ACTION.problemCommunity,
          block_id: PROBLEM_BLOCK.community,
          action_ts: "1.1",
          selected_option: { value: f.communityId, text: { type: "plain_text", text: "x" } },
        },
      ],
    }),
  ],
  [`action:${ACTION.meetingCommunity}`]: [
    () => ({
      ...button(ALICE, ACTION.meetingCommunity),
      container: { type: "view", view_id: "V0MEETING" },
      view: {
        id: "V0MEETING",
        type: "modal",
        callback_id: CALLBACK.scheduleMeeting,
        hash: "h",
        private_metadata: "{}",
        state: { values: {} },
      },
      actions: [
        {
          type: "external_select",
          action_id: ACTION.meetingCommunity,
          block_id: MEETING_BLOCK.community,
          action_ts: "1.1",
          selected_option: { value: f.communityId, text: { type: "plain_text", text: "x" } },
        },
      ],
    }),
  ],
  [`action:${ACTION.acceptInvitation}`]: [() => button(CAROL, ACTION.acceptInvitation, f.invitationId)],
  [`action:${ACTION.declineInvitation}`]: [() => button(CAROL, ACTION.declineInvitation, f.invitationId)],
  [`action:${ACTION.editCharter}`]: [() => button(ALICE, ACTION.editCharter, f.communityId)],
  [`action:${ACTION.charterHistory}`]: [() => button(BOB, ACTION.charterHistory, f.communityId)],
  [`action:${ACTION.archiveCommunity}`]: [() => button(ALICE, ACTION.archiveCommunity, f.communityId)],
  [`action:${ACTION.unarchiveCommunity}`]: [() => button(ALICE, ACTION.unarchiveCommunity, f.communityId)],
  [`action:${ACTION.deleteCommunity}`]: [() => button(ALICE, ACTION.deleteCommunity, f.communityId)],
  [`action:${ACTION.journeyExports}`]: [() => button(BOB, ACTION.journeyExports, f.communityId)],
  [`action:${ACTION.openShareFinding}`]: [() => button(BOB, ACTION.openShareFinding, f.communityId)],
  [`action:${ACTION.findingsPrevious}`]: [
    () => button(ALICE, ACTION.findingsPrevious, JSON.stringify({ c: f.communityId, s: null, p: 0 })),
  ],
  [`action:${ACTION.findingsNext}`]: [() => button(ALICE, ACTION.findingsNext, JSON.stringify({ c: f.communityId, s: null, p: 1 }))],
  [`action:${ACTION.planActivity}`]: [
    () => button(ALICE, ACTION.planActivity, JSON.stringify({ c: f.communityId, a: "map_whole_problem" })),
  ],

  [`action:${ACTION.journeyPrevious}`]: [() => button(ALICE, ACTION.journeyPrevious, JSON.stringify({ c: f.communityId, p: 0 }))],
  [`action:${ACTION.journeyNext}`]: [() => button(BOB, ACTION.journeyNext, JSON.stringify({ c: f.communityId, p: 1 }))],
  [`action:${ACTION.journeyBack}`]: [() => button(ALICE, ACTION.journeyBack, JSON.stringify({ c: f.communityId, p: 0 }))],
  [`action:${ACTION.stageMenu}`]: [
    () => overflow(ALICE, ACTION.stageMenu, { s: f.stageId, do: "edit", p: 0 }),
    () => overflow(ALICE, ACTION.stageMenu, { s: f.stageId, do: "up", p: 0 }),
    () => overflow(ALICE, ACTION.stageMenu, { s: f.stageId, do: "down", p: 0 }),
    () => overflow(ALICE, ACTION.stageMenu, { s: f.stageId, do: "remove", p: 0 }),
  ],
  [`action:${ACTION.addStage}`]: [() => button(ALICE, ACTION.addStage, f.communityId), () => button(BOB, ACTION.addStage, f.communityId)],
  [`action:${ACTION.removeStage}`]: [() => button(ALICE, ACTION.removeStage, JSON.stringify({ s: f.stageId, p: 0 }))],
  [`action:${ACTION.acceptStage}`]: [() => button(ALICE, ACTION.acceptStage, JSON.stringify({ s: f.suggestionId, p: 0 }))],
  [`action:${ACTION.dismissStage}`]: [() => button(ALICE, ACTION.dismissStage, JSON.stringify({ s: f.suggestionId, p: 0 }))],
  [`action:${ACTION.draftJourney}`]: [() => button(ALICE, ACTION.draftJourney, f.communityId)],
  [`action:${ACTION.memberStages}`]: [() => button(BOB, ACTION.memberStages, f.communityId)],

  [`view:${CALLBACK.createCommunity}`]: [
    () =>
      createSubmission(ALICE, {
        name: "The other team's own",
        service: "Another service",
        problems: null,
        channel: "sc-the-other-teams-own",
      }),
  ],
  [`view:${CALLBACK.joinCommunity}`]: [
    () => joinSubmission(DAVE, { communityId: f.communityId }),
    () => joinSubmission(DAVE, { pickedCommunity: f.communityId }),
  ],
  [`view:${CALLBACK.logProblem}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.logProblem,
        privateMetadata: JSON.stringify({ communityId: f.communityId }),
        values: { [PROBLEM_BLOCK.title]: input.text("A problem of the other team"), [PROBLEM_BLOCK.affects]: input.multiExternal([]) },
      }),
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.logProblem,
        values: {
          [PROBLEM_BLOCK.community]: input.external(f.communityId),
          [PROBLEM_BLOCK.title]: input.text("A problem of the other team"),
          [PROBLEM_BLOCK.affects]: input.multiExternal([]),
        },
      }),
  ],
  [`view:${CALLBACK.editProblem}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.editProblem,
        privateMetadata: JSON.stringify({ problemId: f.problemId }),
        values: { [PROBLEM_BLOCK.title]: input.text("Taken over"), [PROBLEM_BLOCK.description]: input.text("Taken over") },
      }),
  ],
  [`view:${CALLBACK.setObjective}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.setObjective,
        privateMetadata: JSON.stringify({ problemId: f.objectiveId }),
        values: {
          [OBJECTIVE_BLOCK.owner]: { type: "users_select", selected_user: BOB },
          [OBJECTIVE_BLOCK.targetDate]: { type: "datepicker", selected_date: "2026-06-30" },
          [OBJECTIVE_BLOCK.progress]: input.radio("in_progress"),
        },
      }),
  ],
  [`view:${CALLBACK.closeAsDuplicate}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.closeAsDuplicate,
        privateMetadata: JSON.stringify({ problemId: f.problemId }),
        values: { [DUPLICATE_BLOCK.duplicateOf]: input.external(f.otherProblemId) },
      }),
  ],
  [`view:${CALLBACK.scheduleMeeting}`]: [
    () => meetingForm(ALICE, { communityId: f.communityId }),
    () => meetingForm(ALICE, { communityId: f.communityId, meetingId: f.meetingId, sequence: f.meetingSequence }),
  ],
  [`view:${CALLBACK.addAgendaItem}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.addAgendaItem,
        privateMetadata: JSON.stringify({ meetingId: f.meetingId }),
        values: { [AGENDA_BLOCK.title]: input.text("From the other team"), [AGENDA_BLOCK.link]: input.text(null) },
      }),
  ],
  [`view:${CALLBACK.recordOutcomes}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.recordOutcomes,
        privateMetadata: JSON.stringify({ meetingId: f.meetingId, rows: 1 }),
        values: {
          [OUTCOME_BLOCK.notes]: input.text("Recorded by the other team"),
          [OUTCOME_BLOCK.decisions]: input.text("A decision"),
          action_0_title: input.text("An action"),
          action_0_owner: { type: "users_select", selected_user: BOB },
          action_0_due: { type: "datepicker", selected_date: "2027-01-01" },
        },
      }),
  ],
  [`view:${CALLBACK.roundUpdate}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.roundUpdate,
        privateMetadata: JSON.stringify({ meetingId: f.meetingId }),
        values: { [ROUND_BLOCK.title]: input.text("Told from the other team"), [ROUND_BLOCK.state]: input.radio("idea") },
      }),
  ],
  [`view:${CALLBACK.changeActionDate}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.changeActionDate,
        privateMetadata: JSON.stringify({ actionId: f.actionId }),
        values: { dueOn: { type: "datepicker", selected_date: "2027-02-01" } },
      }),
  ],
  [`view:${CALLBACK.cancelMeeting}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.cancelMeeting,
        privateMetadata: JSON.stringify({ meetingId: f.meetingId }),
        values: {
          [CANCEL_MEETING_BLOCK.scope]: input.radio("this"),
          [CANCEL_MEETING_BLOCK.note]: input.text("Cancelled by the other team"),
        },
      }),
  ],
  [`view:${CALLBACK.communitySettings}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.communitySettings,
        privateMetadata: JSON.stringify({ communityId: f.communityId }),
        values: {
          [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes(["yes"]),
          [SETTINGS_BLOCK.reminders]: input.checkboxes([]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("1"),
          [SETTINGS_BLOCK.digestCadence]: input.select("off"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "03:00" },
        },
      }),
  ],
  [`view:${CALLBACK.messages}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.messages,
        privateMetadata: JSON.stringify({ communityId: f.communityId, address: "bob@example.gov.uk" }),
        values: {
          [MESSAGES_BLOCK.meetings]: input.radio("email"),
          [MESSAGES_BLOCK.reminders]: input.radio("email"),
          [MESSAGES_BLOCK.digests]: input.radio("both"),
        },
      }),
  ],
  [`view:${CALLBACK.editCharter}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.editCharter,
        privateMetadata: JSON.stringify({ communityId: f.communityId }),
        values: {
          [CREATE_BLOCK.name]: input.text("Taken over"),
          [CREATE_BLOCK.service]: input.text("Another service"),
          [CREATE_BLOCK.purpose]: input.text(null),
          [CREATE_BLOCK.cadence]: input.select("quarterly"),
          [CREATE_BLOCK.contactMethods]: input.checkboxes([]),
        },
      }),
  ],
  [`view:${CALLBACK.deleteCommunity}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.deleteCommunity,
        privateMetadata: JSON.stringify({ communityId: f.communityId }),
        values: { [DELETE_BLOCK.confirm]: input.text("Secret Alpha") },
      }),
  ],
  [`view:${CALLBACK.shareFinding}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.shareFinding,
        privateMetadata: JSON.stringify({ communityId: f.communityId }),
        values: { [FINDING_BLOCK.title]: input.text("Taken over") },
      }),
  ],
  [`view:${CALLBACK.createGroup}`]: [() => groupForm(ALICE, f.communityId)],
  [`view:${CALLBACK.sendInvitations}`]: [() => inviteForm(ALICE, f.communityId, [DAVE])],
  [`view:${CALLBACK.acceptInvitation}`]: [
    () =>
      viewSubmission({
        user: CAROL,
        callbackId: CALLBACK.acceptInvitation,
        privateMetadata: JSON.stringify({ invitationId: f.invitationId }),
        values: { [PROFILE_BLOCK.organisation]: input.external("dwp"), [PROFILE_BLOCK.profession]: input.select("policy") },
      }),
  ],

  [`view:${CALLBACK.stage}`]: [
    () => stageForm(ALICE, { communityId: f.communityId }),
    () => stageForm(BOB, { communityId: f.communityId }),
    () => stageForm(ALICE, { communityId: f.communityId, stageId: f.stageId }),
  ],
  [`view:${CALLBACK.journeyDraft}`]: [
    () =>
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.journeyDraft,
        privateMetadata: JSON.stringify({ communityId: f.communityId, keys: ["secret bravo problem"] }),
        values: { draft_0: input.text("A stage of the other team") },
      }),
  ],
  [`view:${CALLBACK.memberStages}`]: [
    () =>
      viewSubmission({
        user: BOB,
        callbackId: CALLBACK.memberStages,
        privateMetadata: JSON.stringify({ communityId: f.communityId }),
        values: {
          [PROFILE_BLOCK.stages]: {
            type: "multi_static_select",
            selected_options: [{ value: f.stageId, text: { type: "plain_text", text: "x" } }],
          },
        },
      }),
  ],

  [`options:${ACTION.organisation}`]: [() => options(ALICE, ACTION.organisation, "work")],
  [`options:${ACTION.organisations}`]: [() => options(ALICE, ACTION.organisations, "revenue")],
  [`options:${ACTION.timezone}`]: [() => options(ALICE, ACTION.timezone, "london")],
  [`options:${ACTION.community}`]: [() => options(DAVE, ACTION.community, ""), () => options(ALICE, ACTION.community, "Secret")],
  [`options:${ACTION.problemCommunity}`]: [() => options(BOB, ACTION.problemCommunity, "")],
  [`options:${ACTION.meetingCommunity}`]: [() => options(ALICE, ACTION.meetingCommunity, "")],
  [`options:${ACTION.problemPicker}`]: [
    () => options(ALICE, ACTION.problemPicker, "", JSON.stringify({ problemId: f.problemId })),
    () => options(ALICE, ACTION.problemPicker, "secret", JSON.stringify({ problemId: f.objectiveId })),
  ],

  [`shortcut:${CALLBACK.addToAgendaFromMessage}`]: [
    () => ({
      type: "message_action",
      callback_id: CALLBACK.addToAgendaFromMessage,
      trigger_id: "trigger-shortcut",
      user: user(BOB),
      api_app_id: "A0APP",
      token: "deprecated",
      channel: { id: f.channel, name: "the channel" },
      message: { type: "message", ts: "1700000000.000100", text: "Put this on the agenda" },
      response_url: h.slack.responseUrl(),
    }),
  ],
  [`shortcut:${CALLBACK.logProblemFromMessage}`]: [
    () => ({
      type: "message_action",
      callback_id: CALLBACK.logProblemFromMessage,
      trigger_id: "trigger-shortcut",
      user: user(BOB),
      api_app_id: "A0APP",
      token: "deprecated",
      channel: { id: f.channel, name: "the channel" },
      message: { type: "message", ts: "1700000000.000100", text: "Our users register twice" },
      response_url: h.slack.responseUrl(),
    }),
  ],
};

/** The ids a registered constraint takes, among the app's own ids (a pattern stands for every id it matches). */
function idsOf(kind: ListenerKind, constraint: unknown): string[] {
  const known: string[] = kind === "view" || kind === "shortcut" ? Object.values(CALLBACK) : Object.values(ACTION);
  const id =
    typeof constraint === "object" && constraint !== null && !(constraint instanceof RegExp)
      ? ((constraint as Record<string, unknown>).action_id ?? (constraint as Record<string, unknown>).callback_id)
      : constraint;
  if (typeof id === "string") return [id];
  if (id instanceof RegExp) {
    const matched = known.filter((k) => id.test(k));
    return matched.length ? matched : [`(nothing matches ${id})`];
  }
  return [`(unreadable constraint ${JSON.stringify(constraint)})`];
}

function registeredIds(): string[] {
  const app = h.app.app as CommunitiesApp;
  const kinds: ListenerKind[] = ["action", "view", "options", "shortcut"];
  return kinds.flatMap((kind) => app.registered[kind].flatMap((c) => idsOf(kind, c).map((id) => `${kind}:${id}`)));
}

/** This workspace's rows, every table: those of the other team (it may make its own) are left out. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const db = h.db as unknown as Record<string, { findMany(args?: unknown): Promise<Array<Record<string, unknown>>> }>;
  // Parents before children, so a row made by the other team marks the rows that hang off it.
  const models = [
    "workspace",
    "community",
    "contactMethod",
    "membership",
    "journeyStage",
    "stageOwner",
    "memberStage",
    "problem",
    "problemOrganisation",
    "problemStatusChange",
    "problemVote",
    "meetingSeries",
    "meeting",
    "meetingRsvp",
    "agendaItem",
    "meetingOutcome",
    "actionItem",
    "group",
    "groupMember",
    "invitation",
    "outboxMessage",
    "auditEvent",
    "schedulerRun",
  ];
  const theirs = new Set([otherWorkspaceId]);
  const refs = ["workspaceId", "communityId", "problemId", "meetingId", "seriesId", "groupId", "subjectId", "stageId", "membershipId"];
  const out: Record<string, unknown[]> = {};
  for (const model of models) {
    const rows = await db[model].findMany();
    const ours = rows.filter((row) => {
      const other = refs.some((ref) => typeof row[ref] === "string" && theirs.has(row[ref] as string));
      if (other && typeof row.id === "string") theirs.add(row.id);
      return !other && row.id !== otherWorkspaceId;
    });
    out[model] = ours.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

describe("a request from another workspace naming this one's records", () => {
  it("has a case for every listener the app registered", () => {
    const missing = registeredIds().filter((id) => !CASES[id]);
    expect(missing).toEqual([]);
    // …and no case for a listener that is gone.
    expect(Object.keys(CASES).filter((id) => !registeredIds().includes(id))).toEqual([]);
  });

  const all = Object.entries(CASES).flatMap(([id, builders]) =>
    builders.map((build, i) => [`${id}${builders.length > 1 ? ` (${i + 1})` : ""}`, build] as const),
  );
  it.each(all)("%s: reads and writes nothing of it", async (_label, build) => {
    const before = await snapshot();
    const calls = h.slack.calls.length;
    const responses = h.slack.responses.length;
    const reply = await h.interact(fromOther(build()));
    await h.idle();
    expect(reply.status).toBe(200);
    const told = JSON.stringify({ reply: reply.text, calls: h.slack.calls.slice(calls), responses: h.slack.responses.slice(responses) });
    expect(told).not.toMatch(SECRET);
    expect(await snapshot()).toEqual(before);
  });

  it("is told plainly that the record is not there", async () => {
    await h.interact(fromOther(button(ALICE, ACTION.voteProblem, f.problemId)));
    expect(h.slack.responses.at(-1)!.body.text).toBe("That problem no longer exists.");
    const settings = CASES[`view:${CALLBACK.communitySettings}`][0];
    const reply = await h.interact(fromOther(settings()));
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: { [SETTINGS_BLOCK.problemThreshold]: expect.stringMatching(/not in this workspace/) },
    });
  });
});

describe("the duplicate picker in this workspace", () => {
  it("lists the community's other problems to its organisers only", async () => {
    const picker = (who: string) => h.interact(options(who, ACTION.problemPicker, "", JSON.stringify({ problemId: f.problemId })));
    expect((await picker(ALICE)).json.options.map((o: { text: { text: string } }) => o.text.text)).toEqual([
      "Secret Bravo problem",
      "Secret Charlie problem",
    ]);
    expect((await picker(BOB)).json).toEqual({ options: [] });
  });
});
