// GET /c/<community id>/<slug>[?key=…]: a community's web page (see
// communityPageLinks.ts for its address, and README, "The community page").
// Who may open it is checked on every request (from the community's row, as it was
// at most 2 seconds ago: CommunityPageService.access); what it shows is cached for a
// moment (pageCache.ts).
import type { CustomRoute } from "@slack/bolt";
import { webWords } from "../../i18n";
import type { Services } from "../../services";
import { pageRoute } from "../kit/pageRoute";
import { errorPage } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { PageCache } from "./pageCache";
import { presentCommunityPage } from "./presenter";

export function communityPageRoute(services: Services, kit: WebKit, options: { slackWeb: string }): CustomRoute {
  const cache = new PageCache(kit.clock, 2000, kit.track);
  const words = webWords.communityPage;
  return pageRoute(kit, {
    path: "/c/:community{/:slug}",
    async get(r) {
      const community = await services.communityPages.access(r.params.community ?? "");
      const access = services.communityPageLinks.check(community, r.query.get("key"));
      if (access === "missing") return errorPage({ status: 404, ...words.private });
      if (access === "retired") return errorPage({ status: 410, ...words.retired });
      if (access === "invalid") return errorPage("link_invalid");
      if (community.archivedAt) return errorPage({ status: 410, ...words.archived(community.name) });
      const page = await cache.get(community.id, async () => {
        const data = await services.communityPages.read(community.id);
        // The calendar files are on this server: a path, so they open from whatever address the page was reached at.
        const calendar = (id: string) => {
          const url = new URL(services.calendarLinks.url(id));
          return `${url.pathname}${url.search}`;
        };
        const view = presentCommunityPage(data, { calendar, slackWeb: options.slackWeb });
        return kit.renderer.render("community/community.njk", { view });
      });
      return { kind: "html", html: page.html, gzip: page.gzip };
    },
  });
}
