import { boundedQuery } from "../../domain/common/inputLimits";
import type { Services } from "../../services";
import { option } from "../../views/blocks";
import { closeAsDuplicateMetadata } from "../submissions/closeAsDuplicate";
import { onOptions } from "../support/options";
import { workspaceOf } from "../support/workspace";

/** The duplicate picker: the same community's other problems, found by title, for its organisers. */
export function duplicateProblemOptions(services: Services) {
  return onOptions(services, async ({ options, body, context }) => {
    const { problemId } = closeAsDuplicateMetadata.read(body.view?.private_metadata);
    if (!problemId) return [];
    const found = await services.problems.others(workspaceOf(context), problemId, body.user.id, boundedQuery(options.value), 100);
    return found.map((p) => option(p.title, p.id));
  });
}
