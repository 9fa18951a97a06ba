import type { MailService } from "../../domain/mail/mail";
import type { KindServices } from "../kinds/kind";

/** What an email kind's builder reads: the Slack kinds' services, and services.mail. */
export type MailKindServices = KindServices & { mail: MailService };
