import type { App } from "@slack/bolt";
import { boundedQuery } from "../../domain/common/inputLimits";
import { searchTimezones, timezoneLabel } from "../../domain/common/timezones";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import type { Services } from "../../services";
import { answerOptions } from "./answer";

export function registerTimezoneOptions(app: App, services: Services): void {
  app.options(ACTION.timezone, async ({ ack, options }) => {
    await answerOptions(ack, services.logger, () => {
      const now = services.clock.now();
      return searchTimezones(boundedQuery(options.value), 100).map((zone) => option(timezoneLabel(zone, now), zone));
    });
  });
}
