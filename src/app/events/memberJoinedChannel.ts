import type { Middleware, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/**
 * Someone joined a channel: if it is a community's channel and they are not a
 * member, plan their welcome DM (the charter and a Join button). The outbox
 * sends it, so a burst of joins is paced and each person is welcomed once.
 */
export function memberJoinedChannel(services: Services): Middleware<SlackEventMiddlewareArgs<"member_joined_channel">> {
  return async ({ event, context }) => {
    // Bolt passes on the app's own joins for this event (it does not ignore them as it does messages).
    if (event.user === context.botUserId) return;
    const community = await services.communities.inChannel(workspaceOf(context), event.channel);
    if (!community) return;
    await services.onboarding.channelJoined(community, event.user);
  };
}
