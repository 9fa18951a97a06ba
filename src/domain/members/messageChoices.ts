// Members choosing how they get each kind of message (Slack, email or both:
// messagePreferences.ts says what each choice means), unsubscribing, and the
// senders' questions: who gets this kind in Slack, who by email. Organisers see
// the addresses that refuse mail and, once a member has fixed theirs, lift the
// refusal so email goes to it again.
import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { isEmailAddress } from "../common/text";
import type { CommunityRecord, EmailChoices, MembershipRecord, Store } from "../ports";
import {
  type DeliveryChoices,
  deliveriesOf,
  emailFlag,
  flagsFor,
  getsSlack,
  isDelivery,
  MESSAGE_KINDS,
  type MessageKind,
  unsubscribedFlags,
} from "./messagePreferences";
import { isOrganiser, requireOrganiser } from "./organisers";
import { emailPersonId, isEmailPerson, normaliseEmail } from "./people";

export interface MemberMessages {
  community: CommunityRecord;
  membership: MembershipRecord;
  choices: DeliveryChoices;
  /** Why their address refuses mail, when it does. */
  refusal: string | null;
}

export class MessageChoiceService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private async member(community: CommunityRecord, personId: string): Promise<MembershipRecord> {
    const membership = await this.deps.store.memberships.find(community.id, personId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "messages.members_only", community: community.name });
    return membership;
  }

  /** What the member has chosen, for the forms. */
  async of(community: CommunityRecord, personId: string): Promise<MemberMessages> {
    const membership = await this.member(community, personId);
    return { community, membership, choices: deliveriesOf(membership), refusal: membership.emailFailedAt ? membership.emailFailure : null };
  }

  /**
   * A Slack member's choices, one a kind (field errors keyed by kind). `address` is the one
   * on their Slack profile, needed (and stored) only if they choose some email.
   */
  async choose(
    community: CommunityRecord,
    personId: string,
    input: Partial<Record<MessageKind, string | null>>,
    address: string | null,
  ): Promise<MemberMessages> {
    await this.member(community, personId);
    const errors: FieldErrors = {};
    const choices = {} as DeliveryChoices;
    for (const kind of MESSAGE_KINDS) {
      const value = input[kind] ?? "";
      if (isDelivery(kind, value)) choices[kind] = value;
      else errors[kind] = { key: "messages.choose" };
    }
    const byEmail = MESSAGE_KINDS.filter((kind) => choices[kind] === "email" || choices[kind] === "both");
    if (byEmail.length && !(address && isEmailAddress(address))) for (const kind of byEmail) errors[kind] = { key: "messages.no_address" };
    if (Object.keys(errors).length) throw new ValidationError(errors);
    // Kept once given, even after they go back to Slack only: a meeting's cancellation must still reach
    // the calendar its invitation went to (src/domain/meetings/meetingMail.ts). The flags say what is sent.
    const email = byEmail.length ? normaliseEmail(address!) : undefined;
    const saved = await this.deps.store.memberships.setDeliveries(community.id, personId, flagsFor(choices), email);
    if (saved === "address_taken") throw new ValidationError({ [byEmail[0]!]: { key: "messages.address_taken" } });
    if (!saved) throw new AppError("not_member", { key: "messages.members_only", community: community.name });
    // The choices, not the address: audit entries are read by organisers and kept.
    await recordAudit(this.deps.store, community, personId, "member.message_choices", this.deps.clock.now(), { ...choices });
    return { community, membership: saved, choices: deliveriesOf(saved), refusal: saved.emailFailedAt ? saved.emailFailure : null };
  }

  /**
   * The email settings page's choices. A member by email ticks the emails they want; a
   * Slack member chooses Slack, email or both, by the address kept from their Slack profile.
   */
  async chooseOnWeb(
    community: CommunityRecord,
    personId: string,
    input: { emails: EmailChoices } | { deliveries: Partial<Record<MessageKind, string | null>> },
  ): Promise<MemberMessages> {
    const membership = await this.deps.store.memberships.find(community.id, personId);
    if (!membership) throw new AppError("not_found", { key: "member.not_found_for_email" });
    if ("deliveries" in input) {
      // Someone who left gets nothing in Slack or by email: nothing to choose (they may still unsubscribe).
      if (membership.status !== "active") throw new AppError("gone", { key: "messages.members_only", community: community.name });
      return this.choose(community, personId, input.deliveries, membership.email);
    }
    const saved = await this.deps.store.memberships.setEmailChoices(community.id, personId, input.emails);
    if (!saved) throw new AppError("not_member", { key: "messages.members_only", community: community.name });
    await recordAudit(this.deps.store, community, personId, "member.email_choices", this.deps.clock.now(), { ...input.emails });
    return { community, membership: saved, choices: deliveriesOf(saved), refusal: saved.emailFailedAt ? saved.emailFailure : null };
  }

  /**
   * One-click unsubscribe (RFC 8058) and the page's button: no more email from the community.
   * A Slack member gets meetings and reminders in Slack again.
   * `backInSlack`: whether that changed anything they get in Slack.
   */
  async unsubscribe(communityId: string, personId: string): Promise<{ community: CommunityRecord; backInSlack: boolean }> {
    const { store, clock } = this.deps;
    const [community, membership] = await Promise.all([
      store.communities.findById(communityId),
      store.memberships.find(communityId, personId),
    ]);
    if (!community || !membership) throw new AppError("not_found", { key: "member.not_found_for_email" });
    const flags = unsubscribedFlags(membership);
    const backInSlack = (flags.slackMeetings && !membership.slackMeetings) || (flags.slackReminders && !membership.slackReminders);
    // Someone who has left may still unsubscribe from what is on its way: the flags change whatever their status.
    if (isEmailPerson(personId)) await store.memberships.setEmailChoices(communityId, personId, flags);
    else await store.memberships.setDeliveries(communityId, personId, flags);
    await recordAudit(store, community, personId, "member.unsubscribed", clock.now());
    return { community, backInSlack };
  }

  /** Of these people, those who get this kind in Slack (someone who is not a member keeps Slack, the default). */
  async slackRecipients(communityId: string, people: string[], kind: MessageKind): Promise<string[]> {
    const slackPeople = people.filter((p) => !isEmailPerson(p));
    const memberships = new Map((await this.deps.store.memberships.findMany(communityId, slackPeople)).map((m) => [m.slackUserId, m]));
    return slackPeople.filter((person) => {
      const membership = memberships.get(person);
      return membership?.status !== "active" || getsSlack(membership, kind);
    });
  }

  /** The active members who get this kind by email, with an address that takes mail. */
  emailRecipients(communityId: string, kind: MessageKind): Promise<MembershipRecord[]> {
    return this.deps.store.memberships.emailRecipients(communityId, emailFlag(kind));
  }

  /** For organisers: the community's members whose address refuses mail. */
  async refusals(community: CommunityRecord, organiserId: string): Promise<MembershipRecord[]> {
    await requireOrganiser(this.deps.store, community, organiserId, "manage_email_refusals");
    return this.deps.store.memberships.emailFailures(community.id);
  }

  /** How many of the community's members' addresses refuse mail, for an organiser; 0 for anyone else (who is not shown it). */
  async refusalCount(community: CommunityRecord, viewerId: string): Promise<number> {
    if (!isOrganiser(await this.deps.store.memberships.find(community.id, viewerId))) return 0;
    return (await this.deps.store.memberships.emailFailures(community.id)).length;
  }

  /** An organiser says the member has fixed their address: email goes to it again (in every community). Audited. */
  async liftRefusal(community: CommunityRecord, organiserId: string, memberId: string): Promise<MembershipRecord> {
    const { store, clock } = this.deps;
    await requireOrganiser(store, community, organiserId, "manage_email_refusals");
    const membership = await store.memberships.find(community.id, memberId);
    if (!membership?.email || !membership.emailFailedAt) throw new AppError("conflict", { key: "messages.not_refused" });
    const lifted = await store.emailRefusals.lift(emailPersonId(membership.email), membership.email);
    if (!lifted) throw new AppError("conflict", { key: "messages.not_refused" });
    // The member, not the address: audit entries are kept and read by organisers.
    await recordAudit(store, community, organiserId, "member.email_refusal_lifted", clock.now(), {
      member: memberId,
      reason: membership.emailFailure,
      since: membership.emailFailedAt.toISOString(),
    });
    return { ...membership, emailFailedAt: null, emailFailure: null };
  }
}
