// The mail adapter the configuration names (config.ts's mailConfig): Notify when
// NOTIFY_API_KEY is set, SMTP when SMTP_URL is, and .eml files otherwise.
import fs from "node:fs";
import type { Logger } from "pino";
import type { MailConfig } from "../config";
import type { MailPort } from "../domain/ports/mail";
import { DEFAULT_MAIL_DIR, FileMail } from "./fileMail";
import { NotifyMail } from "./notifyMail";
import { SmtpMail } from "./smtpMail";

export interface MailAdapterOptions {
  logger: Logger;
  /** The outbound proxy's fetch (outbound/proxy.ts), for Notify; SMTP connects directly. */
  fetch?: typeof fetch;
}

export function createMail(config: MailConfig | undefined, { logger, fetch }: MailAdapterOptions): MailPort {
  const mail = config ?? { provider: "files", dir: DEFAULT_MAIL_DIR, from: "Service Communities <no-reply@localhost>", perMinute: 0 };
  switch (mail.provider) {
    case "notify":
      logger.info({ provider: "notify", baseUrl: mail.baseUrl }, "email goes through GOV.UK Notify");
      return new NotifyMail({ apiKey: mail.apiKey, templateId: mail.templateId, baseUrl: mail.baseUrl, replyToId: mail.replyToId, fetch });
    case "smtp": {
      const { hostname, port, protocol } = new URL(mail.url);
      logger.info({ provider: "smtp", host: hostname, port: port || undefined, protocol, tls: mail.tls }, "email goes through SMTP");
      return new SmtpMail({
        url: mail.url,
        from: mail.from,
        replyTo: mail.replyTo,
        tls: mail.tls,
        ca: mail.caFile ? fs.readFileSync(mail.caFile, "utf8") : undefined,
      });
    }
    case "files":
      logger.info(
        { provider: "files", dir: mail.dir },
        "email is written as .eml files (set NOTIFY_API_KEY or SMTP_URL to send it: see Email in README.md)",
      );
      return new FileMail({ dir: mail.dir, from: mail.from, replyTo: mail.replyTo, logger });
  }
}
