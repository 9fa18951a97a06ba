// The organisers' menu on a stage of the journey: Edit opens the stage form;
// Move up and Move down redraw the journey in place; Remove asks first. Each
// is checked against the organisers before anything opens or changes.
import type { BlockOverflowAction } from "@slack/bolt";
import { JOURNEY_PAGE_SIZE } from "../../domain/journey/journey";
import type { Services } from "../../services";
import { journeyMessage, removeStageMessage } from "../../views/journey";
import { esc, md } from "../../views/mrkdwn";
import { stageModal } from "../../views/stageModal";
import { saveStageMetadata } from "../submissions/saveStage";
import { onAction } from "../support/action";
import { stageChoice } from "../support/journeyValues";
import { workspaceOf } from "../support/workspace";

export function stageMenuAction(services: Services) {
  return onAction<BlockOverflowAction>(services, async ({ body, action, client, context, respond }) => {
    const choice = stageChoice.parse(JSON.parse(action.selected_option.value));
    const workspace = workspaceOf(context);
    const userId = body.user.id;
    if (choice.do === "edit") {
      const { community, stage } = await services.journey.forEditing(workspace, choice.s, userId);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: stageModal({
          mode: "edit",
          community,
          stage,
          number: stage.position + 1,
          privateMetadata: saveStageMetadata.write({
            communityId: community.id,
            stageId: stage.id,
            channelId: body.channel?.id,
            page: choice.p,
          }),
        }),
      });
      return;
    }
    if (choice.do === "remove") {
      const { stage } = await services.journey.forEditing(workspace, choice.s, userId);
      await respond({ replace_original: true, ...removeStageMessage(stage, stage.position + 1, choice.p) });
      return;
    }
    const order = await services.journey.moveStage(workspace, choice.s, userId, choice.do);
    const index = order.findIndex((s) => s.id === choice.s);
    const moved = order[index];
    const page = await services.journey.journey(workspace, moved.communityId, userId, Math.floor(index / JOURNEY_PAGE_SIZE));
    await respond({ replace_original: true, ...journeyMessage(page, { notice: md`*${esc(moved.title)}* is now stage ${index + 1}.` }) });
  });
}
