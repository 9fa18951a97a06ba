// The outbox: rows the bot must send later, and how replicas claim them.

export type OutboxStatus = "pending" | "sent" | "skipped" | "failed";

/** Which dispatcher sends a row: Slack messages, or emails (each claims only its own). */
export type OutboxChannel = "slack" | "email";

export interface OutboxRow {
  id: string;
  kind: string;
  channel: string;
  target: string;
  communityId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  dueAt: Date;
  availableAt: Date;
  dedupeKey: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  sentAt: Date | null;
  /**
   * Set by claim() on a row whose earlier claim ran out with no outcome: the process that held
   * it died, perhaps after sending. The email dispatcher then asks the provider first.
   */
  reclaimed?: boolean;
}

export interface NewOutboxRow {
  kind: string;
  /** "slack" unless the kind says otherwise. */
  channel?: OutboxChannel;
  target: string;
  communityId?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

export interface OutboxStore {
  /**
   * Plans rows whose dedupe keys are new. A key already planned stays as it
   * is (pending, sent or failed), except a skipped one, which is planned again
   * as given (a meeting moved back to its old time). Returns how many became
   * pending. Costs one read when every key is planned already.
   */
  plan(rows: NewOutboxRow[], now: Date): Promise<number>;
  /** Marks the pending rows of these kinds about a subject skipped. */
  skipPending(subjectId: string, kinds: string[], reason: string, now: Date): Promise<number>;
  /**
   * Claims due rows for `owner` until `now + leaseMs`: every due row of up to
   * `targets` targets that no live claim holds (so one replica paces a channel),
   * at most `perTarget` each. Atomic on SQLite and PostgreSQL alike.
   */
  claim(owner: string, now: Date, leaseMs: number, limits: ClaimLimits): Promise<OutboxRow[]>;
  /** The outcome of a claimed row; false when the claim was lost (the lease ran out and another took it). */
  markSent(id: string, owner: string, now: Date): Promise<boolean>;
  markSkipped(id: string, owner: string, reason: string, now: Date): Promise<boolean>;
  markFailed(id: string, owner: string, error: string, now: Date): Promise<boolean>;
  /** Back to pending, to be tried at `availableAt`; `countAttempt` for a failure (not for a rate limit). */
  retryLater(id: string, owner: string, availableAt: Date, error: string, countAttempt: boolean, now: Date): Promise<boolean>;
  /** Gives up claims without trying (the tick ran out of time). */
  release(ids: string[], owner: string): Promise<void>;
  /** The due time of the oldest pending row that is due, if any. */
  oldestDuePending(now: Date): Promise<Date | null>;
  /** How many rows there are of each kind in each status (one grouped query, for metrics). */
  countByKindAndStatus(): Promise<Array<{ kind: string; status: string; count: number }>>;
  /** The last sent row of a kind about a subject. */
  lastSent(kind: string, subjectId: string): Promise<OutboxRow | null>;
  /** The pending rows of a kind due after `after`: what is still planned ahead. */
  pendingAfter(kind: string, after: Date): Promise<Array<{ id: string; subjectId: string | null; dedupeKey: string }>>;
  /** Marks these rows skipped, those still pending. */
  skipRows(ids: string[], reason: string, now: Date): Promise<number>;
  /** The targets of a kind's sent rows about a subject whose dedupe keys start so (who was sent a meeting's invitation). */
  sentTargets(subjectId: string, kind: string, dedupePrefix: string): Promise<string[]>;
  /** One row by id (a Notify delivery receipt names its row by `reference`). */
  find(id: string): Promise<OutboxRow | null>;
  /**
   * Back to pending, to be sent again at `availableAt`: a row that was sent but whose
   * provider later said it never went (Notify's technical-failure). Only while it has had
   * fewer than `maxAttempts`; false when it was not sent, or has had its tries.
   */
  requeueSent(id: string, availableAt: Date, reason: string, maxAttempts: number, now: Date): Promise<boolean>;
}

export interface ClaimLimits {
  targets: number;
  perTarget: number;
  /** Only this channel's rows ("slack" when absent). */
  channel?: OutboxChannel;
  /**
   * At most this many of the channel's rows sent or held in a claim in any minute, across
   * every replica: what was marked sent in the last minute and what live claims hold count
   * against it. For email (Notify's 3,000 a minute is per service, not per replica).
   */
  perMinute?: number;
}
