// Email, as the rest of the domain sees it: services.mail.
//
// Planning an email (what "What is sent" calls):
//
//   await services.mail.plan([{
//     communityId,
//     to: { address: "sam@example.org" },      // or { personId } of a member with an address
//     purpose: "meeting",                      // invitation | meeting | reminder | digest | notice
//     consent: "meetings",                     // optional: skipped at send time if they turned it off
//     subject, text, html, notifyMarkdown,     // the views' renderings (src/views/email/)
//     headers: { "List-Unsubscribe": "<https://…/email/<token>/unsubscribe>",
//                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
//                                              // a bulk email to a member: memberEmailToSend
//                                              // (src/views/email/bulk.ts) writes these, the footer's
//                                              // unsubscribe link and Reply-To from one personal link
//     calendar: { method: "REQUEST", ics },    // carried by SMTP and files; Notify drops it (see carriesCalendar)
//     subjectId: meeting.id,                   // optional: what it is about (skipPlanned)
//     dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:${personId}`,
//     dueAt,                                   // optional: now
//   }]);
//
// Each email becomes one outbox row of kind "email" (channel "email"), with the
// dedupe key prefixed "email:" so it never meets a Slack row's; planning the same
// key again changes nothing. The row's target is the address's person id ("mail:"
// and a hash), so addresses never become keys or log fields. The email dispatcher
// (src/scheduler/mail/) claims, paces, sends, retries and marks it like a Slack
// message, and skips it if the address has refused mail since, the member turned
// that kind of email off since, or the community was archived. `rows()` gives the
// same rows without planning them, for a Slack kind's builder to return (a due
// digest or reminder that becomes emails).
//
// Refusals: an address that refuses mail (an SMTP 5xx for the recipient at send
// time, Notify's invalid address, or a permanent-failure delivery receipt) is
// recorded once (EmailRefusal, and emailFailedAt on its memberships); nothing more
// is sent to it, and the community's organisers get one DM each.

import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import { organiserIds } from "../members/organisers";
import { emailPersonId, isEmailPerson, normaliseEmail } from "../members/people";
import { email as emailKind } from "../outbox";
import type { EmailConsent, EmailPayload, EmailPurpose } from "../outbox/email";
import { emailAlert } from "../outbox/emailAlert";
import type { CalendarPart, EmailRefusalRecord, NewOutboxRow, OutboxRow, Store } from "../ports";

export interface PlannedEmail {
  communityId: string;
  /** An address, or the person id of one of the community's members, whose membership has the address. */
  to: { address: string } | { personId: string };
  purpose: EmailPurpose;
  /** The email setting it needs (meetings, reminders, digests), checked again at send time; none: always sent. */
  consent?: EmailConsent;
  subject: string;
  text: string;
  html?: string;
  notifyMarkdown?: string;
  replyTo?: string;
  headers?: Record<string, string>;
  calendar?: CalendarPart;
  subjectId?: string;
  /** Unique for this email (prefixed "email:" here). */
  dedupeKey: string;
  dueAt?: Date;
}

/** A Notify delivery receipt's fields the bot reads (the callback's JSON). */
export interface DeliveryReceipt {
  /** The outbox row's id, passed to Notify as `reference`. */
  reference: string | null;
  to: string;
  status: string;
}

/** Why a due email row should not be sent now, or null to send it. */
export type Holdback = string | null;

/** How many times Notify may lose an email (technical-failure) before it counts as failed. */
const RESEND_ATTEMPTS = 5;
const RESEND_AFTER_MS = 5 * 60_000;

const CONSENT_FLAG: Record<EmailConsent, "emailMeetings" | "emailReminders" | "emailDigests"> = {
  meetings: "emailMeetings",
  reminders: "emailReminders",
  digests: "emailDigests",
};

