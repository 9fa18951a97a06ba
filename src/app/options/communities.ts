import type { App } from "@slack/bolt";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import type { Services } from "../services";
import { workspaceOf } from "../workspace";

/** The community picker in the join modal. */
export function registerCommunityOptions(app: App, services: Services): void {
  app.options(ACTION.community, async ({ ack, options, context }) => {
    const matches = await services.communities.search(workspaceOf(context), options.value ?? "", 100);
    await ack({ options: matches.map((c) => option(c.name, c.id)) });
  });
}
