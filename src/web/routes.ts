// Every web page's route, in one place (as src/app/*/index.ts bind Slack's ids to
// handlers): the assets first, each page, and last the 404 page for any other GET
// (Bolt tries routes in order, and the first whose path matches answers).
import type { CustomRoute } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../services";
import { communityPageRoute } from "./community/communityPageRoute";
import { assetRoute } from "./kit/assetRoute";
import { notFoundRoute } from "./kit/fallbacks";
import type { WebKit } from "./kit/webKit";
import { actionPageRoute } from "./pages/actionPage";
import { emailSettingsPageRoute, unsubscribeRoute } from "./pages/emailSettingsPage";
import { invitationAnsweredRoute, invitationPageRoute } from "./pages/invitationPage";
import { meetingPageRoute } from "./pages/meetingPage";
import { problemPageRoute } from "./pages/problemPage";
import { roundPageRoute } from "./pages/roundPage";

/**
 * `slack`: what a page uses to tell Slack what happened (a new member announced, a card redrawn).
 * `slackWeb`: Slack's web address (from SLACK_API_URL), for links to a community's channel.
 */
export function webRoutes(services: Services, kit: WebKit, slack: WebClient, options: { slackWeb: string }): CustomRoute[] {
  return [
    assetRoute(kit),
    communityPageRoute(services, kit, options),
    invitationPageRoute(services, kit, slack),
    invitationAnsweredRoute(services, kit),
    meetingPageRoute(services, kit, slack),
    problemPageRoute(services, kit, slack),
    actionPageRoute(services, kit, slack),
    roundPageRoute(services, kit),
    emailSettingsPageRoute(services, kit),
    unsubscribeRoute(services, kit),
    notFoundRoute(kit),
  ];
}
