import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { registerCommunityOptions } from "./communities";
import { registerOrganisationOptions } from "./organisations";
import { registerProblemOptions } from "./problems";
import { registerTimezoneOptions } from "./timezones";

export function registerOptions(app: App, services: Services): void {
  registerOrganisationOptions(app, services);
  registerTimezoneOptions(app, services);
  registerCommunityOptions(app, services);
  registerProblemOptions(app, services);
}
