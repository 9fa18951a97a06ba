// Shortcuts (global, or on a message): which callback_id each listener answers.
// Each is also declared in manifest.yml.
import type { App, MessageShortcut } from "@slack/bolt";
import type { Services } from "../../services";
import { CALLBACK } from "../../views/ids";
import { addToAgendaFromMessageShortcut } from "./addToAgendaFromMessage";
import { logProblemFromMessageShortcut } from "./logProblemFromMessage";

export function registerShortcuts(app: App, services: Services): void {
  app.shortcut<MessageShortcut>(
    { callback_id: CALLBACK.logProblemFromMessage, type: "message_action" },
    logProblemFromMessageShortcut(services),
  );
  app.shortcut<MessageShortcut>(
    { callback_id: CALLBACK.addToAgendaFromMessage, type: "message_action" },
    addToAgendaFromMessageShortcut(services),
  );
}
