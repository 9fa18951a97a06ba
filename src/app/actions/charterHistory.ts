import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { charterHistoryMessage } from "../../views/charterEdits";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Charter history, for anyone who can read the charter: shown only to them. */
export function charterHistoryAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ action, respond, context }) => {
    const history = await services.charter.history(workspaceOf(context), action.value ?? "");
    await respond({ response_type: "ephemeral", replace_original: false, ...charterHistoryMessage(history) });
  });
}
