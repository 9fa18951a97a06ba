import type { App } from "@slack/bolt";
import type { Services } from "../services";
import { registerCreateCommunitySubmission } from "./createCommunity";
import { registerJoinCommunitySubmission } from "./joinCommunity";

export function registerViews(app: App, services: Services): void {
  registerCreateCommunitySubmission(app, services);
  registerJoinCommunitySubmission(app, services);
}
