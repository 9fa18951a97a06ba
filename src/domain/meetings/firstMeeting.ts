// The first-meeting kit. The GDS team helped new communities "define what they
// should do in their first meeting": for a community that has never met, the
// meeting form offers that agenda (in the view's words, editable) and the
// charter's first problems, and scheduling puts them on the meeting's agenda.
import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { normaliseName } from "../common/text";
import type { CommunityRecord, MeetingRecord, NewAgendaItem, ProblemSummary, Store } from "../ports";
import { AGENDA_LIMITS } from "./agenda";

/** The charter's problems the kit offers, oldest first (as the charter lists them). */
export const FIRST_MEETING_PROBLEMS_MAX = 20;

export interface FirstMeetingKit {
  /** The charter's first problems, still open. */
  problems: ProblemSummary[];
}

export class FirstMeetingService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** The kit, only for a community that has never met: no meeting of its own, held or planned, that was not cancelled. */
  async offer(community: CommunityRecord): Promise<FirstMeetingKit | null> {
    if (await this.deps.store.agenda.hasMeetings(community.id, [])) return null;
    const { items } = await this.deps.store.problems.stillOpen(community.id, FIRST_MEETING_PROBLEMS_MAX);
    return { problems: items };
  }

  /**
   * Puts what the organiser kept of the kit on the first meeting's agenda: each
   * line an item, then each chosen problem. Nothing, if the community has met
   * or planned another meeting meanwhile: the kit is for a first meeting only.
   * `scheduled` is what the form scheduled: a series' first two occurrences, the kit going on the first.
   */
  async add(
    community: CommunityRecord,
    scheduled: MeetingRecord[],
    actorId: string,
    lines: string[],
    problemIds: string[],
  ): Promise<number> {
    const { store, clock } = this.deps;
    const [meeting] = scheduled;
    const titles = lines
      .map((line) => normaliseName(line).replace(/^(\d+[.)]|[-*•])\s*/, ""))
      .filter((t) => t.length >= AGENDA_LIMITS.titleMin);
    if (!titles.length && !problemIds.length) return 0;
    if (
      !meeting ||
      meeting.groupId ||
      (await store.agenda.hasMeetings(
        community.id,
        scheduled.map((m) => m.id),
      ))
    )
      return 0;
    const { items: problems } = await store.problems.stillOpen(community.id, FIRST_MEETING_PROBLEMS_MAX);
    const chosen = problems.filter((p) => problemIds.includes(p.id));
    const item = (title: string, problemId: string | null): NewAgendaItem => ({
      title: title.slice(0, AGENDA_LIMITS.titleMax),
      proposedBy: actorId,
      link: null,
      messagePermalink: null,
      stageId: null,
      problemId,
      source: "first_meeting",
      requestId: null,
    });
    const items = [...titles.map((t) => item(t, null)), ...chosen.map((p) => item(p.title, p.id))].slice(0, AGENDA_LIMITS.itemsMax);
    const now = clock.now();
    const made = (await store.agenda.add(meeting.id, items, AGENDA_LIMITS.itemsMax, now)) ?? [];
    await recordAudit(store, community, actorId, "agenda.first_meeting_kit", now, { meetingId: meeting.id, items: made.length });
    return made.length;
  }
}
