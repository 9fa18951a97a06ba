// The "email" kind's builder: the email as it was written when planned
// (services.mail.plan), unless the address has refused mail since, or the member
// has turned that kind of email off since. The row's id is its reference: Notify's
// `reference`, the Message-ID's local part, the .eml file's name.
import * as kinds from "../../domain/outbox";
import type { EmailPayload } from "../../domain/outbox/email";
import type { OutgoingEmail } from "../../domain/ports/mail";
import { dueKind } from "../kinds/kind";
import type { MailKindServices } from "./services";

export const email = dueKind<EmailPayload, MailKindServices, OutgoingEmail>(kinds.email, {
  // Its refusals are the email dispatcher's to report (MailMessages.refused), with the address.
  alertOrganisersAs: null,
  async build(row, { mail }) {
    const { payload } = row;
    const holdback = await mail.holdback(row, payload);
    if (holdback) return { kind: "skip", reason: holdback };
    const message: OutgoingEmail = {
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
      html: payload.html,
      notifyMarkdown: payload.notifyMarkdown,
      replyTo: payload.replyTo,
      headers: payload.headers,
      calendar: payload.calendar,
      reference: row.id,
    };
    return { kind: "send", message };
  },
});
