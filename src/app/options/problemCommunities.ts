import { boundedQuery } from "../../domain/common/inputLimits";
import type { Services } from "../../services";
import { option } from "../../views/blocks";
import { onOptions } from "../support/options";
import { workspaceOf } from "../support/workspace";

/** The problem and meeting forms' community picker: the reader's own communities first. */
export function problemCommunityOptions(services: Services) {
  return onOptions(services, async ({ options, body, context }) => {
    const workspace = workspaceOf(context);
    const [matches, mine] = await Promise.all([
      services.communities.search(workspace, boundedQuery(options.value), 100),
      services.memberships.home(workspace, body.user.id),
    ]);
    const own = new Set(mine.map((m) => m.community.id));
    // Anyone may log a problem anywhere, but most log them in their own communities.
    const ordered = [...matches.filter((c) => own.has(c.id)), ...matches.filter((c) => !own.has(c.id))];
    return ordered.map((c) => option(c.name, c.id));
  });
}
