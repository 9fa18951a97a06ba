// SQLite done properly: the pragmas every connection gets, and `npm run db:backup`, the real
// script in a child process, taking a backup while the app's client writes without pause.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createStore } from "../../src/store";
import { createPrismaClient, type Db, SQLITE_SETTINGS } from "../../src/store/prismaClient";
import { createTestDatabase, databaseKind, ROOT, type TestDatabase } from "../support/databases";

const onSqlite = databaseKind() === "sqlite" ? describe : describe.skip;

function fileOf(url: string): string {
  return url.replace(/^file:/, "");
}

/** Bytes 18 and 19 of a SQLite file: 2 when the file itself says WAL, 1 for a rollback journal. */
function fileFormat(file: string): [number, number] {
  const header = fs.readFileSync(file).subarray(18, 20);
  return [header[0], header[1]];
}

async function pragma(db: Db, name: string): Promise<string | number> {
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  const value = Object.values(row)[0];
  return typeof value === "bigint" ? Number(value) : (value as string | number);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBackup(args: string[], env: Record<string, string>, command: "node" | "npm" = "node"): Promise<Run> {
  const [file, argv] =
    command === "npm"
      ? ["npm", ["run", "-s", "db:backup", "--", ...args]]
      : [process.execPath, [path.join(ROOT, "scripts/backup.js"), ...args]];
  return new Promise((resolve) => {
    execFile(file, argv, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

onSqlite("SQLite pragmas", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.release();
  });

  it("sets WAL, synchronous=NORMAL and the busy timeout on every connection the store opens, and WAL stays in the file", async () => {
    const store = createStore(database.url);
    try {
      expect(await pragma(store.db, "journal_mode")).toBe("wal");
      expect(await pragma(store.db, "synchronous")).toBe(1); // NORMAL
      expect(await pragma(store.db, "busy_timeout")).toBe(SQLITE_SETTINGS.busyTimeoutMs);
      expect(SQLITE_SETTINGS.busyTimeoutMs).toBe(5000);
      // synchronous and the busy timeout belong to a connection: a new one gets them too.
      await store.db.$disconnect();
      expect(await pragma(store.db, "synchronous")).toBe(1);
      expect(await pragma(store.db, "busy_timeout")).toBe(SQLITE_SETTINGS.busyTimeoutMs);
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
    }
    // journal_mode=WAL is written into the file, so any later connection (the migrations CLI,
    // a sqlite3 shell) uses it too.
    expect(fileFormat(fileOf(database.url))).toEqual([2, 2]);
  });

  it("the scheduler benchmark can still ask for the old rollback journal and synchronous=FULL", async () => {
    const db = createPrismaClient(database.url, { sqlite: { journalMode: "DELETE", synchronous: "FULL" } });
    try {
      expect(await pragma(db, "journal_mode")).toBe("delete");
      expect(await pragma(db, "synchronous")).toBe(2);
    } finally {
      await db.$disconnect();
    }
  });
});

onSqlite("npm run db:backup", () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-backup-test-"));
  });
  afterAll(async () => {
    await database.release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes a consistent copy while the app writes: it opens, passes the integrity check, and holds every row committed before it started, and no half batch", async () => {
    const store = createStore(database.url);
    const db = store.db;
    const rowsPerBatch = 5;
    const filler = "x".repeat(2000);
    const payloadOf = (key: string) => JSON.stringify({ key, sum: crypto.createHash("sha256").update(key).digest("hex"), filler });
    // A batch is one transaction across two tables: five outbox rows and an audit row.
    const writeBatch = (batch: number) =>
      db.$transaction([
        db.outboxMessage.createMany({
          data: Array.from({ length: rowsPerBatch }, (_, i) => {
            const key = `load:${batch}:${i}`;
            return {
              kind: "organiser_alert",
              target: `U${batch}`,
              payload: payloadOf(key),
              dueAt: new Date(),
              availableAt: new Date(),
              dedupeKey: key,
            };
          }),
        }),
        db.auditEvent.create({ data: { workspaceId: "W0", actorId: "U0", action: "load.batch", detail: JSON.stringify({ batch }) } }),
      ]);

    // A few MB already there, so the copy is not instant: 400 whole batches at once.
    const seeded = 400;
    const seedKeys = Array.from({ length: seeded * rowsPerBatch }, (_, n) => `load:${Math.floor(n / rowsPerBatch)}:${n % rowsPerBatch}`);
    await db.$transaction([
      db.outboxMessage.createMany({
        data: seedKeys.map((key) => ({
          kind: "organiser_alert",
          target: "U0",
          payload: payloadOf(key),
          dueAt: new Date(),
          availableAt: new Date(),
          dedupeKey: key,
        })),
      }),
      db.auditEvent.createMany({
        data: Array.from({ length: seeded }, (_, batch) => ({
          workspaceId: "W0",
          actorId: "U0",
          action: "load.batch",
          detail: JSON.stringify({ batch }),
        })),
      }),
    ]);
    let committed = seeded;

    let writing = true;
    const writer = (async () => {
      while (writing) {
        await writeBatch(committed);
        committed++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Let the writer run, then start the backup: everything committed by now must be in it.
    while (committed < seeded + 100) await new Promise((resolve) => setTimeout(resolve, 5));
    const committedBefore = committed;
    const target = path.join(dir, "nested", "backup.db");
    const run = await runBackup([target], { DATABASE_URL: database.url });
    const committedDuring = committed - committedBefore;
    writing = false;
    await writer;
    await store.close();

    if (process.env.SC_DEBUG) console.log({ committedBefore, committedDuring, stdout: run.stdout });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(committedDuring).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^Backed up .* to .*backup\.db: [\d.]+ (KB|MB), in [\d.]+ s\.$/m);
    expect(run.stdout).toContain("The copy opens and passes SQLite's integrity check.");
    expect(run.stdout).toMatch(
      /To restore it: stop the bot, copy it to .*, delete .*-wal and .*-shm beside it if they are there, then start the bot\./,
    );
    // Only the finished file has the name; no partial copy, no -wal or -shm beside it.
    expect(fs.readdirSync(path.dirname(target))).toEqual(["backup.db"]);
    // One self-contained file (a rollback journal, not WAL), so it can be copied anywhere.
    expect(fileFormat(target)).toEqual([1, 1]);

    const copy = createPrismaClient(`file:${target}`, { sqlite: { journalMode: "DELETE" } });
    try {
      expect(await copy.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      const rows = await copy.outboxMessage.findMany({ select: { dedupeKey: true, payload: true } });
      const audits = await copy.auditEvent.findMany({ select: { detail: true } });
      const batches = new Map<number, number>();
      for (const row of rows) {
        expect(row.payload).toBe(payloadOf(row.dedupeKey)); // no torn row
        const batch = Number(row.dedupeKey.split(":")[1]);
        batches.set(batch, (batches.get(batch) ?? 0) + 1);
      }
      const audited = new Set(audits.map((a) => (JSON.parse(a.detail) as { batch: number }).batch));
      const inCopy = batches.size;
      // A snapshot: batches 0..n-1 whole, nothing after; never half a transaction.
      expect([...batches.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: inCopy }, (_, i) => i));
      expect([...batches.values()].every((n) => n === rowsPerBatch)).toBe(true);
      expect(audited).toEqual(new Set(batches.keys()));
      expect(inCopy).toBeGreaterThanOrEqual(committedBefore);
      expect(inCopy).toBeLessThanOrEqual(committed);
      expect(run.stdout).toContain(`OutboxMessage ${inCopy * rowsPerBatch},`);
      expect(run.stdout).toContain(`AuditEvent ${inCopy},`);
    } finally {
      await copy.$disconnect();
    }
  });

  it("replaces an earlier backup of the same name only once the new one is complete", async () => {
    const target = path.join(dir, "again.db");
    fs.writeFileSync(target, "an earlier backup");
    const run = await runBackup([target], { DATABASE_URL: database.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(replacing the file that was there)");
    expect(fs.readFileSync(target).subarray(0, 16).toString()).toBe("SQLite format 3\0");
  });

  it("refuses to run without a target, through npm, with a usage line", async () => {
    const run = await runBackup([], { DATABASE_URL: database.url }, "npm");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: npm run db:backup -- <file>");
  });

  it("refuses PostgreSQL, pointing at pg_dump, without printing the URL's password", async () => {
    const run = await runBackup([path.join(dir, "pg.db")], { DATABASE_URL: "postgresql://bot:s3cret@db.internal:5432/communities" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("pg_dump");
    expect(run.stderr).not.toContain("s3cret");
    expect(fs.existsSync(path.join(dir, "pg.db"))).toBe(false);
  });

  it("refuses to overwrite the live database, and says plainly when there is no database", async () => {
    const live = await runBackup([fileOf(database.url)], { DATABASE_URL: database.url });
    expect(live.code).toBe(2);
    expect(live.stderr).toContain("is the live database");
    const missing = await runBackup([path.join(dir, "none-copy.db")], { DATABASE_URL: `file:${path.join(dir, "none.db")}` });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^There is no SQLite database at .*none\.db/);
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(dir, "none.db"))).toBe(false);
  });
});
