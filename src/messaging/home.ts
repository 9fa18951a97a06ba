import type { WebClient } from "@slack/web-api";
import { HOME_ACTIONS_SHOWN } from "../domain/meetings/actions";
import { HOME_MEETINGS_SHOWN } from "../domain/meetings/meetings";
import type { WorkspaceKey } from "../domain/ports";
import type { Services } from "../services";
import { homeActionsBlocks } from "../views/actions";
import { HOME_COMMUNITIES_SHOWN, homeView } from "../views/home";

/** Draws a person's App Home: their next meetings, their open actions and their communities. */
export async function publishHome(client: WebClient, services: Services, workspace: WorkspaceKey, userId: string): Promise<void> {
  const [entries, upcoming, open] = await Promise.all([
    services.memberships.home(workspace, userId),
    services.meetings.upcomingFor(workspace, userId, HOME_MEETINGS_SHOWN),
    services.actions.openFor(workspace, userId, HOME_ACTIONS_SHOWN),
  ]);
  // Coverage of the shown communities the reader organises, and each one's journey since its last
  // digest: a fixed number of reads for all of them.
  const shown = entries.slice(0, HOME_COMMUNITIES_SHOWN);
  const [coverage, journeys] = await Promise.all([
    services.coverage.forOrganiser(shown),
    services.journey.summaries(shown.map((e) => ({ community: e.community, since: services.digests.sinceNow(e.community) }))),
  ]);
  const communities = entries.map((e) => ({ ...e, coverage: coverage.get(e.community.id), journey: journeys.get(e.community.id) }));
  const view = homeView(communities, upcoming.items, (id) => services.calendarLinks.url(id), homeActionsBlocks(open, services.clock.now()));
  await client.views.publish({ user_id: userId, view });
}
