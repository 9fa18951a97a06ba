import type { BlockButtonAction } from "@slack/bolt";
import { tellChannel } from "../../messaging/communityMessages";
import type { Services } from "../../services";
import { archivedNotice, archivedReply } from "../../views/lifecycle";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** The Archive button under the charter (Slack has asked "Archive this community?" first). */
export function archiveCommunityAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, respond, context }) => {
    const community = await services.lifecycle.archive(workspaceOf(context), action.value ?? "", body.user.id);
    await tellChannel(
      client,
      services.logger,
      community.slackChannelId,
      "tell the channel it is archived",
      archivedNotice(community, body.user.id),
    );
    await respond({ response_type: "ephemeral", replace_original: false, ...archivedReply(community) });
  });
}
