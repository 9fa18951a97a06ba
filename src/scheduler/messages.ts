// What each kind of outbox row becomes when it falls due. Every message is
// built from the data as it is at send time (a renamed meeting is reminded
// under its new name), and a row whose moment has passed is skipped.
import { DIGEST_KINDS, DIGEST_USEFUL_FOR_MS } from "../domain/digests";
import { reminderDeliveries, reminderObsolete, REMINDER_KINDS, type ReminderPayload } from "../domain/reminders";
import { AppError } from "../domain/errors";
import { INVITATION_KINDS } from "../domain/invitations";
import { ONBOARDING_KIND, onboardingObsolete } from "../domain/onboarding";
import type { NewOutboxRow, OutboxRow } from "../domain/ports";
import type { Services } from "../app/services";
import { refusalReason } from "../messaging/slackErrors";
import { channelLink, esc, md, storedMrkdwn, userLink } from "../views/mrkdwn";
import { digestMessage } from "../views/digest";
import { invitationDm } from "../views/invitations";
import { onboardingDm } from "../views/onboarding";
import { reminderDm, reminderNote } from "../views/reminders";
import type { Outcome } from "./dispatcher";

export const ALERT_KIND = "organiser_alert";

const WHAT: Record<string, string> = {
  [REMINDER_KINDS.dm]: "a meeting reminder",
  [REMINDER_KINDS.note]: "a meeting reminder",
  [DIGEST_KINDS.post]: "the digest",
  [DIGEST_KINDS.dm]: "the digest by DM",
};

type Needs = Pick<Services, "meetings" | "digests" | "communities" | "memberships" | "invitations" | "calendarLinks" | "clock">;

export class OutboxMessages {
  constructor(private readonly services: Needs) {}

  async build(row: OutboxRow): Promise<Outcome> {
    switch (row.kind) {
      case REMINDER_KINDS.plan:
      case REMINDER_KINDS.dm:
      case REMINDER_KINDS.note:
        return this.reminder(row);
      case DIGEST_KINDS.post:
      case DIGEST_KINDS.dm:
        return this.digest(row);
      case ALERT_KIND:
        return { kind: "send", message: { text: storedMrkdwn(String(row.payload.text ?? "")) } };
      case ONBOARDING_KIND:
        return this.onboarding(row);
      case INVITATION_KINDS.delivery:
        return this.invitationDelivery(row);
      case INVITATION_KINDS.reminder:
        return this.invitationReminder(row);
      case INVITATION_KINDS.expiry:
        return this.invitationExpiry(row);
      default:
        return { kind: "skip", reason: `unknown kind ${row.kind}` };
    }
  }

  private async reminder(row: OutboxRow): Promise<Outcome> {
    const { meetings, calendarLinks, clock } = this.services;
    const payload = row.payload as unknown as ReminderPayload;
    const meeting = row.subjectId ? await meetings.find(row.subjectId) : null;
    const obsolete = reminderObsolete(meeting, payload, clock.now());
    if (obsolete || !meeting) return { kind: "skip", reason: obsolete ?? "the meeting no longer exists" };
    if (row.kind === REMINDER_KINDS.plan) {
      const card = await meetings.card(meeting.id);
      const recipients = await meetings.goingOrMaybe(meeting.id);
      return { kind: "expand", rows: reminderDeliveries(meeting, payload, recipients, card.community.slackChannelId, clock.now()) };
    }
    const card = await meetings.card(meeting.id);
    if (row.kind === REMINDER_KINDS.note) return { kind: "send", message: reminderNote(card, calendarLinks.url(meeting.id)) };
    const answer = await meetings.answerOf(meeting.id, row.target);
    if (answer !== "going" && answer !== "maybe") return { kind: "skip", reason: "no longer going" };
    return { kind: "send", message: reminderDm(card, clock.now(), answer, calendarLinks.url(meeting.id)) };
  }

