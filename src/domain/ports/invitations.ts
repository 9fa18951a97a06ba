// Invitations to join a community.

export type InvitationStatus = "pending" | "accepted" | "declined" | "expired" | "undelivered";

export interface InvitationRecord {
  id: string;
  communityId: string;
  inviterId: string;
  inviteeId: string;
  /** The address the inviter typed, when the invitee was found by email. */
  email: string | null;
  message: string;
  status: InvitationStatus;
  requestId: string | null;
  dmChannelId: string | null;
  dmTs: string | null;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface NewInvitation {
  communityId: string;
  inviterId: string;
  inviteeId: string;
  email: string | null;
  message: string;
  requestId: string | null;
}

export interface InvitationStore {
  /**
   * Creates a pending invitation for each person who has none pending for the
   * community. Safe when several people invite the same person at once: one
   * pending invitation a person and community (a unique key), the rest are
   * returned in `alreadyPending`.
   */
  create(rows: NewInvitation[], now: Date): Promise<{ created: InvitationRecord[]; alreadyPending: string[] }>;
  findById(invitationId: string): Promise<InvitationRecord | null>;
  /** The person's pending invitation to the community, if they have one. */
  pendingFor(communityId: string, inviteeId: string): Promise<InvitationRecord | null>;
  /** The invitations one modal submission made (a double-clicked submit is recognised). */
  byRequestId(requestId: string): Promise<InvitationRecord[]>;
  /** Which of these people have a pending invitation to the community. */
  pendingInvitees(communityId: string, slackUserIds: string[]): Promise<string[]>;
  setDm(invitationId: string, channelId: string, ts: string): Promise<void>;
  /** Moves a pending invitation to `to`; false if it was no longer pending (answered, expired). */
  settle(invitationId: string, to: Exclude<InvitationStatus, "pending">, now: Date): Promise<boolean>;
}
