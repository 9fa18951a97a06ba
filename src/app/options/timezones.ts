import { boundedQuery } from "../../domain/common/inputLimits";
import { searchTimezones } from "../../domain/common/timezones";
import { dates } from "../../i18n";
import type { Services } from "../../services";
import { option } from "../../views/blocks";
import { onOptions } from "../support/options";

/** The time zone picker: every IANA zone, labelled with its city, region and offset now (never the IANA name). */
export function timezoneOptions(services: Services) {
  return onOptions(services, ({ options }) => {
    const now = services.clock.now();
    return searchTimezones(boundedQuery(options.value), 100).map((zone) => option(dates.zoneChoice(zone, now), zone));
  });
}
