// The live-projects round, as the outbox runs it (roundPlan.ts says when): before
// each meeting the bot asks one or two members of each organisation what it has
// changed, planned or cleared since the last meeting that affects the service (in
// Slack, by email or both, as each gets meeting messages: askWho.ts); reminds those
// whose organisation has not answered; and compiles the answers into one post in the
// channel, which also goes on the meeting's agenda. A group's meeting asks only the
// group's members, by the group's organisations, and posts in the group's channel
// (the community's if it has none), naming the group. Each step is an
// outbox row, claimed by one replica, and each question (DM or email) and the post
// have dedupe keys of their own, so all of it happens once however many replicas run.
import type { Clock } from "../common/clock";
import { AGENDA_LIMITS } from "../meetings/agenda";
import { hasEnded } from "../meetings/occurrences";
import { labelOfKey } from "../members/coverage";
import { roundQuestion } from "../outbox/roundQuestion";
import type {
  CommunityRecord,
  GroupRecord,
  MeetingRecord,
  MembershipRecord,
  NewOutboxRow,
  ProjectUpdateRecord,
  RoundOrganisationRow,
  Store,
} from "../ports";
import { chooseAsked, emailOnlyOrganisations, organisationLabels, RECENT_ANSWERS } from "./askWho";
import { compileRound, type RoundSummary } from "./compile";
import { replanRound, roundTimes } from "./roundPlan";

/** How many of a community's meetings ahead have their rounds moved when its settings change. */
const REPLANNED_AHEAD = 50;

export interface RoundPlace {
  meeting: MeetingRecord;
  community: CommunityRecord;
  /** The meeting's group, for a group's meeting: its round is the group's. */
  group: GroupRecord | null;
}

/** What a question (or its reminder, or its redraw after an answer) says. */
export interface RoundQuestion extends RoundPlace {
  organisation: { key: string; label: string };
  when: "ask" | "reminder";
  /** The others asked for the same organisation. */
  askedWith: string[];
  /** When the answers go to the channel. */
  postAt: Date;
  /** What the organisation has told this round so far, and whether someone said Nothing new. */
  told: ProjectUpdateRecord[];
  nothingNew: boolean;
}

export interface CompiledRound extends RoundPlace {
  summary: RoundSummary;
  /** Whether the round's item is on the meeting's agenda already (a post built again). */
  onAgenda: boolean;
}

/** A question as it goes to the person asked, with their membership (which says how they get it: askWho.ts). */
export interface QuestionToSend extends RoundQuestion {
  member: MembershipRecord;
}

export type Built<T> = { skip: string } | T;

/** Why a round's step should not happen now, or null. `startsAt`: the start the step was planned for. */
export function roundObsolete(meeting: MeetingRecord | null, startsAt: string | null, now: Date): string | null {
  if (!meeting) return "the meeting no longer exists";
  if (meeting.status === "cancelled") return "the meeting was cancelled";
  if (startsAt && meeting.startsAt.toISOString() !== startsAt) return "the meeting moved";
  if (meeting.startsAt.getTime() <= now.getTime()) return "the meeting has started";
  return null;
}

