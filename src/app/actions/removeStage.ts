import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { journeyMessage } from "../../views/journey";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { stageValue } from "../support/journeyValues";
import { workspaceOf } from "../support/workspace";

/** "Remove stage", confirmed: the stage goes (organisers only) and the journey is redrawn in place. */
export function removeStageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const value = stageValue.parse(JSON.parse(action.value ?? "{}"));
    const workspace = workspaceOf(context);
    const { community, stage } = await services.journey.removeStage(workspace, value.s, body.user.id);
    const page = await services.journey.journey(workspace, community.id, body.user.id, value.p);
    const notice = md`Removed *${esc(stage.title)}* from the journey. Its problems keep _${esc(stage.title)}_ as where they happen.`;
    await respond({ replace_original: true, ...journeyMessage(page, { notice }) });
  });
}
