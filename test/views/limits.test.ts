// The largest realistic data, rendered by every view, stays inside Block Kit's limits.

import { helpEntries } from "../../src/app/commands/registry";
import { journeyDraftMetadata } from "../../src/app/submissions/acceptJourneyDraft";
import type { Charter } from "../../src/domain/communities/communities";
import { DIGEST_SECTION_ITEMS, type Digest } from "../../src/domain/digests/digests";
import type { GroupsOverview } from "../../src/domain/groups/groups";
import { INVITE_LIMIT, INVITE_MESSAGE_MAX } from "../../src/domain/invitations/invitationDraft";
import { DISPLAY_NAME_MAX } from "../../src/domain/invitations/invitationRows";
import { DRAFT_STAGES_MAX } from "../../src/domain/journey/draftFromText";
import { JOURNEY_PAGE_SIZE, type JourneyPage } from "../../src/domain/journey/journey";
import { STAGE_LIMITS } from "../../src/domain/journey/stageDraft";
import type { JourneySummary, StageNote } from "../../src/domain/journey/summary";
import { ACTIONS_PAGE_SIZE, HOME_ACTIONS_SHOWN } from "../../src/domain/meetings/actions";
import { AGENDA_LIMITS, AGENDA_PAGE_SIZE } from "../../src/domain/meetings/agenda";
import { GOING_NAMED, HOME_MEETINGS_SHOWN, type MeetingCard, UPCOMING_SHOWN } from "../../src/domain/meetings/meetings";
import { OUTCOME_LIMITS } from "../../src/domain/meetings/outcomes";
import {
  coverageOf,
  MEMBERS_PER_ORGANISATION_PAGE,
  type MembersPage,
  ORGANISATIONS_PER_PAGE,
  organisationMembersPage,
} from "../../src/domain/members/coverage";
import { OTHER_TEXT_MAX } from "../../src/domain/members/profiles";
import type {
  ActionInContext,
  ActionItemRecord,
  AgendaItemRecord,
  CommunityRecord,
  GroupRecord,
  MeetingRecord,
  MembershipRecord,
  SeriesRecord,
  StageRecord,
} from "../../src/domain/ports";
import { prose } from "../../src/i18n";
import { ORGANISATIONS } from "../../src/reference/organisations";
import { actionDm, actionsListMessage, changeDateModal, homeActionsBlocks } from "../../src/views/actions";
import { addAgendaItemModal, agendaMessage } from "../../src/views/agenda";
import { charterMessage, welcomeMessage } from "../../src/views/charter";
import { communityListMessage } from "../../src/views/communityList";
import { createCommunityModal } from "../../src/views/createCommunityModal";
import { digestMessage } from "../../src/views/digest";
import { emailRefusalsModal } from "../../src/views/emailRefusals";
import { GROUPS_SHOWN, groupCreatedMessage, groupsListMessage } from "../../src/views/groups";
import { createGroupModal } from "../../src/views/groupsModal";
import { HELP_TOPICS, helpOverview, helpTopicMessage, unknownCommandMessage } from "../../src/views/help";
import { HOME_COMMUNITIES_SHOWN, homeView } from "../../src/views/home";
import {
  acceptInvitationModal,
  answeredInvitationDm,
  invitationDm,
  inviteModal,
  inviteSummary,
  reachOutMessage,
} from "../../src/views/invitations";
import { joinCommunityModal } from "../../src/views/joinCommunityModal";
import { journeyMessage, removeStageMessage, SUGGESTIONS_SHOWN } from "../../src/views/journey";
import { meetingCancelledMessage, meetingCardMessage, meetingChangedMessage, upcomingMeetingsMessage } from "../../src/views/meetingCard";
import { cancelMeetingModal, meetingModal } from "../../src/views/meetingModal";
import { MISSING_LISTED, membersMessage, organisationMembersMessage } from "../../src/views/members";
import { messagesModal, messagesSavedModal } from "../../src/views/messagesModal";
import { esc, md } from "../../src/views/mrkdwn";
import { outcomesMessage, outcomesModal } from "../../src/views/outcomes";
import { problemCardMessage, promotionSuggestion } from "../../src/views/problemCard";
import { duplicateModal, objectiveModal } from "../../src/views/problemDecisions";
import { editProblemModal, problemDetailsModal } from "../../src/views/problemDetails";
import { problemModal } from "../../src/views/problemModal";
import { reminderDm, reminderNote } from "../../src/views/reminders";
import { settingsModal } from "../../src/views/settingsModal";
import { journeyDraftModal, memberStagesModal, stageModal } from "../../src/views/stageModal";
import { blockKitProblems } from "../support/blockKit";
import { NO_EMAIL } from "../support/records";

const longest = ORGANISATIONS.reduce((a, b) => (a.name.length >= b.name.length ? a : b));

function community(i: number): CommunityRecord {
  return {
    id: `c${i}`,
    workspaceId: "w",
    name: `${"Starting and running a business across the United Kingdom ".slice(0, 70)} ${i}`.padEnd(80, "x"),
    slug: `s${i}`,
    service: "S".repeat(150),
    purpose: "P&<>".repeat(250),
    meetingCadence: "every_two_months",
    slackChannelId: `C${i}`,
    timezone: "America/Argentina/ComodRivadavia",
    problemThreshold: 3,
    membersCanSchedule: false,
    reminderOffsets: [10080, 1440, 60],
    digest: { cadence: "monthly", weekday: 3, monthDay: 28, time: "23:30" },
    createdBy: "U1",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    archivedAt: null,
    page: { visibility: "link_only", version: 0 },
    roundDaysBefore: 10,
    bankHolidays: "northern-ireland",
    contactMethods: [
      { kind: "slack_channel", link: null },
      { kind: "mailing_list", link: `https://lists.example.gov.uk/${"x".repeat(500)}` },
      { kind: "regular_calls", link: `https://teams.example.com/${"y".repeat(500)}` },
      { kind: "trello", link: `https://trello.com/b/${"z".repeat(500)}` },
    ],
  };
}

function organiser(i: number): MembershipRecord {
  return {
    id: `m${i}`,
    communityId: "c1",
    slackUserId: `U${i}`,
    organisation: longest.id,
    organisationOther: null,
    profession: "policy",
    professionOther: null,
    role: "organiser",
    status: "active",
    digestByDm: true,
    joinedAt: new Date(),
    leftAt: null,
    ...NO_EMAIL,
  };
}

