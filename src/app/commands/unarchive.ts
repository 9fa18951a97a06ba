import { AppError } from "../../domain/common/errors";
import { tellChannel } from "../../messaging/communityMessages";
import { archivedListMessage, unarchivedNotice, unarchivedReply } from "../../views/lifecycle";
import { workspaceOf } from "../support/workspace";
import type { Subcommand } from "./subcommand";

/** With a name, brings that archived community back; without one, lists those the organiser can bring back. */
export const unarchive: Subcommand = {
  name: "unarchive",
  topic: "settings",
  usage: "/community unarchive [name]",
  summary: "Organisers: bring back an archived community. Without a name, see the archived communities you organise.",
  async reply({ args, command, context, client, services }) {
    const workspace = workspaceOf(context);
    if (!args.trim()) {
      const archived = await services.lifecycle.archivedFor(workspace, command.user_id);
      if (!archived.length) throw new AppError("not_found", { key: "community.no_archived" });
      return archivedListMessage(archived);
    }
    const found = await services.lifecycle.archivedNamed(workspace, command.user_id, args);
    const community = await services.lifecycle.unarchive(workspace, found.id, command.user_id);
    await tellChannel(
      client,
      services.logger,
      community.slackChannelId,
      "tell the channel it is back",
      unarchivedNotice(community, command.user_id),
    );
    return unarchivedReply(community);
  },
};
