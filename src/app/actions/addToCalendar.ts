import type { Services } from "../../services";
import { onAction } from "../support/action";

/** The Add to calendar link button: the browser fetches the file; Slack still reports the click, which must be acked. */
export function addToCalendarAction(services: Services) {
  return onAction(services, async () => undefined);
}
