import type { App } from "@slack/bolt";
import { boundedQuery } from "../../domain/common/inputLimits";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import { closeAsDuplicateMetadata } from "../submissions/closeAsDuplicate";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";
import { answerOptions } from "./answer";

/** The duplicate picker: the same community's other problems, found by title, for its organisers. */
export function registerProblemOptions(app: App, services: Services): void {
  app.options(ACTION.problemPicker, async ({ ack, options, body, context }) => {
    await answerOptions(ack, services.logger, async () => {
      const { problemId } = closeAsDuplicateMetadata.read((body as { view?: { private_metadata?: string } }).view?.private_metadata);
      if (!problemId) return [];
      const found = await services.problems.others(workspaceOf(context), problemId, body.user.id, boundedQuery(options.value), 100);
      return found.map((p) => option(p.title, p.id));
    });
  });
}
