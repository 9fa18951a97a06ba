// Memberships: who is in a community, in which role, and the store that changes them under one lock.
import type { MembershipStatus, Role } from "../common/vocabulary";
import type { MemberProfile } from "./common";
import type { CommunityRecord } from "./communities";

export interface MembershipRecord {
  id: string;
  communityId: string;
  slackUserId: string;
  organisation: string;
  organisationOther: string | null;
  profession: string;
  professionOther: string | null;
  role: Role;
  status: MembershipStatus;
  /** Whether they also get the digest by DM. */
  digestByDm: boolean;
  /** A Slack member's DMs when a meeting they answered changes, and reminder DMs (src/domain/members/messagePreferences.ts). */
  slackMeetings: boolean;
  slackReminders: boolean;
  joinedAt: Date;
  leftAt: Date | null;
  /** A member by email: their address and the name they gave; a Slack member who chose some email: their Slack profile's address. */
  email: string | null;
  displayName: string | null;
  /** Which emails they get (their email settings). */
  emailMeetings: boolean;
  emailReminders: boolean;
  emailDigests: boolean;
  /** When their address was found to refuse mail, and why (no email goes to it since). */
  emailFailedAt: Date | null;
  emailFailure: string | null;
}

/** How a member by email is reached and named; their emails are all on when they join. */
export interface EmailContact {
  email: string;
  displayName: string;
}

/** How a member gets each kind of message, in Slack and by email (src/domain/members/messagePreferences.ts). */
export interface DeliveryFlags extends EmailChoices {
  slackMeetings: boolean;
  slackReminders: boolean;
  digestByDm: boolean;
}

/** The kinds of email a member can turn on and off. */
export interface EmailChoices {
  emailMeetings: boolean;
  emailReminders: boolean;
  emailDigests: boolean;
}

export interface MembershipStore {
  find(communityId: string, slackUserId: string): Promise<MembershipRecord | null>;
  /** The membership of the community with this (normalised) email address, whatever its status. */
  findByEmail(communityId: string, email: string): Promise<MembershipRecord | null>;
  /** Joins, or re-joins someone who left; keeps an active member's role. `before`: their status until now. */
  join(
    communityId: string,
    slackUserId: string,
    profile: MemberProfile,
    now: Date,
    contact?: EmailContact,
  ): Promise<{ membership: MembershipRecord; before: MembershipStatus | null }>;
  /** Sets which emails a member gets; null when they are not a member. */
  setEmailChoices(communityId: string, slackUserId: string, choices: EmailChoices): Promise<MembershipRecord | null>;
  /**
   * Sets how a member gets each kind of message, and (when given) the address on their membership,
   * whatever their status: null when they have no membership, "address_taken" when another membership of the
   * community has that address.
   */
  setDeliveries(
    communityId: string,
    slackUserId: string,
    flags: DeliveryFlags,
    email?: string | null,
  ): Promise<MembershipRecord | "address_taken" | null>;
  /** The active members who get this kind by email, with an address that takes mail. */
  emailRecipients(communityId: string, flag: keyof EmailChoices): Promise<MembershipRecord[]>;
  /** The community's active members whose address refuses mail. */
  emailFailures(communityId: string): Promise<MembershipRecord[]>;
  /**
   * Marks the member as left, unless they are the community's last active
   * organiser: checked and written under one lock on the community, so two
   * organisers leaving at once cannot leave it with none.
   */
  leave(communityId: string, slackUserId: string, now: Date): Promise<"left" | "last_organiser" | "not_member">;
  /**
   * Makes an active member an organiser. Like stepDown() and remove(), checked
   * and written under the same lock as leave(); "forbidden": the actor is not
   * (or no longer) an active organiser.
   */
  promote(
    communityId: string,
    actorId: string,
    targetId: string,
    now: Date,
  ): Promise<"promoted" | "already_organiser" | "not_member" | "forbidden">;
  /** An organiser goes back to being a member, unless they are the last organiser. */
  stepDown(communityId: string, slackUserId: string, now: Date): Promise<"stepped_down" | "not_organiser" | "last_organiser">;
  /** Marks an active member removed (an organiser only if another remains). The caller refuses actor === target. */
  remove(
    communityId: string,
    actorId: string,
    targetId: string,
    now: Date,
  ): Promise<"removed" | "not_member" | "last_organiser" | "forbidden">;
  activeMembers(communityId: string): Promise<MembershipRecord[]>;
  /** The memberships with an address (members by email, and anyone who gave one), whatever their status. */
  withEmail(communityId: string): Promise<MembershipRecord[]>;
  /** Whether any membership of the community has an address: one short read, so a community without any plans no emails. */
  anyWithEmail(communityId: string): Promise<boolean>;
  /** These people's memberships of the community, whatever their status. */
  findMany(communityId: string, slackUserIds: string[]): Promise<MembershipRecord[]>;
  /** Ids of the communities in the workspace where the user is an active member. */
  activeCommunityIds(workspaceId: string, slackUserId: string): Promise<string[]>;
  /** The user's active memberships in a workspace, with their communities. */
  ofUser(
    workspaceId: string,
    slackUserId: string,
  ): Promise<Array<{ community: CommunityRecord; membership: MembershipRecord; memberCount: number }>>;
  /** Turns an active member's digest by DM on or off; false when they are not an active member. */
  setDigestByDm(communityId: string, slackUserId: string, on: boolean): Promise<boolean>;
}
