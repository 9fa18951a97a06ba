import type { App, BlockButtonAction, BlockOverflowAction } from "@slack/bolt";
import { z } from "zod";
import { esc, md } from "../../views/mrkdwn";
import { ACTION } from "../../views/ids";
import { problemDetailsModal } from "../../views/problemDetails";
import { duplicateModal, objectiveModal } from "../../views/problemDecisions";
import { closeAsDuplicateMetadata } from "../submissions/closeAsDuplicate";
import { setObjectiveMetadata } from "../submissions/setObjective";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import { errorText } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

// The option's value comes back in a request anyone could forge: check its shape.
const choice = z.object({ p: z.string().max(40), to: z.enum(["objective", "solved", "open", "details", "duplicate", "objective_details"]) });

/** The button in a promotion suggestion: promotes, then says so where it was clicked. */
export function registerPromoteProblem(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.promoteProblem, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    try {
      const card = await services.problems.changeStatus(workspaceOf(context), action.value ?? "", body.user.id, "objective");
      await refreshProblemMessages(client, card, body, services.logger);
      await respond({ replace_original: true, text: md`:dart: *${esc(card.problem.title)}* is now an objective of *${esc(card.community.name)}*.` });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}

/** The menu on a problem's card: details for anyone; promote, mark solved, reopen for organisers. */
export function registerChangeProblemStatus(app: App, services: Services): void {
  app.action<BlockOverflowAction>(ACTION.problemStatus, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    try {
      const { p, to } = choice.parse(JSON.parse(action.selected_option.value));
      const workspace = workspaceOf(context);
      if (to === "details") {
        await client.views.open({ trigger_id: body.trigger_id, view: problemDetailsModal(await services.problems.details(workspace, p, body.user.id)) });
        return;
      }
      // Modals for organisers: checked before they open, and again on submission.
      if (to === "duplicate") {
        const { problem } = await services.problems.asOrganiser(workspace, p, body.user.id, "mark_duplicate");
        await client.views.open({ trigger_id: body.trigger_id, view: duplicateModal(problem, closeAsDuplicateMetadata.write({ problemId: p })) });
        return;
      }
      if (to === "objective_details") {
        const { problem } = await services.problems.asOrganiser(workspace, p, body.user.id, "set_objective");
        await client.views.open({ trigger_id: body.trigger_id, view: objectiveModal(problem, setObjectiveMetadata.write({ problemId: p })) });
        return;
      }
      const card = await services.problems.changeStatus(workspace, p, body.user.id, to);
      await refreshProblemMessages(client, card, body, services.logger);
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
