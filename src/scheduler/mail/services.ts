import type { KindServices } from "../kinds/kind";

/** What an email kind's builder reads: the same services as the Slack kinds' (services.mail among them). */
export type MailKindServices = KindServices;
