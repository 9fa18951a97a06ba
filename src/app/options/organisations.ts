import type { App } from "@slack/bolt";
import { OTHER_ORGANISATION_ID, searchOrganisations } from "../../reference/organisations";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import { OTHER_ORGANISATION_LABEL } from "../../views/profileFields";

const OTHER = option(OTHER_ORGANISATION_LABEL, OTHER_ORGANISATION_ID);

/** Type-ahead for organisations: names, abbreviations and old names all match. */
export function registerOrganisationOptions(app: App): void {
  app.options(ACTION.organisation, async ({ ack, options }) => {
    const found = searchOrganisations(options.value ?? "", 99);
    await ack({
      options: [
        ...found.map((o) => option(o.abbreviation && !o.name.includes(o.abbreviation) ? `${o.name} (${o.abbreviation})` : o.name, o.id)),
        OTHER,
      ],
    });
  });
}
