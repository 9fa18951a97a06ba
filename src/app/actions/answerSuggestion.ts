import type { BlockButtonAction } from "@slack/bolt";
import { tellSuggester } from "../../messaging/journey";
import type { Services } from "../../services";
import { ACTION } from "../../views/ids";
import { journeyMessage } from "../../views/journey";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { stageValue } from "../support/journeyValues";
import { workspaceOf } from "../support/workspace";

/**
 * Accept or Dismiss on a suggested stage (told apart by the click's
 * action_id), for organisers: the journey is redrawn in place and the member
 * who suggested it is told.
 */
export function answerSuggestionAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context, respond }) => {
    const value = stageValue.parse(JSON.parse(action.value ?? "{}"));
    const workspace = workspaceOf(context);
    const userId = body.user.id;
    if (action.action_id === ACTION.acceptStage) {
      const { community } = await services.journey.forEditing(workspace, value.s, userId);
      const stage = await services.journey.acceptSuggestion(workspace, value.s, userId);
      const number = stage.position + 1;
      const page = await services.journey.journey(workspace, community.id, userId, value.p);
      const notice = md`Added *${esc(stage.title)}* as stage ${number}, at the end of the journey. Move it from its menu.`;
      await respond({ replace_original: true, ...journeyMessage(page, { notice }) });
      await tellSuggester(client, services.logger, { stage, community, answeredBy: userId, accepted: true, number });
      return;
    }
    const { community, stage } = await services.journey.dismissSuggestion(workspace, value.s, userId);
    const page = await services.journey.journey(workspace, community.id, userId, value.p);
    await respond({ replace_original: true, ...journeyMessage(page, { notice: md`Dismissed the suggestion *${esc(stage.title)}*.` }) });
    await tellSuggester(client, services.logger, { stage, community, answeredBy: userId, accepted: false });
  });
}
