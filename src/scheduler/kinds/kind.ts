// The half of an outbox kind that says what a due row becomes: the Slack
// message built from the data as it is now (a renamed meeting is reminded
// under its new name), or a reason to skip it. Each kind's other half, its
// payload schema, is the file of the same name in src/domain/outbox/: the
// domain plans rows and may not import src/views, which these builders use.
import { z } from "zod";
import type { Clock } from "../../domain/common/clock";
import { AppError } from "../../domain/common/errors";
import type { CommunityService } from "../../domain/communities/communities";
import type { LifecycleService } from "../../domain/communities/lifecycle";
import type { DigestService } from "../../domain/digests/digests";
import type { InvitationService } from "../../domain/invitations/invitations";
import type { MailService } from "../../domain/mail/mail";
import type { ActionService } from "../../domain/meetings/actions";
import type { MeetingMailService } from "../../domain/meetings/meetingMail";
import type { MeetingService } from "../../domain/meetings/meetings";
import type { MembershipService } from "../../domain/members/memberships";
import type { MessageChoiceService } from "../../domain/members/messageChoices";
import type { OutboxKind, Payload } from "../../domain/outbox/kind";
import type { CommunityRecord, MeetingRecord, OutboxRow } from "../../domain/ports";
import type { RoundService } from "../../domain/round/round";
import type { Message } from "../../views/blocks";
import type { Outcome } from "../dispatcher";

/** What builders read when a row falls due: domain services, named here so the scheduler needs nothing from src/app. */
export interface KindServices {
  meetings: MeetingService;
  /** Actions from meetings, for their reminders. */
  actions: ActionService;
  /** The live-projects round: who to ask, who to remind, what to post. */
  round: RoundService;
  digests: DigestService;
  communities: CommunityService;
  /** Whether a row's community is still active (archived and deleted communities' messages are skipped). */
  lifecycle: LifecycleService;
  memberships: MembershipService;
  invitations: InvitationService;
  /** Signed links to meetings' calendar files. */
  calendarLinks: { url(meetingId: string): string };
  /** Planning emails: a due Slack kind may become emails too (mail.rows), such as a reminder. */
  mail: MailService;
  /** Who gets a meeting by email. */
  meetingMail: MeetingMailService;
  /** Personal links for the emails (src/web/personalLinkMaker.ts). */
  pageLinks: {
    meeting(personId: string, meeting: Pick<MeetingRecord, "id" | "startsAt" | "durationMinutes">): string;
    action(personId: string, action: { id: string; dueOn: string }, now: Date): string;
    /** The live-projects round's page, for one person asked about one organisation. */
    roundAnswer(personId: string, meeting: Pick<MeetingRecord, "id" | "startsAt">, organisation: string): string;
    memberEmailLinks(personId: string, communityId: string, now: Date): { settingsUrl: string; unsubscribeUrl: string };
  };
  /** Who gets each kind in Slack and who by email (a Slack member may choose email only). */
  messageChoices: MessageChoiceService;
  /** A community's web page, linked from its emails. */
  communityPageLinks: { url(community: CommunityRecord): string };
  clock: Clock;
}

/** A claimed row whose payload has been parsed with its kind's schema. */
export type DueRow<P> = Omit<OutboxRow, "payload"> & { payload: P };

/** S: what the builder reads (email kinds read services.mail too); M: what it builds (a Slack message, or an email). */
interface Builder<P, S = KindServices, M = Message> {
  /**
   * How the organisers' alert names this message when Slack refuses it for
   * good ("I could not deliver a meeting reminder…"); null when a refusal is
   * not theirs to mend (a DM to one person about that person's own business).
   */
  alertOrganisersAs: string | null;
  /** Skipped with `reason` once more than `afterMs` late. Without it, sent however late: the builder decides whether it is still true. */
  tooLate?: { afterMs: number; reason: string };
  build(row: DueRow<P>, services: S): Promise<Outcome<M>>;
}

export interface DueKind<S = KindServices, M = Message> {
  readonly name: string;
  readonly payload: z.ZodType;
  readonly alertOrganisersAs: string | null;
  readonly tooLate?: { afterMs: number; reason: string };
  /** Parses the payload with the kind's schema, then builds. A payload that does not parse fails the row: no retry would change it. */
  build(row: OutboxRow, services: S): Promise<Outcome<M>>;
}

export function dueKind<P extends Payload, S extends { clock: Clock } = KindServices, M = Message>(
  kind: OutboxKind<string, P>,
  builder: Builder<P, S, M>,
): DueKind<S, M> {
  return {
    name: kind.name,
    payload: kind.payload,
    alertOrganisersAs: builder.alertOrganisersAs,
    tooLate: builder.tooLate,
    async build(row, services) {
      const parsed = kind.payload.safeParse(row.payload);
      if (!parsed.success)
        return { kind: "fail", reason: `malformed payload: ${z.prettifyError(parsed.error).replace(/\s+/g, " ").slice(0, 300)}` };
      if (builder.tooLate && services.clock.now().getTime() - row.dueAt.getTime() > builder.tooLate.afterMs)
        return { kind: "skip", reason: builder.tooLate.reason };
      return builder.build({ ...row, payload: parsed.data }, services);
    },
  };
}

/** The community, or null if it is gone. Only "no such community" means null; a database error is thrown, so the row is retried. */
export function communityOrNull(services: KindServices, communityId: string) {
  return services.communities.byId(communityId).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
}
