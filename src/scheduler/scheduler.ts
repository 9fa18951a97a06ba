// One scheduler tick: plan what has become plannable (digests, the next
// occurrence of each series), retry missing announcements and meeting outcomes, then deliver what
// is due. Each step is idempotent, so a tick that dies half-way is simply
// finished by the next one.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { DigestService } from "../domain/digests/digests";
import { type OutcomePostNeeds, postMissingOutcomes } from "../messaging/outcomeMessages";
import type { Dispatcher, TickCounts } from "./dispatcher";

export interface TickReport extends TickCounts {
  digestsPlanned: number;
  /** The email dispatcher's run (the counts above are Slack's). */
  email?: TickCounts;
}

export class Scheduler {
  constructor(
    private readonly deps: {
      services: { digests: DigestService } & OutcomePostNeeds;
      client: WebClient;
      dispatcher: Dispatcher;
      /** The email rows' dispatcher, which runs beside Slack's. */
      emailDispatcher?: { run(): Promise<TickCounts> };
      logger: Logger;
    },
  ) {}

  async tick(): Promise<TickReport> {
    const { services, client, dispatcher, emailDispatcher, logger } = this.deps;
    const digestsPlanned = await services.digests.plan();
    await services.meetingMessages.rollSeries(client);
    await services.meetingMessages.announceMissing(client);
    await postMissingOutcomes(client, services);
    // Side by side: a Slack rate limit does not hold up email, nor a slow mail server Slack.
    const [counts, email] = await Promise.all([dispatcher.run(), emailDispatcher?.run()]);
    const report = { ...counts, digestsPlanned, ...(email ? { email } : {}) };
    logger.info(report, "scheduler tick");
    return report;
  }
}
