// A test file's world (its community, members, channels), built once and copied for each test.
//
// Most flow files start every test from the same world: a community and a few members, seeded
// through the domain services (seed.ts). Seeding is a few dozen queries, about 70 ms a test, and
// a file of fifty tests spent most of its time on it. So the first test of a file builds the world
// on a harness of its own and snapshots it: the database (a copy of the SQLite file; on
// PostgreSQL every table's rows), Slack's side (channels, members, zones) and the clock. Each test
// then starts a new app on a copy of that snapshot, as the app would start after a restart: what
// the test sees is the same rows in the same order, and nothing in memory carries over from the
// seeding or from the test before.
import { type Harness, type HarnessSnapshot, startHarness } from "./harness";

export interface WorldStart<T> {
  h: Harness;
  /** What the builder returned (ids and the like): the same for every test of the file, so frozen. */
  world: Readonly<T>;
}

/**
 * `build` seeds the world on a harness of its own and returns what the tests need to know
 * about it; call it at the top of a test file, and `start()` in beforeEach (close `h` in afterEach).
 */
export function seededWorld<T>(build: (h: Harness) => Promise<T>, options: { overrides?: Parameters<typeof startHarness>[0] } = {}) {
  let built: Promise<{ snapshot: HarnessSnapshot; world: Readonly<T> }> | undefined;
  afterAll(async () => {
    const done = await built?.catch(() => undefined);
    done?.snapshot.database.discard();
  });
  return {
    async start(): Promise<WorldStart<T>> {
      built ??= (async () => {
        const h = await startHarness(options.overrides);
        try {
          const world = Object.freeze(await build(h));
          return { snapshot: await h.snapshot(), world };
        } finally {
          await h.close();
        }
      })();
      const { snapshot, world } = await built;
      return { h: await startHarness(options.overrides, {}, snapshot), world };
    },
  };
}
