import type { BlockButtonAction } from "@slack/bolt";
import { tellChannel } from "../../messaging/communityMessages";
import type { Services } from "../../services";
import { unarchivedNotice, unarchivedReply } from "../../views/lifecycle";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Unarchive: on the reply to archiving, and on each community /community unarchive lists. */
export function unarchiveCommunityAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, respond, context }) => {
    const community = await services.lifecycle.unarchive(workspaceOf(context), action.value ?? "", body.user.id);
    await tellChannel(
      client,
      services.logger,
      community.slackChannelId,
      "tell the channel it is back",
      unarchivedNotice(community, body.user.id),
    );
    await respond({ response_type: "ephemeral", replace_original: false, ...unarchivedReply(community) });
  });
}
