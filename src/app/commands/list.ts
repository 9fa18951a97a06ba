import type { Context } from "@slack/bolt";
import type { Services } from "../../services";
import { communityListMessage } from "../../views/communityList";
import { workspaceOf } from "../support/workspace";
import type { Subcommand } from "./subcommand";

/** One page of the list for this reader (shared with the pager buttons). */
export async function listPage(services: Services, context: Context, userId: string, page: number) {
  return communityListMessage(await services.communities.list(workspaceOf(context), userId, page));
}

export const list: Subcommand = {
  name: "list",
  topic: "start",
  aliases: ["ls", "all"],
  usage: "/community list",
  summary: "See every community in this workspace, with member counts, channels and a Join button.",
  reply({ command, context, services }) {
    return listPage(services, context, command.user_id, 0);
  },
};
