// Rendered pages kept for a moment, so a page opened by many people at once (a
// link in a newsletter, a meeting's agenda) is read from the database and
// rendered once every few seconds rather than once a view. Each replica keeps
// its own; a change shows within the time to live (2 seconds, as the community
// list's snapshot: see src/domain/communities/directory.ts). Requests that miss
// together share one build. Timed by the app's clock, so tests move time rather
// than wait. Who may open a page is never cached: the route checks that first.
import { gzipSync } from "node:zlib";
import type { Clock } from "../../domain/common/clock";

export interface RenderedPage {
  html: string;
  gzip: Buffer;
}

interface Entry {
  page: Promise<RenderedPage>;
  until: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 2000,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, build: () => Promise<string>): Promise<RenderedPage> {
    const now = this.clock.now().getTime();
    const found = this.entries.get(key);
    if (found && found.until > now) return found.page;
    const page = build().then((html) => ({ html, gzip: gzipSync(html) }));
    this.entries.delete(key);
    this.entries.set(key, { page, until: now + this.ttlMs });
    // A failed build is not kept: the next request tries again.
    page.catch(() => {
      if (this.entries.get(key)?.page === page) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return page;
  }

  /** Forget a page (its community's settings or charter changed on this replica). */
  drop(key: string): void {
    this.entries.delete(key);
  }
}
