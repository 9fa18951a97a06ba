import type { BlockOverflowAction } from "@slack/bolt";
import { z } from "zod";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import type { Services } from "../../services";
import { duplicateModal, objectiveModal } from "../../views/problemDecisions";
import { problemDetailsModal } from "../../views/problemDetails";
import { closeAsDuplicateMetadata } from "../submissions/closeAsDuplicate";
import { setObjectiveMetadata } from "../submissions/setObjective";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

// The option's value comes back in a request anyone could forge: check its shape.
const choice = z.object({
  p: z.string().max(40),
  to: z.enum(["objective", "solved", "open", "details", "duplicate", "objective_details"]),
});

/** The menu on a problem's card: details for anyone; promote, mark solved, reopen for organisers. */
export function problemStatusMenuAction(services: Services) {
  return onAction<BlockOverflowAction>(services, async ({ body, action, client, context }) => {
    const { p, to } = choice.parse(JSON.parse(action.selected_option.value));
    const workspace = workspaceOf(context);
    if (to === "details") {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: problemDetailsModal(await services.problems.details(workspace, p, body.user.id)),
      });
      return;
    }
    // Modals for organisers: checked before they open, and again on submission.
    if (to === "duplicate") {
      const { problem } = await services.problems.asOrganiser(workspace, p, body.user.id, "mark_duplicate");
      await client.views.open({
        trigger_id: body.trigger_id,
        view: duplicateModal(problem, closeAsDuplicateMetadata.write({ problemId: p })),
      });
      return;
    }
    if (to === "objective_details") {
      const { problem } = await services.problems.asOrganiser(workspace, p, body.user.id, "set_objective");
      await client.views.open({ trigger_id: body.trigger_id, view: objectiveModal(problem, setObjectiveMetadata.write({ problemId: p })) });
      return;
    }
    const card = await services.problems.changeStatus(workspace, p, body.user.id, to);
    await refreshProblemMessages(client, card, body, services.logger);
  });
}
