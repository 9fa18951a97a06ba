// The organisers' duplicate form: closes a problem as a duplicate of another
// in the same community, and redraws its announcement.
import { z } from "zod";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import type { Services } from "../../services";
import { DUPLICATE_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The problem the form closes (its picker of other problems reads it too). */
export const closeAsDuplicateMetadata = formMetadata(z.object({ problemId: z.string().max(40) }));

export function closeAsDuplicateSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: DUPLICATE_BLOCK.duplicateOf,
    closes: "this",
    async check({ body, view, context }, values) {
      const problemId = openedFor(closeAsDuplicateMetadata.read(view.private_metadata).problemId, "problem", DUPLICATE_BLOCK.duplicateOf);
      return services.problems.closeAsDuplicate(workspaceOf(context), problemId, body.user.id, text(values, DUPLICATE_BLOCK.duplicateOf));
    },
    async after({ client }, card) {
      await refreshProblemMessages(client, card, undefined, services.logger);
    },
  });
}