function objectives(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `o${i}`,
    communityId: "c1",
    title: `${i}`.padEnd(150, "o"),
    objectiveStatus: "in_progress",
    ownerId: `U${i}`,
    targetDate: new Date("2027-06-01T00:00:00Z"),
  }));
}

const bigCharter: Charter = {
  community: community(1),
  objectives: objectives(12),
  organisers: Array.from({ length: 40 }, (_, i) => organiser(i)),
  memberCount: 5000,
  problems: { items: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, title: `${i}`.padEnd(150, "p"), status: "open" })), total: 2000 },
};

const bigGroup: GroupRecord = {
  id: "g1",
  communityId: "c1",
  name: "G&<>".repeat(20),
  focus: "F".repeat(300),
  slackChannelId: "C0GROUP",
  createdBy: "U1",
  createdAt: new Date("2026-01-01T00:00:00Z"),
};

/** An agenda at its most: 50 items, every title, link, stage and problem at its longest. */
function bigAgenda(meetingId: string): AgendaItemRecord[] {
  return Array.from({ length: AGENDA_LIMITS.itemsMax }, (_, i) => ({
    id: `item${i}`.padEnd(25, "x"),
    meetingId,
    title: `${i}`.padEnd(AGENDA_LIMITS.titleMax, "&"),
    proposedBy: `U${String(i).padStart(10, "0")}`,
    link: `https://docs.example.gov.uk/${"l".repeat(AGENDA_LIMITS.linkMax - 28)}`,
    messagePermalink: `https://example.slack.com/archives/C0123456789/p${"1".repeat(16)}`,
    stage: i % 2 ? { id: `s${i}`, title: `${i}`.padEnd(STAGE_LIMITS.titleMax, "<") } : null,
    problem: i % 2 ? null : { id: `p${i}`, title: `${i}`.padEnd(150, ">") },
    actionId: null,
    source: "command" as const,
    position: i,
    createdAt: new Date("2026-03-01T00:00:00Z"),
  }));
}

/** A journey of 40 stages, every one with new problems and ten organisations with no member, and 20 suggestions. */
/** An action with every field at its longest. */
function bigAction(n: number): ActionItemRecord {
  return {
    id: `a${n}`,
    meetingId: "m1",
    communityId: "c1",
    title: `${n}`.padEnd(OUTCOME_LIMITS.actionTitleMax, "<"),
    // Every other owner by email, with a name at its longest that escapes the most.
    ownerId: n % 2 ? `mail:${String(n).padStart(40, "0")}` : `U${String(n).padStart(10, "0")}`,
    ownerName: n % 2 ? "&".repeat(DISPLAY_NAME_MAX) : null,
    dueOn: "2026-12-31",
    stage: { id: "s1", title: "s".repeat(150) },
    problem: null,
    status: "open",
    doneAt: null,
    doneBy: null,
    position: n,
    createdBy: "U1",
    createdAt: new Date(),
    dmChannelId: null,
    dmTs: null,
  };
}

const bigJourney: JourneySummary = (() => {
  const notes: StageNote[] = Array.from({ length: 40 }, (_, i) => ({
    stage: { id: `s${i}`, title: `${i}`.padEnd(80, "&") },
    number: i + 1,
    newProblems: 50,
    notRepresented: Array.from({ length: 10 }, (_, j) => `${j}`.padEnd(100, "&")),
  }));
  return { stages: 40, suggestions: 20, withNewProblems: notes, notRepresented: notes };
})();

