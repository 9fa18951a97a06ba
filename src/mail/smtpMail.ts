// SMTP, with nodemailer: a pool of connections to the configured server
// (SMTP_URL: smtp:// with STARTTLS, or smtps:// with TLS from the start, and the
// user name and password in the URL). The only adapter that carries real
// calendar invitations. A 5xx about the recipient (at RCPT TO, or an enhanced
// status 5.1.x) means the address refuses mail; other 5xx refuse this email;
// 4xx and connection failures are worth retrying.
import nodemailer, { type Transporter } from "nodemailer";
import { type MailFailure, type MailPort, type MailReceipt, MailSendError, type OutgoingEmail } from "../domain/ports/mail";
import { mailOptions } from "./mimeMessage";

export interface SmtpSettings {
  /** smtp://user:password@host:587 or smtps://user:password@host:465. */
  url: string;
  /** The From header, such as `Service Communities <communities@example.gov.uk>`. */
  from: string;
  /** Where replies go (MAIL_REPLY_TO), unless an email names its own. */
  replyTo?: string;
  /** required: refuse to send unless the connection is encrypted (STARTTLS or smtps); opportunistic: use STARTTLS when offered. */
  tls: "required" | "opportunistic";
  /** PEM of a private certificate authority to trust (besides Node's own and NODE_EXTRA_CA_CERTS). */
  ca?: string;
  /** Connections kept open to the server at once (default 5). */
  maxConnections?: number;
}

interface SmtpError {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  message?: string;
  originalCode?: string;
}

/** Enhanced status codes (RFC 3463) about the address: 5.1.x bad mailbox or domain, 5.2.1 mailbox disabled. */
const ADDRESS_STATUS = /\b5\.(1\.\d{1,3}|2\.1)\b/;

export function classifySmtpFailure(error: unknown): MailFailure {
  const e = (error ?? {}) as SmtpError;
  const said = (e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").slice(0, 300);
  // Whole-connection failures first: they carry a reply code too (535, or 500 to STARTTLS), but
  // say nothing about this email. The operator mends them; meanwhile the rows wait and retry.
  if (e.code === "EAUTH" || e.code === "ENOAUTH") {
    return { type: "transient", reason: `the mail server refused the user name or password in SMTP_URL: ${said}` };
  }
  if (e.code === "ETLS" || e.code === "EREQUIRETLS") {
    return { type: "transient", reason: `no encrypted connection to the mail server (SMTP_TLS is required): ${said}` };
  }
  const code = e.responseCode;
  if (code && code >= 500 && code !== 503) {
    const aboutRecipient = e.command === "RCPT TO" || ADDRESS_STATUS.test(e.response ?? "");
    return aboutRecipient
      ? { type: "permanent_address", reason: `the mail server refused the address: ${said}` }
      : { type: "permanent", reason: `the mail server refused the email: ${said}` };
  }
  if (code) return { type: "transient", reason: `the mail server answered ${said}` };
  return { type: "transient", reason: `the mail server could not be reached (${e.originalCode ?? e.code ?? "error"}: ${said})` };
}

export class SmtpMail implements MailPort {
  readonly provider = "smtp" as const;
  readonly carriesCalendar = true;
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const secure = settings.url.startsWith("smtps:");
    this.transport = nodemailer.createTransport({
      url: settings.url,
      pool: true,
      maxConnections: settings.maxConnections ?? 5,
      secure,
      // smtp:// upgrades with STARTTLS; "required" refuses a server that does not offer it.
      requireTLS: !secure && settings.tls === "required",
      ignoreTLS: false,
      tls: { minVersion: "TLSv1.2", ...(settings.ca ? { ca: settings.ca } : {}) },
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  async send(email: OutgoingEmail): Promise<MailReceipt> {
    try {
      const info = await this.transport.sendMail(mailOptions(email, this.settings.from, this.settings.replyTo));
      return { id: String(info.messageId ?? "") };
    } catch (error) {
      throw new MailSendError(classifySmtpFailure(error));
    }
  }

  /** SMTP cannot be asked: the email goes again, with the same Message-ID. */
  async alreadySent(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
