// Every view, rendered with hostile text in every field a person can type (or
// that comes from a record people filled in): nothing in any mrkdwn text or
// message fallback is obeyed, and what was typed is shown as typed. A view
// module that gains an export gains a render here, or this test fails.

import type { Reason } from "../../src/domain/common/reasons";
import type { CharterChange } from "../../src/domain/communities/charterChanges";
import type { Charter } from "../../src/domain/communities/communities";
import type { Digest } from "../../src/domain/digests/digests";
import type { GroupsOverview } from "../../src/domain/groups/groups";
import type { InvitationCard } from "../../src/domain/invitations/invitations";
import type { JourneyPage } from "../../src/domain/journey/journey";
import type { MeetingCard } from "../../src/domain/meetings/meetings";
import type { CoverageSummary, MembersPage, OrganisationMembersPage } from "../../src/domain/members/coverage";
import type {
  CommunityRecord,
  GroupRecord,
  MeetingRecord,
  MembershipRecord,
  ProblemRecord,
  SeriesRecord,
  StageRecord,
} from "../../src/domain/ports";
import type { ProblemCard } from "../../src/domain/problems/problems";
import { prose, reasonText } from "../../src/i18n";
import { ACTIVITIES } from "../../src/reference/activities";
import * as activities from "../../src/views/activities";
import * as blocks from "../../src/views/blocks";
import * as charter from "../../src/views/charter";
import * as charterEdits from "../../src/views/charterEdits";
import * as communityList from "../../src/views/communityList";
import * as createCommunityModal from "../../src/views/createCommunityModal";
import * as digest from "../../src/views/digest";
import * as findings from "../../src/views/findings";
import * as groups from "../../src/views/groups";
import * as groupsModal from "../../src/views/groupsModal";
import * as help from "../../src/views/help";
import * as home from "../../src/views/home";
import * as invitations from "../../src/views/invitations";
import * as joinCommunityModal from "../../src/views/joinCommunityModal";
import * as journey from "../../src/views/journey";
import * as journeyExports from "../../src/views/journeyExports";
import * as lifecycle from "../../src/views/lifecycle";
import * as meetingCard from "../../src/views/meetingCard";
import * as meetingModal from "../../src/views/meetingModal";
import * as members from "../../src/views/members";
import * as mrkdwn from "../../src/views/mrkdwn";
import * as nextSteps from "../../src/views/nextSteps";
import * as onboarding from "../../src/views/onboarding";
import * as problemCard from "../../src/views/problemCard";
import * as problemDecisions from "../../src/views/problemDecisions";
import * as problemDetails from "../../src/views/problemDetails";
import * as problemList from "../../src/views/problemList";
import * as problemModal from "../../src/views/problemModal";
import * as profileFields from "../../src/views/profileFields";
import * as reminders from "../../src/views/reminders";
import * as settingsModal from "../../src/views/settingsModal";
import * as stageModal from "../../src/views/stageModal";
import * as webPage from "../../src/views/webPage";
import { type Allowed, HOSTILE, HOSTILE_ESCAPED, mrkdwnProblems, payloadProblems, shown } from "../support/mrkdwnCheck";
import { NO_EMAIL } from "../support/records";

const H = HOSTILE;
const CALENDAR = "https://communities.test/calendar/m1.ics?sig=abc";
// A link someone gave, checked by the domain: "&" in it must reach Slack as &amp;.
const LINK = "https://example.gov.uk/research?a=1&b=2";
const PERMALINK = "https://test.slack.com/archives/C0HOME/p1700000000000100";
const VIDEO = "https://teams.example.gov.uk/meet/1?ctx=a&b=c";
const WEB_PAGE = "https://communities.test/c/c1/starting-a-business?key=abc";
const allowed: Allowed = {
  users: ["U0ALICE", "U0BOB", "U0CAROL"],
  channels: ["C0HOME", "C0GROUP"],
  urls: (url) =>
    ACTIVITIES.some((a) => a.guidance === url) ||
    [help.SERVICE_MANUAL_URL, CALENDAR, LINK, PERMALINK, WEB_PAGE, "mailto:team@example.gov.uk"].includes(url) ||
    url.startsWith(VIDEO),
};

const community: CommunityRecord = {
  id: "c1",
  workspaceId: "w",
  name: H,
  slug: "starting-a-business",
  service: H,
  purpose: H,
  meetingCadence: "monthly",
  slackChannelId: "C0HOME",
  timezone: "Europe/London",
  problemThreshold: 3,
  membersCanSchedule: false,
  reminderOffsets: [1440],
  digest: { cadence: "weekly", weekday: 1, monthDay: 1, time: "09:00" },
  createdBy: "U0ALICE",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  archivedAt: null,
  page: { visibility: "link_only", version: 0 },
  roundDaysBefore: 3,
  bankHolidays: "england-and-wales",
  contactMethods: [
    { kind: "slack_channel", link: null },
    { kind: "mailing_list", link: "mailto:team@example.gov.uk" },
    { kind: "trello", link: LINK },
  ],
};

