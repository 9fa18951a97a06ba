// The security headers of every web page, error page and asset, set by helmet
// once at start (they never change between requests) and then copied onto each
// response.
//
// The Content-Security-Policy allows scripts only from this server, plus the one
// inline script GOV.UK Frontend's page template has (it marks the body
// `govuk-frontend-supported` before anything renders), by its hash, as the
// design system documents for a CSP: no nonce, so a page's HTML does not change
// per request and may be cached. The hash is worked out from the installed
// package's template, so an upgrade that changes the script cannot silently
// break it. HSTS only when PUBLIC_URL is https: over http it would mean nothing
// to a browser, and on localhost it would pin a developer's machine to https.
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import helmet from "helmet";
import { GOVUK_DIST } from "./paths";

/** The sha256 source of the template's inline script, as a CSP source ('sha256-…'). */
export function govukInlineScriptHash(): string {
  const template = fs.readFileSync(path.join(GOVUK_DIST, "govuk", "template.njk"), "utf8");
  const script = /<script[^>]*>([^<]+)<\/script>/.exec(template)?.[1];
  if (!script) throw new Error("govuk-frontend's template.njk has no inline script to hash: check the CSP in securityHeaders.ts");
  return `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
}

export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** The headers helmet sets, worked out once. */
export function securityHeaders(options: { https: boolean }): HeaderList {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", govukInlineScriptHash()],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
    // Signed addresses live in the URL: no other site is told them through a Referer.
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
  });
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => undefined,
  };
  middleware({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export function applyHeaders(res: ServerResponse, headers: HeaderList): void {
  for (const [name, value] of headers) res.setHeader(name, value);
}
