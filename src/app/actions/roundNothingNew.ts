// Nothing new, on a round's question: said once for the member's organisation,
// however often it is clicked, and the question is redrawn to say so.
import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { roundQuestionDm } from "../../views/round";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

export function roundNothingNewAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const question = await services.roundAnswers.nothingNew(workspaceOf(context), action.value ?? "", body.user.id);
    await respond({ replace_original: true, ...roundQuestionDm(question) });
  });
}
