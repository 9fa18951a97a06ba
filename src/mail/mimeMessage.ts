// One email as nodemailer composes it, for the SMTP adapter and the .eml files
// alike, so a file shows exactly what SMTP would have sent.
import type { SendMailOptions } from "nodemailer";
import type { OutgoingEmail } from "../domain/ports/mail";

/** The domain of a From address such as `Service Communities <communities@example.gov.uk>`. */
export function fromDomain(from: string): string {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  return address.split("@")[1]?.trim() || "localhost";
}

/**
 * The Message-ID is the outbox row's id at the sender's domain: an email sent again
 * after a crash (the one-statement window) carries the same Message-ID, which mail
 * clients and archives use to recognise a duplicate.
 */
export function messageId(reference: string, from: string): string {
  return `<${reference}@${fromDomain(from)}>`;
}

/** `replyTo`: MAIL_REPLY_TO, for an email that does not name its own. */
export function mailOptions(email: OutgoingEmail, from: string, replyTo?: string): SendMailOptions {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    ...((email.replyTo ?? replyTo) ? { replyTo: email.replyTo ?? replyTo } : {}),
    messageId: messageId(email.reference, from),
    headers: { ...email.headers },
    // nodemailer puts an iCalendar event both as a text/calendar alternative (Outlook and
    // Gmail read it as the invitation, with Accept/Decline) and as an invite.ics attachment.
    ...(email.calendar ? { icalEvent: { method: email.calendar.method, content: email.calendar.ics, filename: "invite.ics" } } : {}),
  };
}
