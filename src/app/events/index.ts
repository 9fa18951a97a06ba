import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { registerAppHomeOpened } from "./appHomeOpened";
import { registerMemberJoinedChannel } from "./memberJoinedChannel";

export function registerEvents(app: App, services: Services): void {
  registerAppHomeOpened(app, services);
  registerMemberJoinedChannel(app, services);
}