const membership = (userId: string): MembershipRecord => ({
  id: `m-${userId}`,
  communityId: "c1",
  slackUserId: userId,
  organisation: "other",
  organisationOther: H,
  profession: "other",
  professionOther: H,
  role: "organiser",
  status: "active",
  digestByDm: false,
  joinedAt: new Date("2026-01-01T00:00:00Z"),
  leftAt: null,
  ...NO_EMAIL,
});

const objective = {
  id: "p1",
  communityId: "c1",
  title: H,
  objectiveStatus: "in_progress",
  ownerId: "U0BOB",
  targetDate: new Date("2026-06-01T00:00:00Z"),
};

const hostileChanges: CharterChange[] = [
  { field: "name", from: H, to: `${H} 2` },
  { field: "purpose", from: "", to: H },
  { field: "cadence", from: "monthly", to: "quarterly" },
  {
    field: "contactMethods",
    from: [],
    to: [
      { kind: "mailing_list", link: "mailto:team@example.gov.uk" },
      { kind: "trello", link: LINK },
    ],
  },
];

const theCharter: Charter = {
  community,
  organisers: [membership("U0ALICE")],
  memberCount: 3,
  objectives: [objective],
  problems: { items: [{ id: "p1", title: H, status: "open" }], total: 4 },
} as Charter;

const problem: ProblemRecord = {
  id: "p1",
  communityId: "c1",
  title: H,
  description: `${H}\n${H}`,
  stage: H,
  link: LINK,
  status: "objective",
  source: "message_shortcut",
  createdBy: "U0BOB",
  createdAt: new Date("2026-02-01T00:00:00Z"),
  messagePermalink: PERMALINK,
  announcementChannelId: "C0HOME",
  announcementTs: "1.2",
  affects: ["hmrc", "dwp"],
  duplicateOf: { id: "p0", title: H },
  objective: { ownerId: "U0CAROL", targetDate: new Date("2026-09-01T00:00:00Z"), status: "in_progress" },
} as ProblemRecord;
const problemCardData: ProblemCard = { problem, community, tally: { votes: 4, organisations: 3 } } as ProblemCard;

const meeting: MeetingRecord = {
  id: "m1",
  communityId: "c1",
  seriesId: "s1",
  occurrence: 0,
  title: H,
  startsAt: new Date("2026-03-20T10:00:00Z"),
  durationMinutes: 90,
  timezone: "Europe/London",
  videoLink: VIDEO,
  place: H,
  agenda: `${H}\n${H}`,
  reminderOffsets: [1440],
  status: "scheduled",
  sequence: 1,
  createdBy: "U0ALICE",
  announcementChannelId: "C0HOME",
  announcementTs: "1.1",
  createdAt: new Date("2026-03-01T00:00:00Z"),
  cancelledAt: null,
} as MeetingRecord;
const series: SeriesRecord = {
  id: "s1",
  communityId: "c1",
  groupId: null,
  rule: { kind: "weekly", intervalWeeks: 2 },
  timezone: "Europe/London",
  anchorStart: meeting.startsAt,
  anchorIndex: 0,
  lastIndex: null,
  template: meeting,
  createdBy: "U0ALICE",
} as SeriesRecord;
const card: MeetingCard = {
  meeting,
  community,
  group: null,
  agenda: [],
  outcome: null,
  series,
  nextStart: new Date("2026-04-03T10:00:00Z"),
  stages: [
    { id: "s1", title: H, position: 0 },
    { id: "s2", title: H, position: 1 },
    { id: "s3", title: H, position: 2 },
    { id: "s4", title: H, position: 3 },
  ],
  tally: { going: 3, maybe: 1, notGoing: 1, goingIds: ["U0ALICE", "U0BOB", "mail:abc"], goingNames: { "mail:abc": H } },
};
const cancelledCard: MeetingCard = { ...card, meeting: { ...meeting, status: "cancelled" } };

const group: GroupRecord = {
  id: "g1",
  communityId: "c1",
  name: H,
  focus: H,
  slackChannelId: "C0GROUP",
  createdBy: "U0CAROL",
  createdAt: new Date(),
} as GroupRecord;
const overview = (viewerIsOrganiser: boolean, viewerIsMember = true): GroupsOverview => ({
  community,
  groups: [{ group, memberIds: ["U0ALICE", "U0BOB"] }],
  viewerId: "U0ALICE",
  viewerIsMember,
  viewerIsOrganiser,
});

const coverage: CoverageSummary = {
  memberCount: 3,
  organisationCount: 2,
  professionCount: 2,
  missing: [{ id: "hmrc", label: "HM Revenue & Customs (HMRC)", shortLabel: "HMRC", problems: 2 }],
  anyNamed: true,
};
const membersPage: MembersPage = {
  community,
  summary: coverage,
  organisations: [
    {
      key: "other:x",
      label: H,
      members: [
        { slackUserId: "U0ALICE", displayName: null, profession: H, organiser: true },
        { slackUserId: "U0BOB", displayName: null, profession: H, organiser: false },
      ],
    },
  ],
  page: 0,
  pageCount: 2,
};
const organisationPage = {
  community,
  key: "other:x",
  label: H,
  total: 2,
  organisers: 1,
  members: membersPage.organisations[0].members,
  first: 0,
  page: 0,
  pageCount: 1,
  from: 0,
} as OrganisationMembersPage;

