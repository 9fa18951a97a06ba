// GET /assets/<file>: GOV.UK Frontend's CSS, JavaScript, fonts and images, and
// ours (see assets.ts). A versioned address (?v=<the file's hash>) and the
// fingerprinted fonts are kept by browsers for a year; anything else for a day.
// ETags answer a browser that asks again with 304, and gzip goes to those that take it.
import type { CustomRoute } from "@slack/bolt";
import { sendResult } from "./pageRoute";
import { applyHeaders } from "./securityHeaders";
import type { WebKit } from "./webKit";

const YEAR = 365 * 24 * 60 * 60;
const DAY = 24 * 60 * 60;

export function assetRoute(kit: WebKit): CustomRoute {
  return {
    path: "/assets/*file",
    method: ["GET", "HEAD"],
    handler: (req, res) => {
      const parts = (req as { params?: { file?: string[] | string } }).params?.file ?? [];
      const name = Array.isArray(parts) ? parts.join("/") : parts;
      const asset = kit.assets.get(name);
      if (!asset) return sendResult(kit, res, { kind: "error", error: "not_found" });
      const version = new URL(req.url ?? "/", "http://localhost").searchParams.get("v");
      const immutable = asset.fingerprinted || version === asset.hash;
      const etag = `"${asset.hash}"`;
      applyHeaders(res, kit.headers);
      res.setHeader("cache-control", immutable ? `public, max-age=${YEAR}, immutable` : `public, max-age=${DAY}`);
      res.setHeader("etag", etag);
      res.setHeader("vary", "accept-encoding");
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304);
        res.end();
        return;
      }
      const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const body = gzip ? asset.gzip! : asset.body;
      res.writeHead(200, {
        "content-type": asset.type,
        "content-length": body.length,
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(body);
    },
  };
}
