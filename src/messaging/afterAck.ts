// Work after an ack (invites, topics, announcements, DMs) is best effort: each
// step is tried on its own, so one refusal from Slack does not skip the rest.
import type { Logger } from "pino";
import { slackErrorCode } from "./slackErrors";

/** Returns a runner: `step(what, work, harmlessCodes)` logs a failure and carries on. */
export function stepsAfterAck(logger: Logger) {
  return async (what: string, work: () => Promise<unknown>, harmless: string[] = []): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code && harmless.includes(code)) return true;
      logger.warn({ err: error, code }, `could not ${what}`);
      return false;
    }
  };
}