const invitation = {
  id: "i1",
  communityId: "c1",
  inviterId: "U0ALICE",
  inviteeId: "U0BOB",
  email: null,
  message: `${H}\n\n${H}`,
  status: "pending" as const,
  requestId: null,
  dmChannelId: null,
  dmTs: null,
  createdAt: new Date(),
  respondedAt: null,
};
const invitationCard: InvitationCard = {
  invitation,
  charter: theCharter,
  topProblems: [{ id: "p1", title: H }],
  expiresAt: new Date("2026-04-01T00:00:00Z"),
} as InvitationCard;

const digestData: Digest = {
  community,
  shared: {
    items: [
      {
        id: "f1",
        communityId: "c1",
        title: H,
        link: LINK,
        summary: H,
        organisation: "other",
        organisationOther: H,
        createdBy: "U0BOB",
        createdAt: new Date("2026-03-03T09:00:00Z"),
        stages: [],
      },
    ],
    total: 4,
  },
  since: new Date("2026-03-02T09:00:00Z"),
  newProblems: { items: [{ id: "p1", title: H, votes: 2, organisations: 2 }], total: 7 },
  topProblems: [{ id: "p1", title: H, votes: 2, organisations: 2 }],
  objectives: [objective],
  meetings: { items: [{ meeting, going: 2, maybe: 1 }], total: 3 },
  newMembers: { items: ["U0BOB"], total: 2 },
  newOrganisations: ["hmrc", "dwp"],
  journey: {
    stages: 3,
    suggestions: 2,
    withNewProblems: [{ stage: { id: "s1", title: H }, number: 1, newProblems: 2, notRepresented: [] }],
    notRepresented: [{ stage: { id: "s2", title: H }, number: 2, newProblems: 0, notRepresented: [H, "DWP"] }],
  },
  outcomes: {
    items: [
      {
        outcome: {
          meetingId: "m1",
          notes: H,
          notesLink: null,
          decisions: [H],
          recordedBy: "U0ALICE",
          requestId: null,
          postChannelId: "C1",
          postTs: "1.1",
          summary: "posted",
          createdAt: new Date("2026-03-03T09:00:00Z"),
        },
        meeting: { id: "m1", title: H, startsAt: new Date("2026-03-03T09:00:00Z"), timezone: "Europe/London" },
        group: { id: "g1", name: H },
        actions: [],
      },
    ],
    total: 2,
  },
  liveProjects: {
    places: [
      {
        group: null,
        items: [{ id: "u1", organisationName: H, title: H, state: "agreed", expectedOn: null }],
        total: 3,
        organisations: 2,
        nothingNew: 1,
      },
      {
        group: { id: "g1", name: H },
        items: [{ id: "u2", organisationName: H, title: H, state: "live", expectedOn: "2026-05-01" }],
        total: 1,
        organisations: 1,
        nothingNew: 0,
      },
    ],
    total: 4,
  },
  overdueActions: { items: [], total: 0 },
  owners: new Map(),
  empty: false,
} as Digest;

const now = new Date("2026-03-19T10:00:00Z");
const upcoming = { items: [{ card, answer: "going" as const }], total: 2, memberOfAny: true };
const homeEntries = [
  { community, membership: membership("U0ALICE"), memberCount: 3, objectives: [objective], coverage, journey: digestData.journey },
  {
    community,
    membership: { ...membership("U0BOB"), role: "member" as const },
    memberCount: 3,
    objectives: [],
    journey: digestData.journey,
  },
];

const stage: StageRecord = {
  id: "s1",
  communityId: "c1",
  title: H,
  description: H,
  link: LINK,
  position: 0,
  status: "accepted",
  createdBy: "U0BOB",
  createdAt: new Date("2026-02-01T00:00:00Z"),
  owners: [
    { organisation: "other", organisationOther: H, role: "owns" },
    { organisation: "hmrc", organisationOther: null, role: "delivers" },
  ],
};
const journeyPage = (viewer: "organiser" | "member" | "outsider", stages = 2): JourneyPage => ({
  community,
  stages: Array.from({ length: stages }, (_, i) => ({
    stage: { ...stage, id: `s${i}`, position: i },
    number: i + 1,
    figures: {
      openProblems: 3,
      objectives: 1,
      topProblem: { id: "p1", title: H, votes: 4 },
      members: 2,
      memberOrganisations: ["other:x"],
      memberOrganisationCount: 5,
    },
    ownersNotRepresented: stage.owners,
    problemsButNobody: i === 0,
    memberOrganisations: [H],
    latestFinding: i === 0 ? { id: "f1", title: H, link: LINK } : null,
    nextMeeting: i === 0 ? { id: "m1", title: H, startsAt: new Date("2026-03-10T10:00:00Z"), timezone: "Europe/London" } : null,
  })),
  total: stages,
  suggestions: 1,
  page: 0,
  pageCount: 2,
  viewerIsOrganiser: viewer === "organiser",
  viewerIsMember: viewer !== "outsider",
  waiting: viewer === "organiser" ? [{ ...stage, id: "s9", status: "suggested" }] : [],
  canDraft: stages === 0,
});