  private async digest(row: OutboxRow): Promise<Outcome> {
    const { digests, communities, clock } = this.services;
    let community;
    try {
      community = await communities.byId(row.subjectId ?? "");
    } catch {
      return { kind: "skip", reason: "the community no longer exists" };
    }
    if (clock.now().getTime() - row.dueAt.getTime() > DIGEST_USEFUL_FOR_MS) return { kind: "skip", reason: "too late: the next digest is nearer" };
    const since = new Date(String(row.payload.since ?? row.dueAt.toISOString()));
    if (row.kind === DIGEST_KINDS.dm && !(await digests.wantsDm(community, row.target))) return { kind: "skip", reason: "no longer wants the digest by DM" };
    const digest = await digests.build(community, since);
    if (digest.empty) return { kind: "skip", reason: "nothing new" };
    const message = digestMessage(digest);
    if (row.kind === DIGEST_KINDS.dm) return { kind: "send", message };
    // Posted in the channel; then one DM for each member who asked, each built when it is sent.
    const subscribers = await digests.dmSubscribers(community.id);
    const then: NewOutboxRow[] = subscribers.map((user) => ({
      kind: DIGEST_KINDS.dm,
      target: user,
      communityId: community.id,
      subjectId: community.id,
      payload: { since: since.toISOString() },
      dueAt: clock.now(),
      dedupeKey: `${row.dedupeKey}:dm:${user}`,
    }));
    return { kind: "send", message, then };
  }

  /** The welcome DM, unless they joined the community (or it went) since it was planned. */
  private async onboarding(row: OutboxRow): Promise<Outcome> {
    const { communities, memberships } = this.services;
    const community = await this.communityOrNull(row.subjectId ?? "");
    const membership = community ? await memberships.membership(community.id, row.target) : null;
    const obsolete = onboardingObsolete(community, membership);
    if (obsolete || !community) return { kind: "skip", reason: obsolete ?? "the community no longer exists" };
    return { kind: "send", message: onboardingDm(await communities.charter(community.id)) };
  }

  /** The invitation DM, if sending it straight after the form did not work. */
  private async invitationDelivery(row: OutboxRow): Promise<Outcome> {
    const invitation = await this.services.invitations.undeliveredPending(row.subjectId ?? "");
    if (!invitation) return { kind: "skip", reason: "delivered, or answered" };
    return { kind: "send", message: invitationDm(await this.services.invitations.card(invitation)) };
  }

  /** The one-week nudge to an invitee, with the buttons again, unless they have answered. */
  private async invitationReminder(row: OutboxRow): Promise<Outcome> {
    const invitation = await this.services.invitations.stillPending(row.subjectId ?? "");
    if (!invitation) return { kind: "skip", reason: "the invitation was answered" };
    return { kind: "send", message: invitationDm(await this.services.invitations.card(invitation), { reminder: true }) };
  }

  /** After 30 days unanswered the invitation expires, and the inviter hears so. */
  private async invitationExpiry(row: OutboxRow): Promise<Outcome> {
    const invitation = await this.services.invitations.expire(row.subjectId ?? "");
    if (!invitation) return { kind: "skip", reason: "the invitation was answered" };
    const community = await this.communityOrNull(invitation.communityId);
    if (!community) return { kind: "skip", reason: "the community no longer exists" };
    return {
      kind: "send",
      message: {
        text: md`Your invitation to ${userLink(invitation.inviteeId)} to join *${esc(community.name)}* has expired: 30 days passed without an answer. If you still think they could help, invite them again (type \`/community invite\` and choose them), or get in touch another way.`,
      },
    };
  }

  /** Only "no such community" means skip; a database error is thrown, so the row is retried. */
  private communityOrNull(communityId: string) {
    return this.services.communities.byId(communityId).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
  }

  /** One DM to each organiser, once per target and error (the dedupe key). */
  async alertFor(row: OutboxRow, code: string): Promise<NewOutboxRow[]> {
    // A welcome that cannot be delivered (the newcomer is a bot, or was deactivated) is not the organisers' problem.
    // Nor is an invitation's reminder or expiry note: the invitee or inviter is a person, not the community's channel.
    if (row.kind === ALERT_KIND || row.kind === ONBOARDING_KIND || row.kind.startsWith("invitation_") || !row.communityId) return [];
    const { communities, memberships, clock } = this.services;
    let community;
    try {
      community = await communities.byId(row.communityId);
    } catch {
      return [];
    }
    const where = row.target.startsWith("C") || row.target.startsWith("G") ? channelLink(row.target) : userLink(row.target);
    // Kept in the row as mrkdwn and sent as it is (storedMrkdwn, above).
    const text = md`:warning: I could not deliver ${esc(WHAT[row.kind] ?? "a message")} for *${esc(community.name)}* to ${where}: ${esc(refusalReason(code) ?? "Slack refused it")} (\`${esc(code)}\`). I will not try that message again; you will hear about this once.`;
    const organisers = await memberships.organisers(community.id);
    return organisers.map((organiser) => ({
      kind: ALERT_KIND,
      target: organiser,
      communityId: community.id,
      subjectId: community.id,
      payload: { text },
      dueAt: clock.now(),
      dedupeKey: `alert:${community.id}:${row.target}:${code}:${organiser}`,
    }));
  }
}
