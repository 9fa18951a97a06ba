// Names and message shapes shared by bench/servers.ts and bench/ackLatency.ts.
// (Importing servers.ts itself would start its servers, so they live here.)

export const BENCH_TEAM_ID = "T0TEST";
/** The user who runs the commands; a member of a few of the seeded communities. */
export const BENCH_USER_ID = "U0BENCH";
export const COMMUNITY_COUNT = 500;

export interface FakeReady {
  role: "fake";
  /** Base URL of the fake; response_url values are `${baseUrl}/response/<n>`. */
  baseUrl: string;
  apiUrl: string;
}

export interface AppsReady {
  role: "apps";
  appPort: number;
  barePort: number;
  communities: number;
  memberships: number;
  seedMs: number;
  pid: number;
}

/** Printed by the fake on SIGTERM: what the app sent to response_url. */
export interface FakeStats {
  role: "fake-stats";
  responses: number;
  /** Posts without blocks, or with the app's "something went wrong" text. */
  badResponses: number;
  badSamples: unknown[];
  apiCalls: Record<string, number>;
}

/** The apps process's answer to "stats" on its stdin: its event loop since the last answer. */
export interface AppsStats {
  role: "apps-stats";
  /** Share of the time the loop was busy (1 = saturated). */
  eventLoopUtilization: number;
  /** How late a 1 ms timer fired (ms): how long the loop was blocked at a time. */
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The V8 flags of the README's production command (see "Running in production"). */
export const PRODUCTION_NODE_FLAGS = ["--max-semi-space-size=1", "--liftoff-only"];

/** A port nothing listens on now, for a process the benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = require("node:net").createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = server.address().port;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` every 5 ms until it answers 200 (true) or `deadline` (performance.now()) passes (false). */
export async function firstOk(url: string, deadline: number): Promise<boolean> {
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}