/** Each export of each view module, rendered with hostile data: one or more payloads (messages, views, blocks or mrkdwn). */
const RENDERS: Record<string, () => unknown[]> = {
  "journey.journeyMessage": () => [
    journey.journeyMessage(journeyPage("organiser"), { notice: mrkdwn.md`Removed *${mrkdwn.esc(H)}*.` }),
    journey.journeyMessage(journeyPage("member")),
    journey.journeyMessage(journeyPage("outsider")),
    journey.journeyMessage(journeyPage("organiser", 0)),
  ],
  "journey.removeStageMessage": () => [journey.removeStageMessage(stage, 3, 0)],
  "journey.journeyHomeLines": () => [
    ...journey.journeyHomeLines(digestData.journey, { slug: "s", organiser: true }),
    ...journey.journeyHomeLines({ ...digestData.journey, stages: 0 }, { slug: "s", organiser: true }),
  ],
  "journey.journeyDigestText": () => [journey.journeyDigestText(digestData.journey, "s", 5)],
  "stageModal.stageModal": () => [
    stageModal.stageModal({ mode: "edit", community, stage, number: 2, privateMetadata: "{}" }),
    stageModal.stageModal({ mode: "suggest", community, privateMetadata: "{}" }),
    stageModal.stageModal({ mode: "add", community, privateMetadata: "{}" }),
  ],
  "stageModal.journeyDraftModal": () => [
    stageModal.journeyDraftModal({ community, draft: [{ key: "k", title: H, problemIds: ["p1", "p2"] }], privateMetadata: "{}" }),
  ],
  "stageModal.stagePickerBlock": () => [{ blocks: [stageModal.stagePickerBlock([stage], ["s1"], H)] }],
  "stageModal.memberStagesModal": () => [
    stageModal.memberStagesModal({ community, stages: [stage], chosen: ["s1"], privateMetadata: "{}" }),
  ],
  "charter.contactLine": () => [charter.contactLine(theCharter)],
  "charter.objectiveLine": () => [charter.objectiveLine(objective)],
  "charter.charterBlocks": () => [{ blocks: charter.charterBlocks(theCharter, { viewerIsMember: false }) }],
  "charter.charterMessage": () => [
    charter.charterMessage(theCharter, { isMember: true, isOrganiser: true }),
    charter.charterMessage(theCharter, { isMember: false, isOrganiser: false }),
  ],
  "createCommunityModal.charterFieldBlocks": () => [
    {
      blocks: createCommunityModal.charterFieldBlocks({
        name: H,
        service: H,
        purpose: H,
        contactMethods: [{ kind: "trello", link: LINK }],
      }),
    },
  ],
  "charterEdits.editCharterModal": () => [
    charterEdits.editCharterModal({ ...community, contactMethods: [{ kind: "trello", link: LINK }] }, "{}"),
  ],
  "charterEdits.charterChangedMessage": () => [
    charterEdits.charterChangedMessage(community, "U0ALICE", hostileChanges),
    charterEdits.charterChangedMessage(community, "U0ALICE", hostileChanges.slice(1)),
  ],
  "charterEdits.charterSavedText": () => [
    charterEdits.charterSavedText(community, hostileChanges),
    charterEdits.charterSavedText(community, []),
  ],
  "charterEdits.charterHistoryMessage": () => [
    charterEdits.charterHistoryMessage({ community, revisions: [{ actorId: "U0BOB", at: now, changes: hostileChanges }], total: 20 }),
    charterEdits.charterHistoryMessage({ community, revisions: [], total: 0 }),
  ],
  "lifecycle.archiveConfirmation": () => [
    {
      blocks: [
        {
          type: "actions",
          elements: [
            { type: "button", text: { type: "plain_text", text: "x" }, action_id: "a", confirm: lifecycle.archiveConfirmation(community) },
          ],
        },
      ],
    },
  ],
  "lifecycle.organiserCharterButtons": () => [{ blocks: [{ type: "actions", elements: lifecycle.organiserCharterButtons(community) }] }],
  "findings.shareFindingModal": () => [
    findings.shareFindingModal({
      community,
      stages: [
        {
          id: "s1",
          communityId: "c1",
          title: H,
          description: H,
          link: null,
          position: 0,
          status: "accepted",
          createdBy: "U0ALICE",
          createdAt: now,
          owners: [],
        },
      ],
      from: { ...membership("U0BOB"), organisation: "other", organisationOther: H },
      privateMetadata: "{}",
    }),
  ],
  "findings.findingsListMessage": () => {
    const item = {
      id: "f1",
      communityId: "c1",
      title: H,
      link: LINK,
      summary: H,
      organisation: "other",
      organisationOther: H,
      createdBy: "U0BOB",
      createdAt: now,
      stages: [{ id: "s1", title: H, position: 0 }],
    };
    return [
      findings.findingsListMessage({
        community,
        items: [item],
        total: 25,
        page: 1,
        pageCount: 3,
        stage: { id: "s1", number: 1, title: H },
      }),
      findings.findingsListMessage({ community, items: [], total: 0, page: 0, pageCount: 1, stage: null }),
    ];
  },
  "findings.findingSharedMessage": () => [
    findings.findingSharedMessage(community, {
      id: "f1",
      communityId: "c1",
      title: H,
      link: null,
      summary: "",
      organisation: "dwp",
      organisationOther: null,
      createdBy: "U0BOB",
      createdAt: now,
      stages: [],
    }),
  ],
  "activities.activitiesMessage": () => [activities.activitiesMessage(community)],
  "journeyExports.journeyExportsMessage": () => [journeyExports.journeyExportsMessage(community, { stepByStep: LINK, landscape: LINK })],
  "lifecycle.archivedNotice": () => [lifecycle.archivedNotice(community, "U0ALICE")],
  "lifecycle.unarchivedNotice": () => [lifecycle.unarchivedNotice(community, "U0ALICE")],
  "lifecycle.archivedReply": () => [lifecycle.archivedReply(community)],
  "lifecycle.unarchivedReply": () => [lifecycle.unarchivedReply(community)],
  "lifecycle.archivedListMessage": () => [lifecycle.archivedListMessage([community, { ...community, id: "c2" }])],
  "lifecycle.deleteCommunityModal": () => [lifecycle.deleteCommunityModal(community, "{}")],
  "lifecycle.deletedView": () => [
    lifecycle.deletedView({ community, removed: { members: 2, problems: 1, meetings: 0, groups: 0, invitations: 3, pendingMessages: 1 } }),
  ],
  "lifecycle.deletedNotice": () => [
    lifecycle.deletedNotice(
      { community, removed: { members: 0, problems: 0, meetings: 0, groups: 0, invitations: 0, pendingMessages: 0 } },
      "U0ALICE",
    ),
  ],
  "charter.welcomeMessage": () => [charter.welcomeMessage(theCharter)],
  "communityList.communityListMessage": () => [
    communityList.communityListMessage({
      items: [
        { ...community, memberCount: 3, viewerIsMember: true },
        { ...community, id: "c2", memberCount: 1, viewerIsMember: false },
      ] as never,
      total: 12,
      page: 0,
      pageCount: 2,
    }),
  ],
  "createCommunityModal.createCommunityModal": () => [
    createCommunityModal.createCommunityModal({ name: H, timezone: "Europe/London", now, privateMetadata: "{}" }),
  ],
  "digest.digestMessage": () => [digest.digestMessage(digestData), digest.digestMessage(digestData, { preview: true, viewerGetsDm: true })],
  "groups.groupsListMessage": () => [
    groups.groupsListMessage(overview(true)),
    groups.groupsListMessage(overview(false, false)),
    groups.groupsListMessage({ ...overview(true), groups: [] }),
  ],
  "groups.groupCreatedMessage": () => [groups.groupCreatedMessage(community, group)],
  "groups.groupChannelIntro": () => [groups.groupChannelIntro(community, group)],
  "groups.groupReadyText": () => [groups.groupReadyText(community, group)],
  "groupsModal.createGroupModal": () => [
    groupsModal.createGroupModal({ community: { name: H, slug: "s" }, name: H, privateMetadata: "{}" }),
  ],
  "nextSteps.refusalMessage": () => {
    const unknown: Reason = { key: "community.unknown", typed: H, suggestions: [H] };
    return [
      nextSteps.refusalMessage(unknown, mrkdwn.domainMessage(reasonText(unknown))),
      nextSteps.refusalMessage({ key: "community.none_yet" }, mrkdwn.md`None.`),
    ];
  },
  "help.helpOverview": () => [help.helpOverview([{ name: "info", usage: "/community info [name]", summary: H, topic: "start" }])],
  "help.helpTopicMessage": () => [help.helpTopicMessage("start", [{ name: "info", usage: H, summary: H, topic: "start" }])],
  "help.commandHelpMessage": () => [help.commandHelpMessage({ name: "info", usage: H, summary: H, topic: "start" })],
  "help.unknownTopicMessage": () => [help.unknownTopicMessage(H)],
  "help.unknownCommandMessage": () => [
    help.unknownCommandMessage(H, { name: "info", usage: "/community info [name]", summary: "Read a charter.", topic: "start" }),
    help.unknownCommandMessage(H),
  ],
  "home.homeView": () => [home.homeView(homeEntries, upcoming.items, () => CALENDAR), home.homeView([])],
  "invitations.inviteModal": () => [
    invitations.inviteModal({ community: { id: "c1", name: H }, initialUsers: ["U0BOB"], emails: H, message: H, privateMetadata: "{}" }),
    invitations.inviteModal({ choices: [{ id: "c1", name: H }], initialUsers: [], privateMetadata: "{}" }),
  ],
  "invitations.invitationDm": () => [
    invitations.invitationDm(invitationCard),
    invitations.invitationDm(invitationCard, { reminder: true }),
  ],
  "invitations.answeredInvitationDm": () => [
    invitations.answeredInvitationDm(invitationCard, "accepted", now),
    invitations.answeredInvitationDm(invitationCard, "declined", now),
  ],
  "invitations.acceptInvitationModal": () => [
    invitations.acceptInvitationModal({
      communityName: H,
      defaults: { organisation: { id: "other", label: H }, organisationOther: H, profession: "other", professionOther: H },
      privateMetadata: "{}",
    }),
  ],
  "invitations.inviteSummary": () => [
    invitations.inviteSummary({
      communityName: H,
      outcomes: [
        { kind: "invited", userId: "U0BOB", email: null, invitation },
        { kind: "already_member", userId: "U0CAROL", email: null },
        { kind: "already_invited", userId: "U0ALICE", email: null },
        { kind: "removed", userId: "U0BOB", email: null },
        { kind: "self", userId: "U0ALICE", email: null },
      ] as never,
      undelivered: [{ userId: "U0CAROL", reason: H }],
      retrying: ["U0ALICE"],
      lookupFailed: [{ email: H, reason: H }],
      emailed: [H],
      message: H,
    }),
    invitations.inviteSummary({
      communityName: H,
      outcomes: [],
      undelivered: [],
      retrying: [],
      lookupFailed: [],
      emailed: [],
      message: H,
    }),
  ],
  "invitations.invitingProgress": () => [invitations.invitingProgress(H, 3)],
  "invitations.reachOutMessage": () => [
    invitations.reachOutMessage(H, prose.reachOutPost(community, [{ id: "p1", title: H }], { name: H, organisation: H, role: H }, [H], H)),
  ],
  "joinCommunityModal.joinCommunityModal": () => [
    joinCommunityModal.joinCommunityModal({ community: { id: "c1", name: H, service: H }, voteFor: H, privateMetadata: "{}" }),
    joinCommunityModal.joinCommunityModal({
      community: { id: "c1", name: H, service: H },
      defaults: { organisation: { id: "other", label: H }, organisationOther: H, profession: "other", professionOther: H },
      privateMetadata: "{}",
    }),
  ],
  "meetingCard.meetingWhen": () => [meetingCard.meetingWhen(meeting)],
  "meetingCard.calendarButton": () => [{ blocks: [blocks.actions(undefined, meetingCard.calendarButton(CALENDAR))] }],
  "meetingCard.answerButtons": () => [{ blocks: [blocks.actions(undefined, ...meetingCard.answerButtons("m1", "going"))] }],
  "meetingCard.meetingCardMessage": () => [
    meetingCard.meetingCardMessage(card, CALENDAR),
    meetingCard.meetingCardMessage(cancelledCard, CALENDAR),
  ],
  "meetingCard.meetingLine": () => [{ blocks: meetingCard.meetingLine({ card, answer: null }, CALENDAR) }],
  "meetingCard.upcomingMeetingsMessage": () => [
    meetingCard.upcomingMeetingsMessage(upcoming, () => CALENDAR),
    meetingCard.upcomingMeetingsMessage({ items: [], total: 0, memberOfAny: false }, () => CALENDAR),
  ],
  "meetingCard.meetingChangedMessage": () => [
    meetingCard.meetingChangedMessage(
      { ...meeting, title: "Before", place: null },
      { ...meeting, startsAt: new Date("2026-03-21T10:00:00Z") },
      H,
      CALENDAR,
    ),
  ],
  "meetingCard.meetingCancelledMessage": () => [meetingCard.meetingCancelledMessage(meeting, H, `${H}\n${H}`, CALENDAR)],
  "meetingCard.scheduledConfirmation": () => [
    meetingCard.scheduledConfirmation([meeting, { ...meeting, startsAt: new Date("2026-04-03T10:00:00Z") }], "C0HOME", {
      kind: "fifth_weekday_skipped",
      weekday: 1,
    }),
  ],
  "meetingModal.remindersInput": () => [{ blocks: [meetingModal.remindersInput("b", "Reminders", [1440], "Hint")] }],
  "meetingModal.meetingModal": () => [
    meetingModal.meetingModal({
      mode: "edit",
      community: { id: "c1", name: H, timezone: "Europe/London" },
      inSeries: true,
      stages: [stage],
      initial: { title: H, place: H, agenda: H, videoLink: VIDEO, stageIds: [stage.id] },
      privateMetadata: "{}",
    }),
    meetingModal.meetingModal({ mode: "schedule", privateMetadata: "{}" }),
  ],
  "meetingModal.cancelMeetingModal": () => [meetingModal.cancelMeetingModal({ title: H, inSeries: true, privateMetadata: "{}" })],
  "members.coverageLine": () => [members.coverageLine(coverage)],
  "members.organisationBlocks": () => [{ blocks: members.organisationBlocks(membersPage.organisations[0], "c1", 0) }],
  "members.membersMessage": () => [
    members.membersMessage(membersPage),
    members.membersMessage({ ...membersPage, organisations: [], summary: { ...coverage, missing: [] } }),
  ],
  "members.organisationMembersMessage": () => [
    members.organisationMembersMessage(organisationPage),
    members.organisationMembersMessage({ ...organisationPage, total: 0, members: [] }),
  ],
  "onboarding.onboardingDm": () => [onboarding.onboardingDm(theCharter)],
  "problemCard.problemCardMessage": () => [problemCard.problemCardMessage(problemCardData)],
  "problemCard.voteCount": () => [{ text: problemCard.voteCount(4, 3) }, { text: problemCard.voteCount(0, 0) }],
  "problemCard.voteReply": () => [problemCard.voteReply(problemCardData, true), problemCard.voteReply(problemCardData, false)],
  "problemCard.promotionSuggestion": () => [problemCard.promotionSuggestion(problemCardData)],
  "problemDecisions.objectiveModal": () => [problemDecisions.objectiveModal(problem, "{}")],
  "problemDecisions.duplicateModal": () => [problemDecisions.duplicateModal(problem, "{}")],
  "problemDetails.problemDetailsModal": () => [
    problemDetails.problemDetailsModal({
      card: problemCardData,
      history: [{ actorId: "U0ALICE", from: "open", to: "objective", at: now }],
      viewerIsAuthor: true,
    }),
    problemDetails.problemDetailsModal({ card: problemCardData, history: [], viewerIsAuthor: false }),
  ],
  "problemDetails.editProblemModal": () => [problemDetails.editProblemModal(problem, "{}")],
  "problemList.problemListMessage": () => [
    problemList.problemListMessage({
      community,
      filter: "open",
      items: [{ id: "p1", title: H, status: "objective", votes: 2, organisations: 1, viewerVoted: true }],
      total: 11,
      page: 0,
      pageCount: 2,
    }),
    problemList.problemListMessage({ community, filter: "solved", items: [], total: 0, page: 0, pageCount: 0 }),
  ],
  "problemModal.problemModal": () => [
    problemModal.problemModal({ community: { id: "c1", name: H }, title: H, description: H, privateMetadata: "{}" }),
    problemModal.problemModal({ privateMetadata: "{}" }),
  ],
  "profileFields.profileBlocks": () => [
    {
      blocks: profileFields.profileBlocks("your", {
        organisation: { id: "other", label: H },
        organisationOther: H,
        profession: "other",
        professionOther: H,
      }),
    },
  ],
  "reminders.reminderDm": () => [
    reminders.reminderDm(card, now, "going", CALENDAR),
    reminders.reminderDm({ ...card, meeting: { ...meeting, videoLink: `${VIDEO}&${"x".repeat(80)}` } }, now, "maybe", CALENDAR),
  ],
  "reminders.reminderNote": () => [reminders.reminderNote(card, CALENDAR)],
  "settingsModal.settingsModal": () => [settingsModal.settingsModal(community, "{}", WEB_PAGE)],
  "webPage.webPageMessage": () => [webPage.webPageMessage(community, WEB_PAGE)],
  "webPage.webPageLine": () => [
    webPage.webPageLine(community, WEB_PAGE),
    webPage.webPageLine({ page: { visibility: "public", version: 0 } }, WEB_PAGE),
  ],
};

