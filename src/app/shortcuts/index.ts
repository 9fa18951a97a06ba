import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { registerLogProblemFromMessage } from "./logProblemFromMessage";

export function registerShortcuts(app: App, services: Services): void {
  registerLogProblemFromMessage(app, services);
}
