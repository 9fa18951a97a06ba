// The community page's cache: one build for many views, the old page served while a new one is built.
import { ManualClock } from "../../src/domain/common/clock";
import { PageCache } from "../../src/web/community/pageCache";

function deferred() {
  let resolve!: (html: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("the page cache", () => {
  it("builds once for views that arrive together, and keeps the page for its time to live", async () => {
    const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));
    const cache = new PageCache(clock, 2000);
    let builds = 0;
    const build = async () => `page ${++builds}`;
    const pages = await Promise.all([cache.get("c", build), cache.get("c", build)]);
    expect(pages.map((p) => p.html)).toEqual(["page 1", "page 1"]);
    clock.advance(1999);
    expect((await cache.get("c", build)).html).toBe("page 1");
    expect(builds).toBe(1);
  });

  it("serves the old page while one new build runs, then the new one", async () => {
    const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));
    const cache = new PageCache(clock, 2000);
    await cache.get("c", async () => "old");
    clock.advance(2001);
    const next = deferred();
    let builds = 0;
    const build = () => {
      builds++;
      return next.promise;
    };
    expect((await cache.get("c", build)).html).toBe("old");
    expect((await cache.get("c", build)).html).toBe("old");
    expect(builds).toBe(1);
    next.resolve("new");
    await next.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get("c", build)).html).toBe("new");
  });

  it("keeps the old page when a rebuild fails, and forgets a first build that fails", async () => {
    const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));
    const cache = new PageCache(clock, 2000);
    await expect(cache.get("d", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect((await cache.get("d", async () => "second try")).html).toBe("second try");
    clock.advance(2001);
    expect((await cache.get("d", async () => Promise.reject(new Error("down again")))).html).toBe("second try");
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get("d", async () => "third")).html).toBe("second try");
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get("d", async () => "fourth")).html).toBe("third");
  });
});
