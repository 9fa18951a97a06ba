// The web layer's shared parts, made once by the composition root: the assets,
// the templates, the security headers, form tokens and the form rate limit.
// Every page route is made with pageRoute(kit, …) (pageRoute.ts), which uses them.
import type { Logger } from "pino";
import type { Config } from "../../config";
import type { Clock } from "../../domain/common/clock";
import { webSecret } from "../linkSecret";
import { Assets } from "./assets";
import { CsrfTokens } from "./csrf";
import { RateLimiter } from "./rateLimit";
import { onGovUk, Renderer } from "./renderer";
import { type HeaderList, securityHeaders } from "./securityHeaders";

export const DEFAULT_FORMS_PER_MINUTE = 30;

export interface WebKit {
  assets: Assets;
  renderer: Renderer;
  /** Set on every page, error page and asset. */
  headers: HeaderList;
  csrf: CsrfTokens;
  /** Form submissions by client address. */
  forms: RateLimiter;
  /** PUBLIC_URL is https: HSTS is sent, and the form cookie is `__Host-` and Secure. */
  https: boolean;
  trustedProxies: number;
  clock: Clock;
  logger: Logger;
  /**
   * Work a page starts and does not wait for (a cached page rebuilt in the background):
   * counted with the listeners' work after their acks, so a stop waits for it and tests can too.
   */
  track<T>(work: Promise<T>): Promise<T>;
}

export function createWebKit({
  config,
  clock,
  logger,
  track = (work) => work,
}: {
  config: Config;
  clock: Clock;
  logger: Logger;
  track?: <T>(work: Promise<T>) => Promise<T>;
}): WebKit {
  const https = config.publicUrl.startsWith("https:");
  const assets = new Assets();
  return {
    assets,
    renderer: new Renderer(assets, { govukBranding: onGovUk(config.publicUrl) }),
    headers: securityHeaders({ https }),
    csrf: new CsrfTokens(webSecret(config)),
    forms: new RateLimiter(config.webFormsPerMinute ?? DEFAULT_FORMS_PER_MINUTE, clock),
    https,
    trustedProxies: config.trustedProxies ?? 0,
    clock,
    logger: logger.child({ component: "web" }),
    track,
  };
}
