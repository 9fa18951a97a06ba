// GET /metrics for Prometheus. Only mounted when metrics are configured (off,
// the path is a plain 404). With METRICS_TOKEN set, a scrape must send
// `Authorization: Bearer <token>`; the comparison takes the same time whatever
// the guess, so the token cannot be found a character at a time.
import { createHash, timingSafeEqual } from "node:crypto";
import type { CustomRoute } from "@slack/bolt";

export interface MetricsSource {
  render(): Promise<string>;
  contentType: string;
}

export const METRICS_PATH = "/metrics";

/** Hashing first gives both sides one length, which timingSafeEqual needs, without revealing the token's. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

export function metricsRoute(metrics: MetricsSource, token?: string): CustomRoute {
  const expected = token ? digest(token) : undefined;
  return {
    path: METRICS_PATH,
    method: ["GET"],
    handler: (req, res) => {
      if (expected) {
        const header = req.headers.authorization ?? "";
        const given = /^Bearer (.+)$/i.exec(header)?.[1]?.trim() ?? "";
        if (!timingSafeEqual(digest(given), expected)) {
          res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' });
          res.end("A valid METRICS_TOKEN is required: send Authorization: Bearer <token>.\n");
          return;
        }
      }
      metrics.render().then(
        (text) => {
          res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" });
          res.end(text);
        },
        () => {
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end("The metrics could not be collected.\n");
        },
      );
    },
  };
}
