import type { App } from "@slack/bolt";
import { searchTimezones, timezoneLabel } from "../../domain/timezones";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import type { Services } from "../services";

export function registerTimezoneOptions(app: App, services: Services): void {
  app.options(ACTION.timezone, async ({ ack, options }) => {
    const now = services.clock.now();
    await ack({ options: searchTimezones(options.value ?? "", 100).map((zone) => option(timezoneLabel(zone, now), zone)) });
  });
}
