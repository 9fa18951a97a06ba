import type { App } from "@slack/bolt";
import { homeView } from "../../views/home";
import type { Services } from "../services";
import { workspaceOf } from "../workspace";

/** App Home: the reader's communities and their role in each. */
export function registerAppHomeOpened(app: App, services: Services): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const entries = await services.memberships.home(workspaceOf(context), event.user);
    await client.views.publish({ user_id: event.user, view: homeView(entries) });
  });
}
