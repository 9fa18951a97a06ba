import { openMessagesModal } from "../support/messagesModal";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const messages: Subcommand = {
  name: "messages",
  topic: "settings",
  aliases: ["notifications", "emails", "email"],
  usage: "/community messages [name]",
  summary: "Choose how you get a community's meeting invitations, reminders and digest: in Slack, by email or both.",
  async handle({ args, command, context, client, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(messages.usage),
    );
    await openMessagesModal({ client, services, community, userId: command.user_id, triggerId: command.trigger_id });
  },
};
