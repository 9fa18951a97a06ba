import { boundedQuery } from "../../domain/common/inputLimits";
import { searchTimezones, timezoneLabel } from "../../domain/common/timezones";
import type { Services } from "../../services";
import { option } from "../../views/blocks";
import { onOptions } from "../support/options";

/** The time zone picker: every IANA zone, labelled with its offset now. */
export function timezoneOptions(services: Services) {
  return onOptions(services, ({ options }) => {
    const now = services.clock.now();
    return searchTimezones(boundedQuery(options.value), 100).map((zone) => option(timezoneLabel(zone, now), zone));
  });
}
