// The email dispatcher's view of the email kinds (as src/scheduler/kinds/index.ts
// is the Slack dispatcher's): what a due email row becomes, what a send's failure
// means, and what follows a refusal. compose.ts runs a second Dispatcher over the
// outbox's email rows with these.
import type { EmailKindName } from "../../domain/outbox";
import type { NewOutboxRow, OutboxRow } from "../../domain/ports";
import { type MailFailure, type MailProvider, MailSendError, type OutgoingEmail } from "../../domain/ports/mail";
import type { Outcome, SendFailure } from "../dispatcher";
import type { DueKind } from "../kinds/kind";
import { email } from "./email";
import type { MailKindServices } from "./services";

/**
 * One email at a time to a recipient (a meeting's update after its invitation), 20 recipients at
 * once, claimed ten at a time: a claim for every email would cost more than the email.
 */
export const EMAIL_DISPATCHER_SETTINGS = { concurrency: 20, perTarget: 10, claimWhenFree: 10 } as const;

/** Keyed by kind name, so an email kind the domain plans but nothing builds does not compile. */
export const DUE_EMAIL_KINDS: Record<EmailKindName, DueKind<MailKindServices, OutgoingEmail>> = {
  email,
};

const BY_NAME = new Map<string, DueKind<MailKindServices, OutgoingEmail>>(Object.values(DUE_EMAIL_KINDS).map((kind) => [kind.name, kind]));

/** The dispatcher's failure for the mail port's: the reason is the code kept on the row (lastError). */
export function classifyMailFailure(error: unknown): SendFailure {
  const failure: MailFailure =
    error instanceof MailSendError ? error.failure : { type: "transient", reason: (error as Error)?.message ?? String(error) };
  switch (failure.type) {
    case "rate_limited":
      return { type: "rate_limited", retryAfterMs: failure.retryAfterMs, code: failure.reason };
    case "permanent":
      return { type: "permanent", code: failure.reason };
    case "permanent_address":
      return { type: "permanent", code: failure.reason, recipient: true };
    default:
      return { type: "transient", code: failure.reason };
  }
}

export class MailMessages {
  constructor(
    private readonly services: MailKindServices,
    private readonly provider: MailProvider,
  ) {}

  async build(row: OutboxRow): Promise<Outcome<OutgoingEmail>> {
    const kind = BY_NAME.get(row.kind);
    if (!kind) return { kind: "skip", reason: `unknown email kind ${row.kind}` };
    // As for Slack: an archived community sends nothing (rows due meanwhile are skipped), a deleted one never again.
    if (row.communityId) {
      const standing = await this.services.lifecycle.standing(row.communityId);
      if (standing !== "active") return { kind: "skip", reason: `the community is ${standing}` };
    }
    return kind.build(row, this.services);
  }

  /** A refusal for good: the address recorded if it is the address, and the organisers' DMs. */
  refused(row: OutboxRow, failure: SendFailure & { type: "permanent" }): Promise<NewOutboxRow[]> {
    return this.services.mail.refused(row, { reason: failure.code, addressRefused: failure.recipient === true, source: this.provider });
  }
}
