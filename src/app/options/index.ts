// Options (the type-ahead of external selects): which action_id each listener
// answers. Every listener acks with its choices, or with none when something
// goes wrong (support/options.ts).
import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { ACTION } from "../../views/ids";
import { affectedOrganisationOptions } from "./affectedOrganisations";
import { communityOptions } from "./communities";
import { organisationOptions } from "./organisations";
import { problemCommunityOptions } from "./problemCommunities";
import { duplicateProblemOptions } from "./problems";
import { timezoneOptions } from "./timezones";

export function registerOptions(app: App, services: Services): void {
  app.options(ACTION.organisation, organisationOptions(services));
  app.options(ACTION.organisations, affectedOrganisationOptions(services));
  app.options(ACTION.timezone, timezoneOptions(services));
  app.options(ACTION.community, communityOptions(services));
  app.options(ACTION.problemCommunity, problemCommunityOptions(services));
  app.options(ACTION.meetingCommunity, problemCommunityOptions(services));
  app.options(ACTION.problemPicker, duplicateProblemOptions(services));
}
