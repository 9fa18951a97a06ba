import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { editProblemModal } from "../../views/problemDetails";
import { editProblemMetadata } from "../submissions/editProblem";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** The author's Edit button in a problem's details: the edit modal, on top. */
export function editProblemAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const problem = await services.problems.toEdit(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.push({
      trigger_id: body.trigger_id,
      view: editProblemModal(problem, editProblemMetadata.write({ problemId: problem.id })),
    });
  });
}
