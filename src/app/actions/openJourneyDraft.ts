import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { journeyDraftModal } from "../../views/stageModal";
import { journeyDraftMetadata } from "../submissions/acceptJourneyDraft";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** "Draft from problems" on an empty journey, for organisers: the draft form, one input a stage. The value is the community id. */
export function openJourneyDraftAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { community, draft } = await services.journey.draft(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: journeyDraftModal({
        community,
        draft,
        privateMetadata: journeyDraftMetadata.write({
          communityId: community.id,
          keys: draft.map((d) => d.key),
          channelId: body.channel?.id,
        }),
      }),
    });
  });
}
