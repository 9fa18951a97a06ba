// The embedded default: with neither Notify nor SMTP configured, each email is
// written as an .eml file (the whole message, as SMTP would have sent it, which
// any mail program opens) under ./data/mail/, and logged with its subject and
// recipient, never its body. So `npm start` needs nothing, and a newcomer can
// open what would have been sent. Files are named after the outbox row, so an
// email written again after a crash replaces its own file.
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import { type MailPort, type MailReceipt, MailSendError, type OutgoingEmail } from "../domain/ports/mail";
import { mailOptions } from "./mimeMessage";

export const DEFAULT_MAIL_DIR = "./data/mail";

export interface FileMailSettings {
  dir: string;
  from: string;
  /** Where replies go (MAIL_REPLY_TO), unless an email names its own. */
  replyTo?: string;
  logger: Logger;
}

export class FileMail implements MailPort {
  readonly provider = "files" as const;
  readonly carriesCalendar = true;
  private readonly composer: Transporter;
  private made = false;

  constructor(private readonly settings: FileMailSettings) {
    // Unix line endings: the file is for reading; a mail program takes either.
    this.composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  }

  private file(reference: string): string {
    return path.join(this.settings.dir, `${reference.replace(/[^\w-]/g, "_")}.eml`);
  }

  async send(email: OutgoingEmail): Promise<MailReceipt> {
    const file = this.file(email.reference);
    try {
      const info = (await this.composer.sendMail(mailOptions(email, this.settings.from, this.settings.replyTo))) as { message: Buffer };
      if (!this.made) {
        await fs.mkdir(this.settings.dir, { recursive: true });
        this.made = true;
      }
      // Written whole, then renamed: a crash never leaves half a file under the final name.
      const partial = `${file}.partial`;
      await fs.writeFile(partial, info.message);
      await fs.rename(partial, file);
    } catch (error) {
      throw new MailSendError({ type: "transient", reason: `could not write ${file}: ${(error as Error).message}` });
    }
    this.settings.logger.info({ to: email.to, subject: email.subject, file }, "email written to a file (no Notify or SMTP configured)");
    return { id: file };
  }

  async alreadySent(reference: string): Promise<boolean> {
    try {
      await fs.access(this.file(reference));
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {}
}