export class RoundService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private get store() {
    return this.deps.store;
  }

  /**
   * The meeting and its community, if the round may still go on. `communityId`: the community
   * an outbox row names, so the two are read at once (the meeting's own is the one used).
   */
  async place(meetingId: string, startsAt: string | null, communityId?: string | null): Promise<Built<RoundPlace>> {
    const [meeting, named] = await Promise.all([
      this.store.meetings.findById(meetingId),
      communityId ? this.store.communities.findById(communityId) : null,
    ]);
    const obsolete = roundObsolete(meeting, startsAt, this.deps.clock.now());
    if (obsolete || !meeting) return { skip: obsolete ?? "the meeting no longer exists" };
    const [community, group] = await Promise.all([
      named?.id === meeting.communityId ? named : this.store.communities.findById(meeting.communityId),
      meeting.groupId ? this.store.groups.findById(meeting.groupId) : null,
    ]);
    if (!community) return { skip: "the community no longer exists" };
    if (meeting.groupId && !group) return { skip: "the group no longer exists" };
    return { meeting, community, group };
  }

  /** The questions: who is asked in each organisation (chosen once a meeting), one row each (a DM, an email or both when due). */
  async ask(meetingId: string, startsAt: string): Promise<Built<{ rows: NewOutboxRow[] }>> {
    const place = await this.place(meetingId, startsAt);
    if ("skip" in place) return place;
    const now = this.deps.clock.now();
    const [all, recent, groups] = await Promise.all([
      this.store.memberships.activeMembers(place.community.id),
      this.store.round.recentAnswerers(place.community.id, RECENT_ANSWERS),
      place.group ? this.store.groups.members(place.community.id) : null,
    ]);
    // A group's round asks the group's members only: its organisations are theirs.
    const inGroup = place.group ? new Set(groups?.get(place.group.id) ?? []) : null;
    const members = inGroup ? all.filter((m) => inGroup.has(m.slackUserId)) : all;
    const asked = await this.store.round.recordAsks(meetingId, chooseAsked(members, recent).asks, now);
    return { rows: this.questionRows(place, asked, "ask") };
  }

  /** The reminder: a row for each person asked whose organisation has not answered. */
  async remind(meetingId: string, startsAt: string): Promise<Built<{ rows: NewOutboxRow[] }>> {
    const place = await this.place(meetingId, startsAt);
    if ("skip" in place) return place;
    const [asks, updates] = await Promise.all([this.store.round.asks(meetingId), this.store.round.updatesFor(told(place))]);
    const answered = new Set(updates.map((u) => u.organisation));
    return { rows: this.questionRows(place, asks, "reminder", answered) };
  }

  private questionRows(
    { meeting, community }: RoundPlace,
    asks: Array<{ organisation: string; personId: string }>,
    when: "ask" | "reminder",
    answered = new Set<string>(),
  ): NewOutboxRow[] {
    const now = this.deps.clock.now();
    return asks
      .filter((a) => !answered.has(a.organisation))
      .map((a) =>
        roundQuestion.row({
          target: a.personId,
          communityId: community.id,
          subjectId: meeting.id,
          payload: { when, organisation: a.organisation },
          dueAt: now,
          dedupeKey: `round:${meeting.id}:${when}:${a.personId}`,
        }),
      );
  }

  /**
   * A person's question as it stands, or why it should not go: the meeting has gone or started,
   * they have left, or (a reminder) their organisation has answered since.
   */
  async question(
    meetingId: string,
    personId: string,
    organisation: string,
    when: "ask" | "reminder",
    communityId?: string | null,
  ): Promise<Built<QuestionToSend>> {
    const place = await this.place(meetingId, null, communityId);
    if ("skip" in place) return place;
    const [member, inGroup] = await Promise.all([
      this.store.memberships.find(place.community.id, personId),
      place.group ? this.store.groups.hasMember(place.group.id, personId) : true,
    ]);
    if (member?.status !== "active") return { skip: "no longer a member" };
    if (!inGroup) return { skip: "no longer in the group" };
    const question = await this.questionFor(place, organisation, personId, when);
    if (when === "reminder" && (question.told.length || question.nothingNew)) return { skip: "their organisation has answered" };
    return { ...question, member };
  }

  /** The question for `personId` about `organisation`, with what it has told so far. */
  async questionFor(place: RoundPlace, organisation: string, personId: string, when: "ask" | "reminder"): Promise<RoundQuestion> {
    const [asks, mine, organisations] = await Promise.all([
      this.store.round.asks(place.meeting.id),
      this.store.round.updatesFor(told(place), organisation),
      this.organisations(place),
    ]);
    const label = organisationLabels(organisations).get(organisation) ?? mine[0]?.organisationName ?? labelOfKey(organisation);
    return {
      ...place,
      organisation: { key: organisation, label },
      when,
      askedWith: asks.filter((a) => a.organisation === organisation && a.personId !== personId).map((a) => a.personId),
      postAt: roundTimes(place.meeting.startsAt, place.community, Math.max(1, place.community.roundDaysBefore)).post,
      told: mine.filter((u) => !u.nothingNew),
      nothingNew: mine.some((u) => u.nothingNew),
    };
  }

  /**
   * The round's answers, put together for its post: a fixed number of queries however many
   * answers, in three round trips (the community's standing, the meeting and community, the rest).
   */
  async compile(meetingId: string, startsAt: string | null, communityId?: string | null): Promise<Built<CompiledRound>> {
    const place = await this.place(meetingId, startsAt, communityId);
    if ("skip" in place) return place;
    const [asks, updates, organisations, item] = await Promise.all([
      this.store.round.asks(meetingId),
      this.store.round.updatesFor(told(place)),
      this.organisations(place),
      this.store.agenda.findByRequestId(agendaKey(meetingId)),
    ]);
    const summary = compileRound({
      asks,
      updates,
      labels: organisationLabels(organisations),
      emailOnly: emailOnlyOrganisations(organisations),
    });
    return { ...place, summary, onAgenda: item !== null };
  }

  /** The organisations the round is about: the community's members', or the group's members' for a group's meeting. */
  private organisations(place: RoundPlace): Promise<RoundOrganisationRow[]> {
    return this.store.round.organisations(place.community.id, place.group?.id ?? null);
  }

  /** Puts the round on its meeting's agenda, once (keyed by the meeting), unless the agenda is full. */
  async putOnAgenda(round: CompiledRound, title: string): Promise<void> {
    const { meeting } = round;
    if (round.onAgenda) return;
    const requestId = agendaKey(meeting.id);
    const item = {
      title,
      proposedBy: meeting.createdBy,
      link: null,
      messagePermalink: null,
      stageId: null,
      problemId: null,
      source: "live_projects" as const,
      requestId,
    };
    await this.store.agenda.add(meeting.id, [item], AGENDA_LIMITS.itemsMax, this.deps.clock.now()).catch((error: unknown) => {
      // The same post built twice (a reclaimed row): the first one's item stands.
      if ((error as { name?: string }).name !== "UniqueViolation") throw error;
    });
  }

  /** The community's bank holidays or round setting changed: its meetings ahead have their rounds moved. */
  async replanCommunity(community: CommunityRecord): Promise<void> {
    const now = this.deps.clock.now();
    const { items } = await this.store.meetings.upcoming([community.id], now, REPLANNED_AHEAD);
    for (const meeting of items) if (!hasEnded(meeting, now)) await replanRound(this.store, meeting, now, community);
  }
}

/** The round's meeting as its updates are read: with its group, whose updates they are. */
function told({ meeting, group }: RoundPlace) {
  return { ...meeting, group: group ? { id: group.id, name: group.name } : null };
}

/** The round's agenda item's key: one a meeting, however often its post is built. */
function agendaKey(meetingId: string): string {
  return `round:${meetingId}`;
}
