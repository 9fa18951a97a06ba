// GET /export/<community id>/<file>?expires=…&sig=… : a community's journey as
// a GOV.UK step-by-step draft (JSON) or its service landscape (CSV), built from
// the data as it is when the link is opened. See exportLinks.ts for the links.
import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { landscapeRows, stepByStepDraft } from "../domain/journey/exports";
import { labelOfKey, organisationKey } from "../domain/members/coverage";
import { exportWords } from "../i18n";
import type { Services } from "../services";
import { csv } from "./csv";
import { isExportKind } from "./exportLinks";

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/** A file name a download keeps: the community's slug, what it is, and the date. */
function fileName(slug: string, kind: string, now: Date): string {
  return `${slug}-${kind.replace(/\.(json|csv)$/, "")}-${now.toISOString().slice(0, 10)}.${kind.endsWith(".csv") ? "csv" : "json"}`;
}

export function exportRoute(services: Services): CustomRoute {
  return {
    path: "/export/:community/:file",
    method: ["GET"],
    handler: (req, res) => {
      const params = (req as { params?: Record<string, string> }).params ?? {};
      const communityId = params.community ?? "";
      const kind = params.file ?? "";
      const query = new URL(req.url ?? "/", "http://localhost").searchParams;
      const now = services.clock.now();
      if (!isExportKind(kind)) return reply(res, 404, exportWords.notFound);
      const check = services.exportLinks.check(communityId, kind, query.get("expires") ?? "", query.get("sig") ?? "", now);
      if (check === "invalid") return reply(res, 404, exportWords.notFound);
      if (check === "expired") return reply(res, 410, exportWords.expired);
      services.journey.exportData(communityId).then(
        ({ community, stages, figures, facts }) => {
          const headers = {
            "content-disposition": `attachment; filename="${fileName(community.slug, kind, now)}"`,
            "cache-control": "no-store",
          };
          if (kind === "step-by-step.json") {
            const draft = stepByStepDraft(community, stages, {
              title: exportWords.stepByStepTitle,
              introduction: exportWords.stepByStepIntroduction,
            });
            res.writeHead(200, { ...headers, "content-type": "application/json; charset=utf-8" });
            res.end(`${JSON.stringify({ title: draft.title, details: { step_by_step_nav: draft } }, null, 2)}\n`);
            return;
          }
          const rows = landscapeRows(stages, figures, facts, organisationKey);
          const body = csv([
            exportWords.landscapeHeadings,
            ...rows.map((r) => [
              r.stageNumber,
              r.stage,
              r.organisationKey ? labelOfKey(r.organisationKey) : "",
              exportWords.landscapeRoles[r.role],
              r.openProblems,
              r.objectives,
              r.members,
            ]),
          ]);
          res.writeHead(200, { ...headers, "content-type": "text/csv; charset=utf-8" });
          res.end(body);
        },
        (error: unknown) => {
          const code = (error as { code?: string }).code;
          if (code === "not_found" || code === "gone") reply(res, 404, exportWords.communityGone);
          else {
            services.logger.error({ err: error, communityId }, "could not serve a journey export");
            reply(res, 500, exportWords.failed);
          }
        },
      );
    },
  };
}
