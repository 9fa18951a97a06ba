import type { App } from "@slack/bolt";
import { ACTION } from "../../views/ids";

/** The Add to calendar link button: the browser fetches the file; Slack still reports the click, which must be acked. */
export function registerAddToCalendar(app: App): void {
  app.action(ACTION.addToCalendar, async ({ ack }) => {
    await ack();
  });
}
