import type { App } from "@slack/bolt";
import { boundedQuery } from "../../domain/common/inputLimits";
import { OTHER_ORGANISATION_ID, searchOrganisations } from "../../reference/organisations";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import { OTHER_ORGANISATION_LABEL } from "../../views/profileFields";
import type { Services } from "../../services";
import { answerOptions } from "./answer";

const OTHER = option(OTHER_ORGANISATION_LABEL, OTHER_ORGANISATION_ID);

function organisationOption(o: { id: string; name: string; abbreviation?: string }) {
  return option(o.abbreviation && !o.name.includes(o.abbreviation) ? `${o.name} (${o.abbreviation})` : o.name, o.id);
}

/** Type-ahead for organisations: names, abbreviations and old names all match. */
export function registerOrganisationOptions(app: App, services: Services): void {
  // A member's own organisation: the list, plus Other for one that is not in it.
  app.options(ACTION.organisation, async ({ ack, options }) => {
    await answerOptions(ack, services.logger, () => [...searchOrganisations(boundedQuery(options.value), 99).map(organisationOption), OTHER]);
  });
  // Who a problem affects: organisations from the list only.
  app.options(ACTION.organisations, async ({ ack, options }) => {
    await answerOptions(ack, services.logger, () => searchOrganisations(boundedQuery(options.value), 100).map(organisationOption));
  });
}