/**
 * Exports that are not views: Block Kit primitives and mrkdwn helpers (typed to
 * take Mrkdwn, and tested below), ids, limits, pager values and plain-text
 * helpers (times, durations, channel topics, which Slack does not parse).
 */
const NOT_VIEWS = new Set([
  ...Object.keys(blocks).map((name) => `blocks.${name}`),
  ...Object.keys(mrkdwn).map((name) => `mrkdwn.${name}`),
  "charter.channelTopic",
  "charter.channelPurpose",
  "activities.planValue",
  "findings.findingsPagerValue",
  "help.findTopic",
  "lifecycle.removedText",
  "charterEdits.changedFieldsText",
  "meetingCard.meetingTimeText",
  "meetingCard.durationText",
  "meetingCard.ANSWER_LABELS",
  "members.membersPagerValue",
  "journey.journeyPagerValue",
  "journey.stageChoiceValue",
  "journey.stageValue",
  "journey.stageOption",
  "stageModal.draftBlock",
  "members.organisationPagerValue",
  "problemList.pagerValue",
  "reminders.timeLeftText",
  "groups.groupTitle",
]);

/** Views whose mrkdwn holds no typed text (it is in their inputs and plain text, or they show only the bot's own words). */
const NO_TYPED_MRKDWN = new Set([
  "help.helpOverview",
  "findings.shareFindingModal",
  "stageModal.stagePickerBlock",
  "problemCard.voteCount",
  "charter.contactLine",
  "createCommunityModal.createCommunityModal",
  "createCommunityModal.charterFieldBlocks",
  "charterEdits.editCharterModal",
  "lifecycle.organiserCharterButtons",
  "meetingCard.meetingWhen",
  "meetingCard.calendarButton",
  "meetingCard.answerButtons",
  "meetingModal.remindersInput",
  "members.coverageLine",
  "problemDetails.editProblemModal",
  "profileFields.profileBlocks",
  "webPage.webPageLine",
]);

