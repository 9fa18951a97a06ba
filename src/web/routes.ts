// Every web page's route, in one place (as src/app/*/index.ts bind Slack's ids to
// handlers): the assets first, each page, and last the 404 page for any other GET
// (Bolt tries routes in order, and the first whose path matches answers).
import type { CustomRoute } from "@slack/bolt";
import type { Services } from "../services";
import { assetRoute } from "./kit/assetRoute";
import { notFoundRoute } from "./kit/fallbacks";
import type { WebKit } from "./kit/webKit";

export function webRoutes(_services: Services, kit: WebKit): CustomRoute[] {
  return [assetRoute(kit), notFoundRoute(kit)];
}
