// Journey exports are served from the bot's own HTTP server at short-lived
// signed links, like calendar files (see README, "Journey exports"): nothing is
// uploaded to Slack, so no extra scope is needed and no copy goes stale in a
// channel, and a link is good for one community, one file, for an hour. The
// signature is an HMAC under a key derived from the app's secret, so rotating
// that secret retires every link.
import { createHmac, timingSafeEqual } from "node:crypto";

export const EXPORT_KINDS = ["step-by-step.json", "service-landscape.csv"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** How long a link works: long enough to click it from Slack, short enough that a forwarded one dies soon. */
export const EXPORT_LINK_TTL_MS = 60 * 60_000;

export function isExportKind(kind: string): kind is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(kind);
}

export class ExportLinks {
  private readonly key: Buffer;

  constructor(
    private readonly publicUrl: string,
    secret: string,
  ) {
    this.key = createHmac("sha256", "service-communities:export-links").update(secret).digest();
  }

  private signature(communityId: string, kind: ExportKind, expires: number): string {
    return createHmac("sha256", this.key).update(`${communityId}\n${kind}\n${expires}`).digest("base64url").slice(0, 32);
  }

  /** A link to `kind` for the community, good until `now` plus the TTL. */
  url(communityId: string, kind: ExportKind, now: Date): string {
    const expires = Math.floor((now.getTime() + EXPORT_LINK_TTL_MS) / 1000);
    const base = this.publicUrl.replace(/\/+$/, "");
    return `${base}/export/${encodeURIComponent(communityId)}/${kind}?expires=${expires}&sig=${this.signature(communityId, kind, expires)}`;
  }

  /** "ok", or why the link does not open: a bad signature and an expired link are told apart only for the person's benefit. */
  check(communityId: string, kind: ExportKind, expiresText: string, signature: string, now: Date): "ok" | "invalid" | "expired" {
    const expires = Number(expiresText);
    if (!Number.isInteger(expires) || expires <= 0) return "invalid";
    const expected = Buffer.from(this.signature(communityId, kind, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
    return now.getTime() > expires * 1000 ? "expired" : "ok";
  }
}
