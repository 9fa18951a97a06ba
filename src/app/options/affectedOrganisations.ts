import { boundedQuery } from "../../domain/common/inputLimits";
import { searchOrganisations } from "../../reference/organisations";
import type { Services } from "../../services";
import { onOptions } from "../support/options";
import { organisationOption } from "./organisations";

/** Who a problem affects: organisations from the list only. */
export function affectedOrganisationOptions(services: Services) {
  return onOptions(services, ({ options }) => searchOrganisations(boundedQuery(options.value), 100).map(organisationOption));
}
