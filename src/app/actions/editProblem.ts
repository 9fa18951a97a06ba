import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../../views/ids";
import { editProblemModal } from "../../views/problemDetails";
import { editProblemMetadata } from "../submissions/editProblem";
import { errorText } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** The author's Edit button in a problem's details: the edit modal, on top. */
export function registerEditProblem(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.editProblem, async ({ ack, body, action, client, context }) => {
    await ack();
    try {
      const problem = await services.problems.toEdit(workspaceOf(context), action.value ?? "", body.user.id);
      await client.views.push({ trigger_id: body.trigger_id, view: editProblemModal(problem, editProblemMetadata.write({ problemId: problem.id })) });
    } catch (error) {
      await client.chat.postMessage({ channel: body.user.id, text: errorText(error, services.logger) });
    }
  });
}
