import type { App } from "@slack/bolt";
import { boundedQuery } from "../../domain/common/inputLimits";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";
import { answerOptions } from "./answer";

/** The community pickers: every community (join), or the reader's own first (problem). */
export function registerCommunityOptions(app: App, services: Services): void {
  app.options(ACTION.community, async ({ ack, options, context }) => {
    await answerOptions(ack, services.logger, async () => {
      const matches = await services.communities.search(workspaceOf(context), boundedQuery(options.value), 100);
      return matches.map((c) => option(c.name, c.id));
    });
  });
  app.options(ACTION.problemCommunity, async ({ ack, options, body, context }) => {
    await answerOptions(ack, services.logger, async () => {
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
  });
}
