import { boundedQuery } from "../../domain/common/inputLimits";
import type { Services } from "../../services";
import { option } from "../../views/blocks";
import { onOptions } from "../support/options";
import { workspaceOf } from "../support/workspace";

/** The community picker of the join form: every community. */
export function communityOptions(services: Services) {
  return onOptions(services, async ({ options, context }) => {
    const matches = await services.communities.search(workspaceOf(context), boundedQuery(options.value), 100);
    return matches.map((c) => option(c.name, c.id));
  });
}
