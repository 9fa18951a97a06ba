import { tellChannel } from "../../messaging/communityMessages";
import { archivedNotice, archivedReply } from "../../views/lifecycle";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

/**
 * Archiving is undone as easily as it is done (the reply carries an Unarchive
 * button), so the command does it at once; the button under the charter, one
 * stray click away, asks first.
 */
export const archive: Subcommand = {
  name: "archive",
  topic: "settings",
  usage: "/community archive [name]",
  summary: "Organisers: archive a community. It leaves the list, its digests and reminders stop, and its records are kept.",
  async reply({ args, command, context, client, services }) {
    const found = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(archive.usage),
    );
    const community = await services.lifecycle.archive(workspaceOf(context), found.id, command.user_id);
    await tellChannel(
      client,
      services.logger,
      community.slackChannelId,
      "tell the channel it is archived",
      archivedNotice(community, command.user_id),
    );
    return archivedReply(community);
  },
};
