import type { BlockButtonAction } from "@slack/bolt";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import type { Services } from "../../services";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** The button in a promotion suggestion: promotes, then says so where it was clicked. */
export function promoteProblemAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, respond, context }) => {
    const card = await services.problems.changeStatus(workspaceOf(context), action.value ?? "", body.user.id, "objective");
    await refreshProblemMessages(client, card, body, services.logger);
    await respond({
      replace_original: true,
      text: md`:dart: *${esc(card.problem.title)}* is now an objective of *${esc(card.community.name)}*.`,
    });
  });
}
