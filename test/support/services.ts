// The domain services on a real store (test/support/store.ts) with a manual clock, built
// as the app builds them: for unit suites of the services, with no app around them.
import pino from "pino";
import { buildServices, type Services } from "../../src/services";
import { testConfig } from "./harness";
import { openStore, type StoreWorld } from "./store";

export interface ServiceWorld extends StoreWorld {
  services: Services;
  /** The store's database, for seeding (test/support/seed.ts) and for reading rows. */
  db: StoreWorld["store"]["db"];
}

export async function openServices(): Promise<ServiceWorld> {
  const world = await openStore();
  const config = testConfig("http://127.0.0.1:9/api/", world.database.url, { publicUrl: "https://communities.test" });
  const services = buildServices({ config, store: world.store, clock: world.clock, logger: pino({ level: "silent" }) });
  return { ...world, services, db: world.store.db };
}
