// Events (Bolt acks them itself): which event type each listener answers. Each
// is also subscribed in manifest.yml, and counted in observability/requests.ts.
import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { appHomeOpened } from "./appHomeOpened";
import { memberJoinedChannel } from "./memberJoinedChannel";

export function registerEvents(app: App, services: Services): void {
  app.event("app_home_opened", appHomeOpened(services));
  app.event("member_joined_channel", memberJoinedChannel(services));
}