const MODULES: Record<string, Record<string, unknown>> = {
  activities,
  findings,
  blocks,
  journeyExports,
  charter,
  charterEdits,
  lifecycle,
  communityList,
  createCommunityModal,
  digest,
  groups,
  groupsModal,
  help,
  home,
  invitations,
  joinCommunityModal,
  journey,
  meetingCard,
  meetingModal,
  members,
  mrkdwn,
  nextSteps,
  onboarding,
  problemCard,
  problemDecisions,
  problemDetails,
  problemList,
  problemModal,
  profileFields,
  reminders,
  settingsModal,
  stageModal,
  webPage,
};

/** A rendered thing as a payload: a bare mrkdwn string is checked as a message's text. */
function asPayload(rendered: unknown): unknown {
  return typeof rendered === "string" ? { text: rendered } : rendered;
}

describe("every view escapes what people typed, in blocks and in the fallback text", () => {
  it("has a hostile render for every exported view builder", () => {
    const exported = Object.entries(MODULES).flatMap(([module, exports]) =>
      Object.entries(exports)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => `${module}.${name}`),
    );
    const missing = exported.filter((name) => !NOT_VIEWS.has(name) && !RENDERS[name]);
    expect(missing).toEqual([]);
    expect(Object.keys(RENDERS).filter((name) => !exported.includes(name))).toEqual([]);
  });

  it.each(Object.keys(RENDERS))("%s", (name) => {
    const problems: string[] = [];
    const seen: string[] = [];
    for (const [i, rendered] of RENDERS[name]().entries())
      problems.push(...payloadProblems(asPayload(rendered), allowed, `${name}#${i}`, seen));
    expect(problems).toEqual([]);
    // The hostile text got through, and reads exactly as it was typed (escaped once, not twice or not at all).
    if (!NO_TYPED_MRKDWN.has(name)) expect(seen.some((text) => text.includes(H))).toBe(true);
  });

  it("keeps typed text as it is in plain text and in inputs, where Slack parses nothing", () => {
    const modal = problemModal.problemModal({ community: { id: "c1", name: H }, title: H, description: H, privateMetadata: "{}" }) as any;
    const title = modal.blocks.find((b: any) => b.block_id === "title");
    expect(title.element.initial_value).toBe(H);
    const message = charter.charterMessage(theCharter, { isMember: true, isOrganiser: false }) as any;
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: H.slice(0, 150) } });
  });
});

