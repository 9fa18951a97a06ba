import type { App } from "@slack/bolt";
import { publishHome } from "../../messaging/home";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** App Home: the reader's next meetings, their communities and their role in each. */
export function registerAppHomeOpened(app: App, services: Services): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    await publishHome(client, services, workspaceOf(context), event.user);
  });
}
