import { boundedQuery } from "../../domain/common/inputLimits";
import { OTHER_ORGANISATION_ID, searchOrganisations } from "../../reference/organisations";
import type { Services } from "../../services";
import { option } from "../../views/blocks";
import { OTHER_ORGANISATION_LABEL } from "../../views/profileFields";
import { onOptions } from "../support/options";

const OTHER = option(OTHER_ORGANISATION_LABEL, OTHER_ORGANISATION_ID);

/** An organisation as a choice; names, abbreviations and old names all match it. */
export function organisationOption(o: { id: string; name: string; abbreviation?: string }) {
  return option(o.abbreviation && !o.name.includes(o.abbreviation) ? `${o.name} (${o.abbreviation})` : o.name, o.id);
}

/** A member's own organisation: the list, plus Other for one that is not in it. */
export function organisationOptions(services: Services) {
  return onOptions(services, ({ options }) => [...searchOrganisations(boundedQuery(options.value), 99).map(organisationOption), OTHER]);
}