describe("the checker and the mrkdwn helpers", () => {
  const problems = (text: string) => mrkdwnProblems(text, allowed, "t");

  it("the checker finds each kind of problem", () => {
    expect(problems("<!channel> hello")).toHaveLength(1);
    expect(problems("<!subteam^S1|team>")).toHaveLength(1);
    expect(problems("<@U0EVIL>")).toHaveLength(1);
    expect(problems("<#C0EVIL>")).toHaveLength(1);
    expect(problems("<https://evil.example|click>")).toHaveLength(1);
    expect(problems("a & b")).toHaveLength(1);
    expect(problems("a &amp b")).toHaveLength(1);
    expect(problems("a < b")).toHaveLength(1);
    expect(problems("a > b")).toHaveLength(1);
    expect(problems("> a quote\n<@U0ALICE> <#C0HOME> <!date^1^{date}|1 Jan> &amp; &lt; &gt;")).toEqual([]);
    expect(shown(mrkdwn.esc(H))).toBe(H);
  });

  it("md refuses literal parts that would make a token, and numbers and mrkdwn go in as they are", () => {
    const { md, esc } = mrkdwn;
    expect(() => md`<!channel> ${1}`).toThrow(/literal/);
    expect(() => md`a & b`).toThrow(/literal/);
    expect(md`${esc(H)} has ${3} votes`).toBe(`${HOSTILE_ESCAPED} has 3 votes`);
  });

  it("the trusted helpers check what they are given", () => {
    expect(mrkdwn.userLink("U0ALICE")).toBe("<@U0ALICE>");
    expect(mrkdwn.userLink("<!channel>")).toBe("&lt;!channel&gt;");
    expect(mrkdwn.channelLink("C0HOME")).toBe("<#C0HOME>");
    expect(mrkdwn.channelLink("C1|x> <!here")).toBe("C1|x&gt; &lt;!here");
    expect(mrkdwn.channelLink(null)).toBe("_no channel yet_");
    expect(mrkdwn.link("https://x.gov.uk/?a=1&b=2", mrkdwn.esc("<b>"))).toBe("<https://x.gov.uk/?a=1&amp;b=2|&lt;b&gt;>");
    // A URL that could end the token or carry a second label is not linked.
    expect(mrkdwn.link("https://x.gov.uk/|<!channel>", mrkdwn.md`label`)).toBe("label");
    expect(mrkdwn.link("javascript:alert(1)", mrkdwn.md`label`)).toBe("label");
  });

  it("cuts long mrkdwn without splitting an entity, a token or a character", () => {
    const { esc, md, truncateMd, userLink } = mrkdwn;
    for (let max = 2; max < 40; max++) {
      const text = md`${esc("a&b<c>d ".repeat(4))}${userLink("U0ALICE")}${esc("🙂🙂🙂")}`;
      const cut = truncateMd(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(problems(cut)).toEqual([]);
      expect(/[\ud800-\udbff]…$/.test(cut)).toBe(false);
    }
  });
});
