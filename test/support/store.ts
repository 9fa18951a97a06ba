// A real store on a fresh test database (SQLite, or PostgreSQL in that project) and a
// manual clock, for unit suites that need the database but not the app around it: no
// HTTP, no Bolt, no fake Slack, so a test costs milliseconds.
import { ManualClock } from "../../src/domain/common/clock";
import type { Store } from "../../src/domain/ports";
import { createStore } from "../../src/store";
import type { Db } from "../../src/store/prismaClient";
import { createTestDatabase, type TestDatabase } from "./databases";

export interface StoreWorld {
  store: Store & { db: Db };
  clock: ManualClock;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Monday 2 March 2026, 10:00Z unless told otherwise, as in the harness. */
export async function openStore(at = new Date("2026-03-02T10:00:00Z")): Promise<StoreWorld> {
  const database = await createTestDatabase();
  const store = createStore(database.url);
  return {
    store,
    clock: new ManualClock(at),
    database,
    async close() {
      await store.close();
      await database.release();
    },
  };
}
