// Email addresses that refuse mail: a permanent failure in a Notify delivery
// receipt, or an SMTP 5xx for the recipient. Keyed by the address's person id
// ("mail:" and its hash, src/domain/members/people.ts).

export interface EmailRefusalRecord {
  personId: string;
  reason: string;
  /** Where the refusal came from: notify-receipt (a delivery receipt) or the carrier that refused at send time. */
  source: string;
  createdAt: Date;
}

export interface EmailRefusalStore {
  /**
   * Records that the address refuses mail, and marks every membership with that address
   * (emailFailedAt, emailFailure) for the organisers to see. True the first time; false
   * when it was already refused (the organisers were told then).
   */
  refuse(personId: string, address: string, reason: string, source: string, now: Date): Promise<boolean>;
  find(personId: string): Promise<EmailRefusalRecord | null>;
  /**
   * Lifts the refusal (an organiser says the address is fixed): email may go to it again, and
   * no membership with the address shows it. False when the address was not refused.
   */
  lift(personId: string, address: string): Promise<boolean>;
}
