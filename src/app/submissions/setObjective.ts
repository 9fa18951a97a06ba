// The organisers' objective form: an objective's owner, target date and
// progress. The problem's announcement is redrawn with them.
import { z } from "zod";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import type { Services } from "../../services";
import { OBJECTIVE_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The problem whose objective the form describes. */
export const setObjectiveMetadata = formMetadata(z.object({ problemId: z.string().max(40) }));

export function setObjectiveSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: OBJECTIVE_BLOCK.progress,
    closes: "this",
    async check({ body, view, context }, values) {
      const problemId = openedFor(setObjectiveMetadata.read(view.private_metadata).problemId, "problem", OBJECTIVE_BLOCK.progress);
      return services.problems.setObjective(workspaceOf(context), problemId, body.user.id, {
        ownerId: text(values, OBJECTIVE_BLOCK.owner),
        targetDate: text(values, OBJECTIVE_BLOCK.targetDate),
        progress: text(values, OBJECTIVE_BLOCK.progress),
      });
    },
    async after({ client }, card) {
      await refreshProblemMessages(client, card, undefined, services.logger);
    },
  });
}
