// A meeting's agenda: its items in order, each with who proposed it and what it
// is about. Every change to the order moves the meeting's agendaVersion on, so a
// reorder worked out from an older order writes nothing (see reorder).
import type { MeetingRecord } from "./meetings";

/** Where an item came from. */
export type AgendaSource = "command" | "message_shortcut" | "first_meeting" | "overdue_action" | "live_projects";

export interface AgendaItemRecord {
  id: string;
  meetingId: string;
  title: string;
  proposedBy: string;
  link: string | null;
  messagePermalink: string | null;
  /** The stage or problem it is about, with its title as it is now. */
  stage: { id: string; title: string } | null;
  problem: { id: string; title: string } | null;
  /** An overdue action carried onto the agenda. */
  actionId: string | null;
  source: AgendaSource;
  /** 0 first. */
  position: number;
  createdAt: Date;
}

export interface NewAgendaItem {
  title: string;
  proposedBy: string;
  link: string | null;
  messagePermalink: string | null;
  /** Checked against the meeting's community by the store: another community's names nothing. */
  stageId: string | null;
  problemId: string | null;
  /** An overdue action carried over: one item an action and meeting (a second is refused by a unique key). */
  actionId?: string | null;
  source: AgendaSource;
  requestId: string | null;
}

export interface AgendaStore {
  /**
   * The next meeting of a community (groupId null: its own, not its groups') or
   * of one of its groups: the soonest scheduled one that starts after `after`.
   */
  nextMeeting(communityId: string, groupId: string | null, after: Date): Promise<MeetingRecord | null>;
  /** Whether the community has had or planned a meeting of its own (not cancelled), other than these. */
  hasMeetings(communityId: string, except: string[]): Promise<boolean>;
  /** The meeting's items in order: one query. */
  items(meetingId: string): Promise<AgendaItemRecord[]>;
  /** Items of several meetings, in order, by meeting id: one query however many meetings. */
  itemsOf(meetingIds: string[]): Promise<Map<string, AgendaItemRecord[]>>;
  findItem(itemId: string): Promise<AgendaItemRecord | null>;
  findByRequestId(requestId: string): Promise<AgendaItemRecord | null>;
  version(meetingId: string): Promise<number>;
  /**
   * Adds items at the end, in the order given, unless the agenda would then have more
   * than `max` (null: nothing written). Throws UniqueViolation("request") when the same
   * form already added its item.
   */
  add(meetingId: string, items: NewAgendaItem[], max: number, now: Date): Promise<AgendaItemRecord[] | null>;
  /** Removes an item; the rest close up. False if it was already gone. */
  remove(itemId: string): Promise<boolean>;
  /**
   * Writes the order (item ids, first first) if the agenda is still at
   * `expectedVersion`: false (nothing written) when another change came first.
   * Items the order does not name (added meanwhile) go after it.
   */
  reorder(meetingId: string, orderedIds: string[], expectedVersion: number): Promise<boolean>;
}
