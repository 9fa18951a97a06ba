// Rendered pages kept for a moment, so a page opened by many people at once (a
// link in a newsletter, a meeting's agenda) is read from the database and
// rendered once every few seconds rather than once a view. Each replica keeps
// its own. A page older than its time to live (2 seconds, as the community
// list's snapshot: see src/domain/communities/directory.ts) is still served while
// one request builds the new one in the background, so no view waits on a
// rebuild but the first: a change shows within the time to live and one build.
// Timed by the app's clock, so tests move time rather than wait. Who may open a
// page is checked before the cache, every view (CommunityPageService.access).
import { gzipSync } from "node:zlib";
import type { Clock } from "../../domain/common/clock";

export interface RenderedPage {
  html: string;
  gzip: Buffer;
}

interface Entry {
  /** The page being built, or last built. */
  page: Promise<RenderedPage>;
  /** The last page built, served while a newer one is built. */
  ready?: RenderedPage;
  until: number;
  rebuilding: boolean;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();

  /** `track`: a rebuild no view waits for is handed to it (the app counts it as work in flight). */
  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 2000,
    private readonly track: <T>(work: Promise<T>) => Promise<T> = (work) => work,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, build: () => Promise<string>): Promise<RenderedPage> {
    const now = this.clock.now().getTime();
    const found = this.entries.get(key);
    if (found && found.until > now) return found.page;
    if (found?.ready) {
      if (!found.rebuilding) this.rebuild(key, found, build);
      return Promise.resolve(found.ready);
    }
    if (found) return found.page;
    const entry: Entry = { page: this.built(build), until: Number.POSITIVE_INFINITY, rebuilding: true };
    this.keep(key, entry);
    entry.page.then(
      (page) => this.settle(entry, page),
      // A failed first build is not kept: the next request tries again.
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    return entry.page;
  }

  private rebuild(key: string, entry: Entry, build: () => Promise<string>): void {
    entry.rebuilding = true;
    void this.track(this.built(build)).then(
      (page) => {
        entry.page = Promise.resolve(page);
        this.settle(entry, page);
      },
      // A failed rebuild keeps the page it had, and the next request tries again.
      () => {
        entry.rebuilding = false;
      },
    );
    this.keep(key, entry);
  }

  private settle(entry: Entry, page: RenderedPage): void {
    entry.ready = page;
    entry.until = this.clock.now().getTime() + this.ttlMs;
    entry.rebuilding = false;
  }

  private built(build: () => Promise<string>): Promise<RenderedPage> {
    return build().then((html) => ({ html, gzip: gzipSync(html) }));
  }

  /** Most recently used last; the oldest goes when there are too many. */
  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
