// Who gets a meeting by email, and as what. Members with an address (members by
// email, and anyone else who gave one) get, if they have those emails on:
//
// - the meeting's invitation when it is scheduled (a calendar REQUEST), and an
//   update (the same UID, a higher SEQUENCE) each time it changes; someone who
//   joined, or turned meeting emails on, since an earlier version gets this one
//   as their invitation;
// - reminders before it, unless they said they cannot go;
// - when it is cancelled, a CANCEL: to every address that was sent a version of
//   its invitation, whatever their settings are now and even if they have left,
//   because the event we put in their calendar is ours to take out again. A
//   member who turned meeting emails off keeps the last version they were sent
//   until then (no more updates), which the cancellation still removes.
//
// The emails themselves are written by src/views/email/meetingMail.ts when a
// meeting_email or meeting_reminder row falls due (src/scheduler/kinds/).
import type { Clock } from "../common/clock";
import { emailPersonId } from "../members/people";
import type { MeetingRecord, MembershipRecord, RsvpAnswer, Store } from "../ports";
import { hasEnded } from "./occurrences";

/** One member a meeting email goes to. */
export interface MeetingEmailRecipient {
  /** Their person id, as their personal links name them: a Slack user id, or "mail:" and a hash. */
  personId: string;
  address: string;
  /** The name they gave (members by email); null for a Slack member, whom the bot knows by id. */
  name: string | null;
  answer: RsvpAnswer | null;
  /** Whether an earlier version of the meeting's invitation was sent to this address: this one is then an update. */
  invitedBefore: boolean;
}

export type MeetingEmails =
  | { skip: string }
  | { meeting: MeetingRecord; method: "REQUEST" | "CANCEL"; recipients: MeetingEmailRecipient[] };

/** What every email about one meeting's invitation is keyed by: the meeting, its SEQUENCE and the address. */
export function meetingEmailKey(meetingId: string, sequence: number, address: string): string {
  return `meeting:${meetingId}:${sequence}:${emailPersonId(address)}`;
}

/** A reminder by email: keyed as its Slack DMs are (meeting, offset, start), and the address's person id. */
export function reminderEmailKey(meetingId: string, reminder: { offset: number; startsAt: string }, address: string): string {
  return `reminder:${meetingId}:${reminder.offset}:${reminder.startsAt}:${emailPersonId(address)}`;
}

/** services.mail.plan prefixes every key with "email:". */
const sentPrefix = (meetingId: string) => `email:meeting:${meetingId}:`;

export class MeetingMailService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /**
   * The meeting's emails at this SEQUENCE: the invitation or update to each member who gets them
   * (`only` that member, catching up), or the cancellation.
   */
  async invitations(meetingId: string, sequence: number, only?: string): Promise<MeetingEmails> {
    const { store, clock } = this.deps;
    const meeting = await store.meetings.findById(meetingId);
    if (!meeting) return { skip: "the meeting no longer exists" };
    if (meeting.sequence !== sequence) return { skip: "the meeting has changed since: its later emails say so" };
    if (hasEnded(meeting, clock.now())) return { skip: "the meeting is over" };
    const [members, sent] = await Promise.all([
      store.memberships.withEmail(meeting.communityId),
      store.outbox.sentTargets(meeting.id, "email", sentPrefix(meeting.id)),
    ]);
    const invited = new Set(sent);
    const wasInvited = (m: MembershipRecord) => invited.has(emailPersonId(m.email!));
    if (meeting.status === "cancelled") {
      const answers = await this.answers(meeting);
      return { meeting, method: "CANCEL", recipients: members.filter(wasInvited).map((m) => recipient(m, answers, true)) };
    }
    const chosen = await this.inMeeting(
      meeting,
      members.filter((m) => m.status === "active" && m.emailMeetings && (!only || m.slackUserId === only)),
    );
    const answers = await this.answers(meeting);
    return { meeting, method: "REQUEST", recipients: chosen.map((m) => recipient(m, answers, wasInvited(m))) };
  }

  /** Who gets a reminder of the meeting by email: members with reminders on, unless they said they cannot go. */
  async reminded(meeting: MeetingRecord): Promise<MeetingEmailRecipient[]> {
    if (!(await this.deps.store.memberships.anyWithEmail(meeting.communityId))) return [];
    const members = await this.deps.store.memberships.withEmail(meeting.communityId);
    const chosen = await this.inMeeting(
      meeting,
      members.filter((m) => m.status === "active" && m.emailReminders),
    );
    const answers = await this.answers(meeting);
    return chosen.map((m) => recipient(m, answers, false)).filter((r) => r.answer !== "not_going");
  }

  /** A group's meeting is for the group's members; the community's, for all of them. */
  private async inMeeting(meeting: MeetingRecord, members: MembershipRecord[]): Promise<MembershipRecord[]> {
    if (!meeting.groupId || !members.length) return members;
    const group = new Set((await this.deps.store.groups.members(meeting.communityId)).get(meeting.groupId) ?? []);
    return members.filter((m) => group.has(m.slackUserId));
  }

  private async answers(meeting: MeetingRecord): Promise<Map<string, RsvpAnswer>> {
    const answers = new Map<string, RsvpAnswer>();
    for (const answer of ["going", "maybe", "not_going"] as const) {
      for (const person of await this.deps.store.meetings.respondents(meeting.id, [answer])) answers.set(person, answer);
    }
    return answers;
  }
}

function recipient(member: MembershipRecord, answers: Map<string, RsvpAnswer>, invitedBefore: boolean): MeetingEmailRecipient {
  return {
    personId: member.slackUserId,
    address: member.email!,
    name: member.displayName,
    answer: answers.get(member.slackUserId) ?? null,
    invitedBefore,
  };
}
