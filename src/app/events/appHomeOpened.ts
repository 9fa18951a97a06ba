import type { Middleware, SlackEventMiddlewareArgs } from "@slack/bolt";
import { publishHome } from "../../messaging/home";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** App Home: the reader's next meetings, their communities and their role in each. */
export function appHomeOpened(services: Services): Middleware<SlackEventMiddlewareArgs<"app_home_opened">> {
  return async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    await publishHome(client, services, workspaceOf(context), event.user);
  };
}