describe("Block Kit limits with the largest realistic data", () => {
  it("help", () => {
    const entries = helpEntries();
    for (const message of [
      helpOverview(entries),
      ...HELP_TOPICS.map((t) => helpTopicMessage(t, entries)),
      unknownCommandMessage("x".repeat(3000), entries[1]),
    ]) {
      expect(blockKitProblems(message.blocks, "message")).toEqual([]);
    }
    // However many commands there are, the overview names them and no more: all its text together is well under Slack's 3,000 characters.
    const texts = helpOverview(entries).blocks.map((b) => (b as { text?: { text?: string } }).text?.text ?? "");
    expect(texts.join("").length).toBeLessThan(2500);
  });

  it("a page of the community list", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ ...community(i), memberCount: 5000, viewerIsMember: i === 2 }));
    const message = communityListMessage({ items, total: 500, page: 3, pageCount: 50 });
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
  });

  it("the charter and the welcome message", () => {
    expect(blockKitProblems(charterMessage(bigCharter, { isMember: true, isOrganiser: true }).blocks, "message")).toEqual([]);
    expect(blockKitProblems(welcomeMessage(bigCharter).blocks, "message")).toEqual([]);
  });

  it("App Home with more communities than it shows", () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({
      community: community(i),
      membership: organiser(i),
      memberCount: 5000,
      objectives: objectives(8),
      journey: bigJourney,
    }));
    const view = homeView(entries) as any;
    expect(blockKitProblems(view.blocks, "home")).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain(`…and ${300 - HOME_COMMUNITIES_SHOWN} more`);
  });

  it("the create and join modals", () => {
    const create = createCommunityModal({
      name: "n".repeat(80),
      timezone: "America/Argentina/ComodRivadavia",
      now: new Date(),
      privateMetadata: JSON.stringify({ channelId: "C123" }),
    }) as any;
    expect(blockKitProblems(create.blocks, "modal", create)).toEqual([]);
    const join = joinCommunityModal({
      community: { id: "c1", name: "n".repeat(80), service: "s".repeat(150) },
      defaults: { organisation: { id: longest.id, label: longest.name }, profession: "economics" },
      privateMetadata: JSON.stringify({ communityId: "c".repeat(30), channelId: "C123" }),
    }) as any;
    expect(blockKitProblems(join.blocks, "modal", join)).toEqual([]);
  });

  it("a problem's card and the problem modal", () => {
    const card = {
      community: community(1),
      tally: { votes: 5000, organisations: 140 },
      problem: {
        id: "p1",
        communityId: "c1",
        title: "t".repeat(150),
        description: "d&<>".repeat(750),
        stage: "s".repeat(150),
        link: `https://example.gov.uk/${"l".repeat(1000)}`,
        status: "objective" as const,
        source: "message_shortcut" as const,
        createdBy: "U1",
        createdAt: new Date(),
        messagePermalink: `https://test.slack.com/archives/C1/p${"1".repeat(16)}`,
        announcementChannelId: "C1",
        announcementTs: "1.2",
        affects: ORGANISATIONS.slice(0, 30).map((o) => o.id),
        duplicateOf: { id: "p0", title: "d".repeat(150) },
        objective: { ownerId: "U9", targetDate: new Date("2027-01-01T00:00:00Z"), status: "in_progress" },
      },
    };
    expect(blockKitProblems(problemCardMessage(card).blocks, "message")).toEqual([]);
    expect(blockKitProblems(promotionSuggestion(card).blocks, "message")).toEqual([]);
    const history = Array.from({ length: 500 }, (_, i) => ({
      actorId: `U${i}`,
      from: "open" as const,
      to: "objective" as const,
      at: new Date(),
    }));
    const details = problemDetailsModal({ card, history, viewerIsAuthor: true }) as any;
    expect(blockKitProblems(details.blocks, "modal", details)).toEqual([]);
    for (const modal of [objectiveModal(card.problem, "{}"), duplicateModal(card.problem, "{}")] as any[]) {
      expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
    }
    const edit = editProblemModal(card.problem, JSON.stringify({ problemId: "p1" })) as any;
    expect(blockKitProblems(edit.blocks, "modal", edit)).toEqual([]);
    const modal = problemModal({ title: "t".repeat(200), description: "d".repeat(4000), privateMetadata: "{}" }) as any;
    expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
    expect(modal.blocks.find((b: any) => b.block_id === "title").element.initial_value).toHaveLength(150);
  });

  it("a meeting's announcement, the meetings list, App Home with meetings, and the meeting modals", () => {
    const meeting = (i: number): MeetingRecord => ({
      id: `meeting${i}`.padEnd(25, "x"),
      communityId: "c1",
      groupId: "g1",
      seriesId: "s1",
      occurrence: i,
      title: `${i}`.padEnd(150, "t"),
      startsAt: new Date("2026-10-25T00:30:00Z"),
      durationMinutes: 240,
      timezone: "America/Argentina/ComodRivadavia",
      videoLink: `https://teams.example.com/${"v".repeat(400)}`,
      place: "P&<>".repeat(50),
      agenda: "A&<>".repeat(500),
      reminderOffsets: [10080, 1440, 60],
      status: "scheduled",
      sequence: 40,
      createdBy: "U1",
      announcementChannelId: "C1",
      announcementTs: "1.1",
      createdAt: new Date(),
      cancelledAt: null,
    });
    const series: SeriesRecord = {
      id: "s1",
      communityId: "c1",
      groupId: "g1",
      rule: { kind: "monthly", intervalMonths: 2, ordinal: 5 },
      timezone: "America/Argentina/ComodRivadavia",
      anchorStart: new Date("2026-03-30T12:00:00Z"),
      anchorIndex: 0,
      lastIndex: null,
      template: meeting(0),
      createdBy: "U1",
    };
    const card = (i: number): MeetingCard => ({
      meeting: meeting(i),
      community: community(1),
      group: bigGroup,
      agenda: bigAgenda(`meeting${i}`),
      outcome: { decisions: OUTCOME_LIMITS.decisionsMax, actions: OUTCOME_LIMITS.actionsMax },
      series,
      nextStart: new Date("2026-12-28T12:00:00Z"),
      // A meeting that covers the whole of a journey of the most stages, each title at its longest.
      stages: Array.from({ length: STAGE_LIMITS.stagesMax }, (_, n) => ({
        id: `s${n}`,
        title: `${n}`.padEnd(STAGE_LIMITS.titleMax, "&"),
        position: n,
      })),
      tally: {
        going: 5000,
        maybe: 5000,
        notGoing: 5000,
        // Members by email, each with the longest name of ampersands: five times as long once escaped.
        goingIds: Array.from({ length: GOING_NAMED }, (_, n) => `mail:${String(n).padStart(24, "0")}`),
        goingNames: Object.fromEntries(
          Array.from({ length: GOING_NAMED }, (_, n) => [`mail:${String(n).padStart(24, "0")}`, "&".repeat(80)]),
        ),
      },
    });
    const url = `https://communities.example.gov.uk/calendar/${"x".repeat(25)}.ics?sig=${"s".repeat(32)}`;
    expect(blockKitProblems(meetingCardMessage(card(1), url).blocks, "message")).toEqual([]);
    expect(
      blockKitProblems(meetingCardMessage({ ...card(1), meeting: { ...meeting(1), status: "cancelled" } }, url).blocks, "message"),
    ).toEqual([]);
    const upcoming = {
      items: Array.from({ length: UPCOMING_SHOWN }, (_, i) => ({ card: card(i), answer: "maybe" as const })),
      total: 400,
      memberOfAny: true,
    };
    expect(blockKitProblems(upcomingMeetingsMessage(upcoming, () => url).blocks, "message")).toEqual([]);
    // An agenda of 50 items: on the card (counted past what fits), in reminders, and every page of /community agenda.
    const cardText = JSON.stringify(meetingCardMessage(card(1), url).blocks);
    expect(cardText).toContain("more items: type `/community agenda`");
    expect(blockKitProblems(reminderDm(card(1), new Date("2026-10-24T00:30:00Z"), "going", url).blocks, "message")).toEqual([]);
    expect(blockKitProblems(reminderNote(card(1), url).blocks, "message")).toEqual([]);
    const agenda = bigAgenda("meeting1");
    for (let page = 0; page * AGENDA_PAGE_SIZE < agenda.length; page++) {
      const items = agenda.slice(page * AGENDA_PAGE_SIZE, (page + 1) * AGENDA_PAGE_SIZE);
      const message = agendaMessage(
        { ...card(1), items, total: agenda.length, page, pageCount: 3, viewerId: "U1", canArrange: true },
        { notice: md`${esc("n".repeat(150))} is now item 50.` },
      );
      expect(blockKitProblems(message.blocks, "message")).toEqual([]);
    }
    const topics = {
      stages: Array.from({ length: STAGE_LIMITS.stagesMax }, (_, n) => ({ id: `c${"s".repeat(24)}${n}`, title: "s".repeat(150) })),
      problems: Array.from({ length: 50 }, (_, n) => ({ id: `c${"p".repeat(24)}${n}`, title: "p".repeat(150) })),
    };
    const addForm = addAgendaItemModal({
      choices: Array.from({ length: 100 }, () => ({ meeting: meeting(1), community: community(1), group: bigGroup })),
      topics,
      initial: { title: "t".repeat(150), link: "l".repeat(500) },
      fromMessage: true,
      privateMetadata: JSON.stringify({ channelId: "C".repeat(12), permalink: "p".repeat(200) }),
    }) as any;
    expect(blockKitProblems(addForm.blocks, "modal", addForm)).toEqual([]);
    const kitForm = meetingModal({
      mode: "schedule",
      community: { id: "c1", name: "n".repeat(80), timezone: "Europe/London" },
      firstMeeting: { problems: Array.from({ length: 20 }, (_, n) => ({ id: `p${n}`, title: "p".repeat(150), status: "open" })) },
      privateMetadata: "{}",
    }) as any;
    expect(blockKitProblems(kitForm.blocks, "modal", kitForm)).toEqual([]);
    // Record outcomes: the form at its most rows, every field full, and the thread's reply for what it can hold.
    const fullRow = {
      title: "t".repeat(OUTCOME_LIMITS.actionTitleMax),
      ownerId: "U1",
      dueOn: "2026-12-31",
      topic: `stage:c${"s".repeat(24)}0`,
    };
    const outcomesForm = outcomesModal({
      card: card(1),
      topics,
      // As many members by email as a select lists, each with the longest name: a second owner picker in every row.
      emailOwners: Array.from({ length: 100 }, (_, n) => ({ personId: `mail:${"h".repeat(64)}${n}`, name: `${n}`.padEnd(80, "N") })),
      rows: OUTCOME_LIMITS.actionsMax,
      initial: {
        notes: "n".repeat(OUTCOME_LIMITS.notesMax),
        notesLink: "l".repeat(OUTCOME_LIMITS.linkMax),
        decisions: "d".repeat(3000),
        actions: Array.from({ length: OUTCOME_LIMITS.actionsMax }, () => fullRow),
      },
      privateMetadata: JSON.stringify({ meetingId: "m".repeat(30), rows: OUTCOME_LIMITS.actionsMax }),
    }) as any;
    expect(blockKitProblems(outcomesForm.blocks, "modal", outcomesForm)).toEqual([]);
    const outcome = {
      meetingId: "m1",
      notes: "N&<>".repeat(OUTCOME_LIMITS.notesMax / 4),
      notesLink: `https://docs.example.gov.uk/${"l".repeat(OUTCOME_LIMITS.linkMax - 28)}`,
      decisions: Array.from({ length: OUTCOME_LIMITS.decisionsMax }, (_, n) => `${n}`.padEnd(OUTCOME_LIMITS.decisionMax, "&")),
      recordedBy: "U1",
      requestId: null,
      postChannelId: null,
      postTs: null,
      summary: "none" as const,
      createdAt: new Date(),
    };
    const recordedActions = Array.from({ length: OUTCOME_LIMITS.actionsMax }, (_, n) => ({
      id: `a${n}`,
      meetingId: "m1",
      communityId: "c1",
      title: `${n}`.padEnd(OUTCOME_LIMITS.actionTitleMax, "<"),
      // Owners by email, with names at their longest that escape the most.
      ownerId: `mail:${String(n).padStart(40, "0")}`,
      ownerName: "&".repeat(DISPLAY_NAME_MAX),
      dueOn: "2026-12-31",
      stage: { id: "s1", title: "s".repeat(150) },
      problem: null,
      status: "open" as const,
      doneAt: null,
      doneBy: null,
      position: n,
      createdBy: "U1",
      createdAt: new Date(),
      dmChannelId: null,
      dmTs: null,
    }));
    expect(blockKitProblems(outcomesMessage(card(1), outcome, recordedActions).blocks, "message")).toEqual([]);
    const entries = Array.from({ length: 300 }, (_, i) => ({
      community: community(i),
      membership: organiser(i),
      memberCount: 5000,
      objectives: objectives(8),
    }));
    const home = homeView(entries, upcoming.items.slice(0, HOME_MEETINGS_SHOWN), () => url) as any;
    expect(blockKitProblems(home.blocks, "home")).toEqual([]);
    const changed = meetingChangedMessage(
      meeting(1),
      { ...meeting(1), startsAt: new Date("2026-11-01T10:00:00Z"), title: "n".repeat(150) },
      "c".repeat(80),
      url,
    );
    expect(blockKitProblems(changed.blocks, "message")).toEqual([]);
    expect(blockKitProblems(meetingCancelledMessage(meeting(1), "c".repeat(80), "N&<>".repeat(250), url).blocks, "message")).toEqual([]);
    const modal = meetingModal({
      mode: "edit",
      community: { id: "c1", name: "n".repeat(80), timezone: "America/Argentina/ComodRivadavia" },
      inSeries: true,
      initial: {
        title: "t".repeat(150),
        startSeconds: 1790000000,
        durationMinutes: 240,
        videoLink: meeting(1).videoLink,
        place: "p".repeat(200),
        agenda: "a".repeat(2000),
        recurrence: "monthly:2",
        ordinal: -1,
        reminderOffsets: [10080, 1440, 60],
        stageIds: Array.from({ length: STAGE_LIMITS.stagesMax }, (_, n) => `c${"s".repeat(24)}${n}`),
      },
      stages: Array.from({ length: STAGE_LIMITS.stagesMax }, (_, n) => ({
        id: `c${"s".repeat(24)}${n}`,
        title: `${n}`.padEnd(STAGE_LIMITS.titleMax, "&"),
      })),
      privateMetadata: JSON.stringify({
        communityId: "c".repeat(30),
        meetingId: "m".repeat(30),
        pickerZone: "America/Argentina/ComodRivadavia",
      }),
    }) as any;
    expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
    const cancel = cancelMeetingModal({ title: "t".repeat(150), inSeries: true, privateMetadata: "{}" }) as any;
    expect(blockKitProblems(cancel.blocks, "modal", cancel)).toEqual([]);
    const settings = settingsModal(
      { ...community(1), membersCanSchedule: true },
      "{}",
      `https://communities.example.gov.uk/c/c1/${"s".repeat(60)}?key=${"k".repeat(32)}`,
    ) as any;
    expect(blockKitProblems(settings.blocks, "modal", settings)).toEqual([]);
  });

  it("200 open actions: every page of /community actions, App Home, an owner's DM in each state and the date form", () => {
    const item = (n: number): ActionInContext => ({
      action: {
        id: `action${n}`.padEnd(25, "x"),
        meetingId: "m1",
        communityId: "c1",
        title: `${n}`.padEnd(OUTCOME_LIMITS.actionTitleMax, "&"),
        ownerId: n % 3 ? `U${String(n).padStart(10, "0")}` : `mail:${String(n).padStart(40, "0")}`,
        ownerName: n % 3 ? null : "<".repeat(DISPLAY_NAME_MAX),
        dueOn: "2026-01-01",
        stage: n % 2 ? { id: "s1", title: "s&".repeat(75) } : null,
        problem: n % 2 ? null : { id: "p1", title: "p<".repeat(75) },
        status: "open",
        doneAt: null,
        doneBy: null,
        position: n,
        createdBy: "U1",
        createdAt: new Date(),
        dmChannelId: null,
        dmTs: null,
      },
      meeting: {
        id: "m1",
        title: "t".repeat(150),
        startsAt: new Date("2025-12-01T10:00:00Z"),
        timezone: "America/Argentina/ComodRivadavia",
        groupId: null,
        announcementChannelId: "C1",
        announcementTs: "1.1",
      },
      community: {
        id: "c1",
        name: community(1).name,
        workspaceId: "w",
        timezone: "Europe/London",
        slackChannelId: "C1",
        bankHolidays: "england-and-wales",
      },
    });
    const all = Array.from({ length: 200 }, (_, n) => item(n));
    const now = new Date("2026-03-01T10:00:00Z");
    for (let page = 0; page * ACTIONS_PAGE_SIZE < all.length; page++) {
      const message = actionsListMessage(
        {
          community: community(1),
          filter: "open",
          items: all.slice(page * ACTIONS_PAGE_SIZE, (page + 1) * ACTIONS_PAGE_SIZE),
          total: all.length,
          page,
          pageCount: all.length / ACTIONS_PAGE_SIZE,
          viewerId: "U1",
          viewerIsOrganiser: true,
        },
        now,
        { notice: md`${esc("t".repeat(200))} is done.` },
      );
      expect(blockKitProblems(message.blocks, "message")).toEqual([]);
    }
    const entries = Array.from({ length: 300 }, (_, i) => ({
      community: community(i),
      membership: organiser(i),
      memberCount: 5000,
      objectives: objectives(8),
    }));
    const home = homeView(
      entries,
      [],
      () => "",
      homeActionsBlocks({ items: all.slice(0, HOME_ACTIONS_SHOWN), total: all.length }, now),
    ) as any;
    expect(blockKitProblems(home.blocks, "home")).toEqual([]);
    for (const kind of ["assigned", "before", "overdue", "done"] as const) {
      expect(blockKitProblems(actionDm(item(1), kind).blocks, "message")).toEqual([]);
    }
    const dateForm = changeDateModal(item(1), JSON.stringify({ actionId: "a".repeat(30) })) as any;
    expect(blockKitProblems(dateForm.blocks, "modal", dateForm)).toEqual([]);
  });

  it("a digest with every section full", () => {
    const problem = (i: number) => ({ id: `p${i}`, title: `${i}`.padEnd(150, "&"), votes: 5000, organisations: 140 });
    const digest: Digest = {
      community: community(1),
      shared: {
        items: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, i) => ({
          id: `f${i}`,
          communityId: "c1",
          title: `${i}`.padEnd(150, "&"),
          link: `https://example.gov.uk/${"x".repeat(200)}`,
          summary: "",
          organisation: "other",
          organisationOther: "o".repeat(100),
          createdBy: "U0BOB",
          createdAt: new Date("2026-03-03T09:00:00Z"),
          stages: [],
        })),
        total: 2000,
      },
      since: new Date("2026-03-02T09:00:00Z"),
      newProblems: { items: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, i) => problem(i)), total: 2000 },
      topProblems: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, i) => problem(i)),
      objectives: objectives(40),
      meetings: {
        items: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, i) => ({
          meeting: {
            ...({} as MeetingRecord),
            id: `m${i}`,
            title: `${i}`.padEnd(150, "<"),
            startsAt: new Date("2026-03-10T10:00:00Z"),
            durationMinutes: 240,
            timezone: "America/Argentina/ComodRivadavia",
          },
          going: 5000,
          maybe: 5000,
        })),
        total: 200,
      },
      newMembers: { items: Array.from({ length: 10 }, (_, i) => `U${String(i).padStart(10, "0")}`), total: 5000 },
      newOrganisations: ORGANISATIONS.map((o) => o.id),
      journey: bigJourney,
      outcomes: {
        items: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, i) => ({
          outcome: {
            meetingId: `m${i}`,
            notes: "",
            notesLink: null,
            decisions: Array.from({ length: OUTCOME_LIMITS.decisionsMax }, (_, n) => `${n}`.padEnd(OUTCOME_LIMITS.decisionMax, "&")),
            recordedBy: "U1",
            requestId: null,
            postChannelId: "C1",
            postTs: "1.1",
            summary: "posted" as const,
            createdAt: new Date("2026-03-03T09:00:00Z"),
          },
          meeting: { id: `m${i}`, title: `${i}`.padEnd(150, "<"), startsAt: new Date("2026-03-03T09:00:00Z"), timezone: "Europe/London" },
          group: { id: `g${i}`, name: `${i}`.padEnd(80, "&") },
          actions: Array.from({ length: OUTCOME_LIMITS.actionsMax }, (_, n) => bigAction(n)),
        })),
        total: 200,
      },
      // The community's rounds and 60 groups', each told 400 updates of the longest titles and "Other" organisations.
      liveProjects: {
        places: Array.from({ length: 61 }, (_, g) => ({
          group: g ? { id: `g${g}`, name: `${g}`.padEnd(80, "&") } : null,
          items: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, i) => ({
            id: `u${g}-${i}`,
            organisationName: `${i}`.padEnd(100, "&"),
            title: `${i}`.padEnd(150, "&"),
            state: "policy_clearance" as const,
            expectedOn: "2026-12-31",
          })),
          total: 400,
          organisations: 140,
          nothingNew: 140,
        })),
        total: 61 * 400,
      },
      overdueActions: { items: Array.from({ length: DIGEST_SECTION_ITEMS }, (_, n) => bigAction(n)), total: 2000 },
      owners: new Map(),
      empty: false,
    };
    const message = digestMessage(digest, { preview: true, viewerGetsDm: true });
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain(`and ${60 - DIGEST_SECTION_ITEMS} more groups`);
  });

  it("a groups list with more groups than it shows, each with thousands of members, the announcement and the create-group modal", () => {
    const group = (i: number) => ({
      id: `g${i}`.padEnd(25, "x"),
      communityId: "c1",
      name: `${i}`.padEnd(80, "&"),
      focus: "F&<>".repeat(38),
      slackChannelId: `C${String(i).padStart(10, "0")}`,
      createdBy: "U1",
      createdAt: new Date(),
    });
    const memberIds = Array.from({ length: 5000 }, (_, n) => `W${String(n).padStart(10, "0")}`);
    const overview = (viewerIsOrganiser: boolean): GroupsOverview => ({
      community: community(1),
      groups: Array.from({ length: 60 }, (_, i) => ({ group: group(i), memberIds })),
      viewerId: "U1",
      viewerIsMember: true,
      viewerIsOrganiser,
    });
    for (const viewerIsOrganiser of [true, false]) {
      const message = groupsListMessage(overview(viewerIsOrganiser));
      expect(blockKitProblems(message.blocks, "message")).toEqual([]);
      expect(JSON.stringify(message.blocks)).toContain(`and ${60 - GROUPS_SHOWN} more groups`);
      // Sections are filled, not cut: each ends with a count of the members not named.
      expect((message.blocks[1] as any).text.text).toMatch(/ and \d+ more$/);
    }
    expect(blockKitProblems(groupCreatedMessage(community(1), group(1)).blocks, "message")).toEqual([]);
    const modal = createGroupModal({
      community: { name: community(1).name, slug: "s".repeat(60) },
      privateMetadata: JSON.stringify({ communityId: "c".repeat(30) }),
    }) as any;
    expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
  });

  describe("/community members and App Home's coverage", () => {
    // The worst typed text: "Other" names of the full length, all ampersands, so each escapes to five times its length.
    const worstOrganisation = { organisation: "other", organisationOther: "&".repeat(OTHER_TEXT_MAX) };
    const worstProfession = { profession: "other", professionOther: "&".repeat(OTHER_TEXT_MAX) };
    const member = (i: number, profile: Partial<MembershipRecord>): MembershipRecord => ({
      ...organiser(i),
      slackUserId: `W${String(i).padStart(10, "0")}`,
      role: i % 50 === 0 ? "organiser" : "member",
      joinedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      ...profile,
    });
    // Every organisation in the list is named on problems, so those without a member are all "missing".
    const named = ORGANISATIONS.map((o, i) => ({ organisation: o.id, problems: 5000 - i }));
    function pages(members: MembershipRecord[]) {
      const { summary, groups } = coverageOf(members, named);
      const pageCount = Math.ceil(groups.length / ORGANISATIONS_PER_PAGE);
      return Array.from(
        { length: pageCount },
        (_, p): MembersPage => ({
          community: community(1),
          summary,
          organisations: groups.slice(p * ORGANISATIONS_PER_PAGE, (p + 1) * ORGANISATIONS_PER_PAGE),
          page: p,
          pageCount,
        }),
      );
    }
    /** Within limits, nothing cut short, and every member of each organisation either named or counted in "…and N more". */
    function check(page: MembersPage) {
      const { blocks } = membersMessage(page);
      expect(blockKitProblems(blocks, "message")).toEqual([]);
      const texts = blocks.filter((b: any) => b.type === "section").map((b: any) => b.text.text as string);
      for (const text of texts) expect(text.length).toBeLessThan(3000);
      for (const group of page.organisations) {
        const start = texts.findIndex((t) => t.startsWith(`*${group.label.replace(/&/g, "&amp;")}*  ·  `));
        const own = [texts[start], ...texts.slice(start + 1).filter((_, n, rest) => rest.slice(0, n + 1).every((t) => !t.startsWith("*")))];
        const named = own.join("\n").match(/<@W\d+>/g)?.length ?? 0;
        const more = Number(/…and (\d+) more members?$/.exec(own.at(-1)!)?.[1] ?? 0);
        expect(named + more).toBe(group.members.length);
      }
      return blocks;
    }

    it("300 members from 40 organisations, every typed name at its longest", () => {
      const orgIds = [...ORGANISATIONS]
        .sort((a, b) => b.name.length - a.name.length)
        .slice(0, 39)
        .map((o) => o.id);
      const members = Array.from({ length: 300 }, (_, i) =>
        member(i, {
          ...(i % 40 === 39 ? worstOrganisation : { organisation: orgIds[i % 40], organisationOther: null }),
          ...(i % 2 ? worstProfession : {}),
        }),
      );
      const all = pages(members);
      expect(all).toHaveLength(4);
      expect(all[0].summary).toMatchObject({ memberCount: 300, organisationCount: 40 });
      all.forEach(check);
      const first = JSON.stringify(membersMessage(all[0]).blocks);
      expect(first).toContain(`…and ${ORGANISATIONS.length - 39 - MISSING_LISTED} more`);
    });

    it("one organisation of 1,000 members among 40, with short and with the longest professions", () => {
      for (const profession of [{ profession: "policy", professionOther: null }, worstProfession]) {
        const others = ORGANISATIONS.filter((o) => o.id !== "hmrc").slice(0, 39);
        const members = Array.from({ length: 1039 }, (_, i) =>
          member(i, { organisation: i < 1000 ? "hmrc" : others[i - 1000].id, ...profession }),
        );
        const all = pages(members);
        expect(all[0].organisations[0].members).toHaveLength(1000);
        const blocks = all.map(check)[0];
        // The largest organisation leads the first page: its sections run from after the summary, "not yet represented" and a divider to the next divider.
        const end = blocks.findIndex((b: any, n) => n > 3 && b.type === "divider");
        const hmrc = blocks
          .slice(3, end)
          .map((b: any) => b.text.text as string)
          .join("\n");
        expect(hmrc).toMatch(/^\*HM Revenue &amp; Customs \(HMRC\)\* {2}· {2}1,?000 members, 20 organisers/);
        expect(hmrc).toMatch(/…and \d+ more members$/);
        // Organisers (every 50th, 20 of them) come first: named before any plain member, as many as fit.
        const lines = hmrc.split("\n").filter((l) => l.startsWith("• "));
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.slice(0, 20).every((l) => l.endsWith("_organiser_"))).toBe(true);
        if (profession.profession === "policy") expect(lines.filter((l) => l.endsWith("_organiser_"))).toHaveLength(20);
      }
    });

    it("an organisation of 5,000 members among 40: its See all button, and every page of its own list, at the longest names and professions", () => {
      const others = ORGANISATIONS.filter((o) => o.id !== "hmrc").slice(0, 39);
      for (const organisation of [{ organisation: "hmrc", organisationOther: null }, worstOrganisation]) {
        for (const profession of [{ profession: "policy", professionOther: null }, worstProfession]) {
          const members = Array.from({ length: 5039 }, (_, i) =>
            member(i, { ...(i < 5000 ? organisation : { organisation: others[i - 5000].id, organisationOther: null }), ...profession }),
          );
          const all = pages(members);
          const big = all[0].organisations[0];
          expect(big.members).toHaveLength(5000);
          // On the list, its heading carries "See all" (no extra block) with a value that leads to its first page.
          const blocks = all.map(check)[0] as any[];
          const heading = blocks.find((b) => b.type === "section" && b.accessory);
          expect(heading.accessory.text.text).toBe("See all 5000");
          expect(JSON.parse(heading.accessory.value)).toEqual({ c: "c1", o: big.key, p: 0, b: 0 });

          const count = Math.ceil(5000 / MEMBERS_PER_ORGANISATION_PAGE);
          const named: string[] = [];
          for (let p = 0; p < count; p++) {
            const page = organisationMembersPage(community(1), big.key, big, p, 0);
            const { blocks: own } = organisationMembersMessage(page);
            expect(blockKitProblems(own, "message")).toEqual([]);
            for (const b of own as any[]) if (b.type === "section") expect(b.text.text.length).toBeLessThan(3000);
            const mentions = JSON.stringify(own).match(/<@W\d+>/g) ?? [];
            expect(mentions).toHaveLength(
              p < count - 1 ? MEMBERS_PER_ORGANISATION_PAGE : 5000 - (count - 1) * MEMBERS_PER_ORGANISATION_PAGE,
            );
            named.push(...mentions);
          }
          // Every member on exactly one page.
          expect(new Set(named).size).toBe(5000);
        }
      }
    });

    it("App Home with coverage on every community it shows", () => {
      const { summary } = coverageOf([member(1, worstOrganisation)], named);
      const entries = Array.from({ length: 300 }, (_, i) => ({
        community: community(i),
        membership: organiser(i),
        memberCount: 5000,
        objectives: objectives(8),
        coverage: summary,
      }));
      const view = homeView(entries) as any;
      expect(blockKitProblems(view.blocks, "home")).toEqual([]);
      expect(JSON.stringify(view.blocks)).toContain(`Not yet represented: AGO, CO and ${ORGANISATIONS.length - 2} more`);
    });
  });

  it("the invitation form, the invitation DM in each state, the inviter's summary for 100 people, and the reach-out draft", () => {
    const message = "M&<>".repeat(INVITE_MESSAGE_MAX / 4);
    const users = Array.from({ length: INVITE_LIMIT }, (_, i) => `U${String(i).padStart(10, "0")}`);
    const choices = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, name: community(i).name }));
    for (const modal of [
      inviteModal({ choices, initialUsers: users, emails: "x@y.gov.uk\n".repeat(300), privateMetadata: "{}" }),
      inviteModal({ community: { id: "c1", name: community(1).name }, initialUsers: users, message, privateMetadata: "{}" }),
      acceptInvitationModal({ communityName: community(1).name, privateMetadata: "{}" }),
    ] as any[]) {
      expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
    }
    const invitation = {
      id: "i1",
      communityId: "c1",
      inviterId: "U1",
      inviteeId: "U2",
      email: null,
      message,
      status: "pending" as const,
      requestId: null,
      dmChannelId: null,
      dmTs: null,
      createdAt: new Date(),
      respondedAt: null,
    };
    const card = {
      invitation,
      charter: bigCharter,
      topProblems: Array.from({ length: 3 }, (_, i) => ({ id: `p${i}`, title: "T&".repeat(100) })),
      expiresAt: new Date(),
    };
    expect(blockKitProblems(invitationDm(card).blocks, "message")).toEqual([]);
    expect(blockKitProblems(invitationDm(card, { reminder: true }).blocks, "message")).toEqual([]);
    expect(blockKitProblems(answeredInvitationDm(card, "accepted", new Date()).blocks, "message")).toEqual([]);
    const kinds = ["invited", "already_member", "already_invited", "removed"] as const;
    const summary = inviteSummary({
      communityName: community(1).name,
      outcomes: users.map((userId, i) => ({ kind: kinds[i % 4], userId, email: null, invitation })) as never,
      undelivered: users.slice(0, 40).map((userId) => ({ userId, reason: "that account is deactivated" })),
      retrying: users.slice(40, 80),
      lookupFailed: Array.from({ length: INVITE_LIMIT }, (_, i) => ({
        email: `someone.else.${i}@department-for-something.gov.uk`,
        reason: "Slack was busy. Try again in a minute",
      })),
      emailed: Array.from({ length: INVITE_LIMIT }, (_, i) => `someone.with.a.long.name.${i}@department-for-something.gov.uk`),
      message,
    });
    expect(blockKitProblems(summary.blocks, "message")).toEqual([]);
    expect(JSON.stringify(summary.blocks)).toContain("more");
    const draft = reachOutMessage(
      community(1).name,
      prose.reachOutPost(
        community(1),
        card.topProblems,
        { name: "A".repeat(200), organisation: ORGANISATIONS[0].name, role: "Policy" },
        ORGANISATIONS.map((o) => o.name),
        "sc-x",
      ),
    );
    expect(blockKitProblems(draft.blocks, "message")).toEqual([]);
  });

  it("a page of a journey of 40 stages and 2,000 problems, every field full, and the journey's forms", () => {
    /** Every field at its longest; typed names of ampersands, which escaping makes five times as long. */
    const bigStage = (i: number, status: "accepted" | "suggested" = "accepted"): StageRecord => ({
      id: `c${"s".repeat(24)}${i}`,
      communityId: "c1",
      title: `${i}`.padEnd(STAGE_LIMITS.titleMax, "&"),
      description: "&".repeat(STAGE_LIMITS.descriptionMax),
      link: `https://www.gov.uk/${"l".repeat(1000)}`,
      position: i,
      status,
      createdBy: "U1",
      createdAt: new Date(),
      owners: Array.from({ length: STAGE_LIMITS.ownersMax }, (_, j) => ({
        organisation: "other",
        organisationOther: `${j}`.padEnd(STAGE_LIMITS.otherOwnerMax, "&"),
        role: j % 2 ? ("owns" as const) : ("delivers" as const),
      })),
    });
    const page = (p: number, viewer: "organiser" | "member"): JourneyPage => ({
      community: community(1),
      stages: Array.from({ length: Math.min(JOURNEY_PAGE_SIZE, 40 - p * JOURNEY_PAGE_SIZE) }, (_, i) => {
        const stage = bigStage(p * JOURNEY_PAGE_SIZE + i);
        return {
          stage,
          number: stage.position + 1,
          figures: {
            openProblems: 40,
            objectives: 10,
            topProblem: { id: "p1", title: "t&".repeat(75), votes: 5000 },
            members: 125,
            memberOrganisations: ["o1", "o2", "o3"],
            memberOrganisationCount: 120,
          },
          ownersNotRepresented: stage.owners,
          problemsButNobody: true,
          memberOrganisations: Array.from({ length: 3 }, (_, j) => `${j}`.padEnd(100, "&")),
          latestFinding: { id: "f1", title: "f&".repeat(75), link: `https://example.gov.uk/${"x".repeat(300)}` },
          nextMeeting: {
            id: "m1",
            title: "m&".repeat(75),
            startsAt: new Date("2026-09-30T12:00:00Z"),
            timezone: "America/Argentina/ComodRivadavia",
          },
        };
      }),
      total: 40,
      suggestions: 20,
      page: p,
      pageCount: 4,
      viewerIsOrganiser: viewer === "organiser",
      viewerIsMember: true,
      waiting: viewer === "organiser" ? Array.from({ length: 20 }, (_, i) => bigStage(i, "suggested")) : [],
      canDraft: false,
    });
    for (let p = 0; p < 4; p++) {
      for (const viewer of ["organiser", "member"] as const) {
        const message = journeyMessage(page(p, viewer), { notice: md`Removed *${esc("&".repeat(80))}* from the journey.` });
        expect([p, viewer, blockKitProblems(message.blocks, "message")]).toEqual([p, viewer, []]);
      }
    }
    // The first page for an organiser has every part: the notice, 12 stages and the suggestions.
    expect(journeyMessage(page(0, "organiser"), { notice: md`x` }).blocks).toHaveLength(
      4 + JOURNEY_PAGE_SIZE * 3 + 1 + SUGGESTIONS_SHOWN * 2 + 2,
    );
    expect(blockKitProblems(removeStageMessage(bigStage(39), 40, 3).blocks, "message")).toEqual([]);

    const edit = stageModal({ mode: "edit", community: community(1), stage: bigStage(1), number: 40, privateMetadata: "{}" }) as any;
    expect(blockKitProblems(edit.blocks, "modal", edit)).toEqual([]);
    // The draft form carries every stage's key: at most 20 of 60 characters, inside Slack's 3,000.
    const draft = Array.from({ length: DRAFT_STAGES_MAX }, (_, i) => ({
      key: `${i}`.padEnd(60, "k"),
      title: `${i}`.padEnd(150, "t"),
      problemIds: Array.from({ length: 100 }, (_, j) => `p${j}`),
    }));
    const metadata = journeyDraftMetadata.write({ communityId: "c".repeat(25), keys: draft.map((d) => d.key), channelId: "C".repeat(11) });
    const draftModal = journeyDraftModal({ community: community(1), draft, privateMetadata: metadata }) as any;
    expect(blockKitProblems(draftModal.blocks, "modal", draftModal)).toEqual([]);
    expect(draftModal.blocks.find((b: any) => b.block_id === "draft_19").element.initial_value).toHaveLength(STAGE_LIMITS.titleMax);
    const stages = Array.from({ length: STAGE_LIMITS.stagesMax }, (_, i) => bigStage(i));
    const mine = memberStagesModal({ community: community(1), stages, chosen: stages.map((s) => s.id), privateMetadata: "{}" }) as any;
    expect(blockKitProblems(mine.blocks, "modal", mine)).toEqual([]);
  });

  it("the organisers' list of 200 addresses that refuse mail, at their longest, and Your messages", () => {
    const refused = Array.from({ length: 200 }, (_, i) => ({
      ...organiser(i),
      slackUserId: `mail:${String(i).padStart(24, "0")}`,
      displayName: "n".repeat(80),
      email: `${"a".repeat(64)}@${"d".repeat(250)}.gov.uk`,
      emailFailedAt: new Date("2026-03-03T09:00:00Z"),
      emailFailure: "550 5.1.1 <".padEnd(2000, "&"),
    }));
    const list = emailRefusalsModal(community(1), refused, refused[0]);
    expect(blockKitProblems(list.blocks, "modal", list)).toEqual([]);
    const choices = { meetings: "both", reminders: "email", digests: "both" } as const;
    const address = `${"a".repeat(64)}@${"d".repeat(250)}.gov.uk`;
    const mine = messagesModal({ community: community(1), choices, address, refusal: "550 ".padEnd(2000, "&") }, "{}");
    expect(blockKitProblems(mine.blocks, "modal", mine)).toEqual([]);
    const saved = messagesSavedModal({ community: community(1), choices, address });
    expect(blockKitProblems(saved.blocks, "modal", saved)).toEqual([]);
    const page = membersMessage(
      {
        community: community(1),
        page: 0,
        pageCount: 1,
        organisations: [],
        summary: { memberCount: 5000, organisationCount: 40, professionCount: 20, missing: [], anyNamed: false },
      } as any,
      1000,
    );
    expect(blockKitProblems(page.blocks, "message")).toEqual([]);
  });

  it("the checker itself catches an over-long section and too many blocks", () => {
    expect(blockKitProblems([{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }], "message")).toHaveLength(1);
    expect(
      blockKitProblems(
        Array.from({ length: 51 }, () => ({ type: "divider" })),
        "message",
      ),
    ).toHaveLength(1);
  });
});