export class MailService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      carriesCalendar: boolean;
      /** The address emails come from (SMTP, files), or a no-reply address on the bot's host (Notify sets its own). */
      organiserAddress: string;
    },
  ) {}

  /** Whether an email's calendar part reaches people (SMTP, files); with Notify, emails must carry links instead. */
  get carriesCalendar(): boolean {
    return this.deps.carriesCalendar;
  }

  /**
   * The ORGANIZER of the meetings' calendar files: the address emails come from, so a
   * calendar that replies to an invitation reaches the service's mailbox.
   */
  get organiserAddress(): string {
    return this.deps.organiserAddress;
  }

  /** Plans the emails; returns how many became pending (a dedupe key planned before counts 0). */
  async plan(emails: PlannedEmail[]): Promise<number> {
    return this.deps.store.outbox.plan(await this.rows(emails), this.deps.clock.now());
  }

  /** The outbox rows for these emails, for a builder's `then` or `expand`. */
  async rows(emails: PlannedEmail[]): Promise<NewOutboxRow[]> {
    const rows: NewOutboxRow[] = [];
    for (const planned of emails) {
      const address = await this.addressOf(planned);
      const payload: EmailPayload = {
        to: address,
        purpose: planned.purpose,
        consent: planned.consent,
        subject: planned.subject,
        text: planned.text,
        html: planned.html,
        notifyMarkdown: planned.notifyMarkdown,
        replyTo: planned.replyTo,
        headers: planned.headers,
        calendar: planned.calendar,
      };
      rows.push(
        emailKind.row({
          target: emailPersonId(address),
          communityId: planned.communityId,
          subjectId: planned.subjectId ?? null,
          // undefined fields are left out of the stored JSON.
          payload: JSON.parse(JSON.stringify(payload)),
          dueAt: planned.dueAt ?? this.deps.clock.now(),
          dedupeKey: `email:${planned.dedupeKey}`,
        }),
      );
    }
    return rows;
  }

  private async addressOf(planned: PlannedEmail): Promise<string> {
    if ("address" in planned.to) return normaliseEmail(planned.to.address);
    const membership = await this.deps.store.memberships.find(planned.communityId, planned.to.personId);
    if (!membership?.email) throw new AppError("not_found", { key: "member.not_found_for_email" });
    return normaliseEmail(membership.email);
  }

  /** Skips the emails still pending about a subject (an invitation answered, say). */
  skipPlanned(subjectId: string, reason: string): Promise<number> {
    return this.deps.store.outbox.skipPending(subjectId, [emailKind.name], reason, this.deps.clock.now());
  }

  /** Whether the address refuses mail, and why. */
  refusal(address: string): Promise<EmailRefusalRecord | null> {
    return this.deps.store.emailRefusals.find(emailPersonId(address));
  }

  /** At send time: why this due email should not go now, or null. */
  async holdback(row: OutboxRow, payload: Pick<EmailPayload, "to" | "consent">): Promise<Holdback> {
    const refused = await this.deps.store.emailRefusals.find(row.target);
    if (refused) return `the address refuses mail: ${refused.reason}`;
    if (payload.consent && row.communityId) {
      const member = await this.deps.store.memberships.findByEmail(row.communityId, payload.to);
      if (member?.status !== "active") return "no longer a member";
      if (!member[CONSENT_FLAG[payload.consent]]) return `they turned ${payload.consent} emails off`;
    }
    return null;
  }

  /**
   * An email refused for good. For an address that refuses mail, the address is recorded
   * (nothing more goes to it); either way, the rows telling the community's organisers,
   * once each: per refusal of the address (lifting it and a new bounce tell them again), or
   * per reason for a refusal not about the address.
   */
  async refused(row: OutboxRow, failure: { reason: string; addressRefused: boolean; source: string }): Promise<NewOutboxRow[]> {
    const address = typeof row.payload.to === "string" ? row.payload.to : "";
    const now = this.deps.clock.now();
    if (failure.addressRefused && address) {
      await this.deps.store.emailRefusals.refuse(row.target, address, failure.reason, failure.source, now);
    }
    if (!row.communityId) return [];
    const communityId = row.communityId;
    // Once per refusal of the address: after an organiser lifts one (the member fixed it), a new bounce is news again.
    const refusedSince = failure.addressRefused ? (await this.deps.store.emailRefusals.find(row.target))?.createdAt : undefined;
    const about = failure.addressRefused
      ? `${row.target}${refusedSince ? `:${refusedSince.getTime()}` : ""}`
      : failure.reason.slice(0, 120);
    // The alert is a Slack DM: an organiser by email has no Slack to get it in.
    const organisers = (await organiserIds(this.deps.store, communityId)).filter((id) => !isEmailPerson(id));
    return organisers.map((organiser) =>
      emailAlert.row({
        target: organiser,
        communityId,
        subjectId: communityId,
        payload: { address, addressRefused: failure.addressRefused, reason: failure.reason.slice(0, 500) },
        dueAt: now,
        dedupeKey: `email-alert:${communityId}:${about}:${organiser}`,
      }),
    );
  }

  /**
   * A Notify delivery receipt. permanent-failure: the address refuses mail (recorded, organisers
   * told once). technical-failure: Notify lost it, so it is sent again (a few times at most).
   * delivered and temporary-failure (a full inbox, an out-of-office): nothing to do.
   */
  async deliveryReceipt(receipt: DeliveryReceipt): Promise<"refused" | "resent" | "noted"> {
    const { store, clock } = this.deps;
    const row = receipt.reference ? await store.outbox.find(receipt.reference) : null;
    if (receipt.status === "permanent-failure") {
      const address = normaliseEmail(receipt.to);
      const reason = "GOV.UK Notify says the address does not exist or will not take email (permanent-failure)";
      if (row?.channel === "email" && row.target === emailPersonId(address)) {
        await store.outbox.plan(await this.refused(row, { reason, addressRefused: true, source: "notify-receipt" }), clock.now());
      } else {
        // A receipt for an email this database does not know (an old one, another environment's): still stop emailing it.
        await store.emailRefusals.refuse(emailPersonId(address), address, reason, "notify-receipt", clock.now());
      }
      return "refused";
    }
    if (receipt.status === "technical-failure" && row?.channel === "email") {
      const again = new Date(clock.now().getTime() + RESEND_AFTER_MS);
      if (
        await store.outbox.requeueSent(row.id, again, "GOV.UK Notify could not send it (technical-failure)", RESEND_ATTEMPTS, clock.now())
      )
        return "resent";
    }
    return "noted";
  }
}
