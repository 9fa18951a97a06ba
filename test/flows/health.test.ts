import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { compose } from "../../src/compose";
import { createStore } from "../../src/store";
import { databaseKind } from "../support/databases";
import { type Harness, startHarness, testConfig } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("GET /healthz", () => {
  it("is 200 when the database answers", async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "up", dispatcher: { oldestDuePendingSeconds: 0 } });
  });

  it("is 503 when the database does not answer, and the app keeps running", async () => {
    // A database that does not answer: a closed port, or a SQLite file that is not a database.
    const garbage = path.join(os.tmpdir(), `not-a-database-${process.pid}.db`);
    fs.writeFileSync(garbage, crypto.randomBytes(4096));
    const url = databaseKind() === "postgresql" ? "postgresql://postgres@127.0.0.1:1/none" : `file:${garbage}`;
    const broken = createStore(url);
    const app = compose({
      config: testConfig(h.slack.apiUrl, url),
      store: broken,
      logger: pino({ level: "silent" }),
    });
    const port = await app.start();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", database: "down", dispatcher: { oldestDuePendingSeconds: null } });
      const again = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(again.status).toBe(503);
    } finally {
      await app.stop();
      await broken.close().catch(() => undefined);
      fs.rmSync(garbage, { force: true });
    }
  });
});
