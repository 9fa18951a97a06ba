// A community's web page address: /c/<community id>/<slug>. The id finds it (a slug is
// unique only in its workspace); the slug is there for people to read, and is not checked.
//
// A link-only page (the default) opens only with its signed address, `?key=` an HMAC
// of the community's id and its page version under a key of its own (derived from the
// link secret under "community-page-links"). Organisers retire every address given out
// so far by moving the version on in /community settings: an old key then matches an
// earlier version, and the page says the address has changed and whom to ask, rather
// than that it never existed. A public page opens with or without a key.
import type { CommunityRecord } from "../domain/ports";
import { derivedKey, mac, sameMac } from "./linkSecret";

export type PageAccess =
  /** Open it. */
  | "ok"
  /** Link-only, and the address has no key. */
  | "missing"
  /** A key for an earlier version: organisers have changed the address since. */
  | "retired"
  /** A key we did not make for this community. */
  | "invalid";

/** How many earlier versions a key is recognised as retired from (older ones are just invalid). */
const RECOGNISED_VERSIONS = 100;

export class CommunityPageLinks {
  private readonly key: Buffer;

  constructor(
    private readonly publicUrl: string,
    secret: string,
  ) {
    this.key = derivedKey(secret, "community-page-links");
  }

  private signature(communityId: string, version: number): string {
    return mac(this.key, `${communityId}\n${version}`);
  }

  /** The page's path on this server, signed when it is link-only. */
  path(community: Pick<CommunityRecord, "id" | "slug" | "page">): string {
    const path = `/c/${encodeURIComponent(community.id)}/${encodeURIComponent(community.slug)}`;
    return community.page.visibility === "public" ? path : `${path}?key=${this.signature(community.id, community.page.version)}`;
  }

  /** The page's full address, to share (in Slack, in emails). */
  url(community: Pick<CommunityRecord, "id" | "slug" | "page">): string {
    return `${this.publicUrl.replace(/\/+$/, "")}${this.path(community)}`;
  }

  check(community: Pick<CommunityRecord, "id" | "page">, key: string | null): PageAccess {
    if (community.page.visibility === "public") return "ok";
    if (!key) return "missing";
    const { version } = community.page;
    if (sameMac(key, this.signature(community.id, version))) return "ok";
    for (let earlier = version - 1; earlier >= Math.max(0, version - RECOGNISED_VERSIONS); earlier--) {
      if (sameMac(key, this.signature(community.id, earlier))) return "retired";
    }
    return "invalid";
  }
}
