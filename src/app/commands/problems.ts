import { isProblemFilter, type ProblemFilter } from "../../domain/problems/problems";
import { problemListMessage } from "../../views/problemList";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

/** "[community] [open|objectives|solved|all]": the filter is the last word, if it is one. */
export function parseProblemsArgs(args: string): { query: string; filter: ProblemFilter } {
  const words = args.split(/\s+/).filter(Boolean);
  const last = words.at(-1)?.toLowerCase();
  if (last && isProblemFilter(last)) return { query: words.slice(0, -1).join(" "), filter: last };
  return { query: words.join(" "), filter: "open" };
}

export const problems: Subcommand = {
  name: "problems",
  topic: "problems",
  usage: "/community problems [name] [open|objectives|solved|all]",
  summary: "See a community's problems, most votes first, and vote on them. Open (the default) includes objectives.",
  async reply({ args, command, context, services }) {
    const { query, filter } = parseProblemsArgs(args);
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(query),
      command.channel_id,
      namingCommunity(problems.usage),
    );
    return problemListMessage(await services.problems.page(community, filter, command.user_id, 0));
  },
};
