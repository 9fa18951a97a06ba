import { z } from "zod";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import type { Services } from "../../services";
import { PROBLEM_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The problem the edit form changes. */
export const editProblemMetadata = formMetadata(z.object({ problemId: z.string().max(40) }));

/** The author's edit: saved, then the problem's announcement is redrawn. */
export function editProblemSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: PROBLEM_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const problemId = openedFor(editProblemMetadata.read(view.private_metadata).problemId, "problem", PROBLEM_BLOCK.title);
      return services.problems.edit(workspaceOf(context), problemId, body.user.id, {
        title: text(values, PROBLEM_BLOCK.title),
        description: text(values, PROBLEM_BLOCK.description),
      });
    },
    async after({ client }, card) {
      await refreshProblemMessages(client, card, undefined, services.logger);
    },
  });
}
