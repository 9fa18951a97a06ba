// The mail port: how the bot hands one email to whatever carries it (GOV.UK
// Notify, an SMTP server, or .eml files on disk: src/mail/), and what a send can
// fail with. The outbox's email dispatcher is its only caller; everything else
// plans emails through services.mail (src/domain/mail/mail.ts).

/** An iCalendar invitation (RFC 5546): SMTP carries it as a text/calendar alternative part and an .ics attachment. */
export interface CalendarPart {
  /** REQUEST for a new or changed meeting, CANCEL when it is cancelled (the same UID, a higher SEQUENCE). */
  method: "REQUEST" | "CANCEL";
  /** The whole VCALENDAR, METHOD included (src/domain/meetings/calendarFile.ts writes it). */
  ics: string;
}

/** One email to one address. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  /** The plain-text part. */
  text: string;
  html?: string;
  /**
   * The body in GOV.UK Notify's markdown (src/views/email/document.ts's emailNotifyMarkdown):
   * Notify sends one body and makes the HTML itself. Without it, Notify sends the text part.
   */
  notifyMarkdown?: string;
  replyTo?: string;
  /**
   * Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). Notify sets
   * its own headers: it takes only List-Unsubscribe's https address (as its one-click
   * unsubscribe URL) and drops the rest.
   */
  headers?: Record<string, string>;
  /** Only where the adapter carriesCalendar; with Notify the body must carry links instead. */
  calendar?: CalendarPart;
  /**
   * The outbox row's id: Notify's `reference`, the SMTP Message-ID's local part and the .eml
   * file's name, so an email sent again after a crash can be recognised as the same one.
   */
  reference: string;
}

/** What a send that did not go through means. */
export type MailFailure =
  /** Worth trying again after a back-off: the server is down, busy or answered 4xx/5xx about itself. */
  | { type: "transient"; reason: string }
  /** The provider asked us to slow down (Notify's 429): try again after `retryAfterMs`, with no attempt counted. */
  | { type: "rate_limited"; retryAfterMs: number; reason: string }
  /** No retry will mend this email (the provider refused it, for example a team-only Notify key). */
  | { type: "permanent"; reason: string }
  /** The recipient's address refuses mail (an SMTP 5xx for the recipient, Notify's invalid address): stop emailing it. */
  | { type: "permanent_address"; reason: string };

/** Thrown by an adapter's send: the failure says what to do about it. Anything else thrown counts as transient. */
export class MailSendError extends Error {
  constructor(readonly failure: MailFailure) {
    super(failure.reason);
    this.name = "MailSendError";
  }
}

/** What the provider said when it took the email. */
export interface MailReceipt {
  /** The provider's id for it (Notify's notification id, the SMTP Message-ID, the file's path). */
  id: string;
}

export type MailProvider = "notify" | "smtp" | "files";

export interface MailPort {
  readonly provider: MailProvider;
  /** Whether an email's calendar part reaches the recipient (SMTP and files do; Notify cannot attach calendar files). */
  readonly carriesCalendar: boolean;
  /** Resolves once the provider has taken the email; rejects with MailSendError (or anything else: transient). */
  send(email: OutgoingEmail): Promise<MailReceipt>;
  /**
   * Whether an email with this reference has already reached the provider: asked only for a
   * row whose earlier claim ran out with no outcome (its process died mid-send). True and
   * false are answers; null means the provider cannot tell (SMTP), so it is sent again.
   */
  alreadySent(reference: string): Promise<boolean | null>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
