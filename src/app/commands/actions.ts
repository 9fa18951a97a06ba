import { AppError } from "../../domain/common/errors";
import type { ActionFilter } from "../../domain/meetings/actions";
import { actionsListMessage } from "../../views/actions";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

const FILTERS: readonly ActionFilter[] = ["mine", "open", "done"];

/** "Starting a business done" is the community and the list; "done" alone is the channel's community's. */
function splitFilter(args: string): { name: string; filter: ActionFilter } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1)?.toLowerCase();
  if (last && (FILTERS as readonly string[]).includes(last)) return { name: words.slice(0, -1).join(" "), filter: last as ActionFilter };
  return { name: words.join(" "), filter: "open" };
}

export const actions: Subcommand = {
  name: "actions",
  topic: "meetings",
  aliases: ["action"],
  usage: "/community actions [name] [mine|open|done]",
  summary:
    "The actions agreed at meetings, soonest due first: everyone's open ones, only yours (mine), or those done. Close one with Done; its owner can also change its date from their direct message.",
  async reply({ args, command, context, services }) {
    const { name, filter } = splitFilter(args);
    const workspace = workspaceOf(context);
    let community;
    try {
      community = await services.communities.resolve(workspace, communityQuery(name), command.channel_id, namingCommunity(actions.usage), {
        soleMembershipOf: command.user_id,
      });
    } catch (error) {
      // "/community actions urgent": a one-word list name that is not one is likelier than a community.
      if (error instanceof AppError && error.code === "not_found" && name && !name.includes(" ") && filter === "open") {
        throw new AppError("invalid_input", { key: "action.filter", typed: name });
      }
      throw error;
    }
    return actionsListMessage(await services.actions.page(community, command.user_id, filter, 0), services.clock.now());
  },
};
