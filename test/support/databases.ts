// Fresh databases for tests. Migrations run into a template (globalSetup), and
// every test gets an empty, migrated database of its own:
// - SQLite: a copy of the template file, per test (a copy costs a millisecond);
// - PostgreSQL: CREATE DATABASE … TEMPLATE costs a fifth of a second and DROP DATABASE
//   more (a checkpoint), so each jest worker clones its databases once and empties them
//   between tests with DELETE (milliseconds); globalTeardown drops them.
// The templates are named after a hash of the migrations, so a run whose migrations
// have not changed reuses the last run's template instead of migrating again (seconds
// of CPU), and two runs at once (two engineers, two CI jobs) never build over, or drop,
// each other's.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "pg";
import { createPrismaClient } from "../../src/store/prismaClient";

export const ROOT = path.resolve(__dirname, "../..");
const WORK_DIR = path.join(memoryBackedTmp() ?? os.tmpdir(), "service-communities-tests");
/** A template nobody has used for this long is from an old branch: globalSetup removes it. */
const TEMPLATE_MAX_IDLE_MS = 24 * 60 * 60 * 1000;

/**
 * Where the SQLite copies live: a memory file system when the machine has one with room
 * to spare (Linux's /dev/shm). The app opens each copy in WAL mode and checkpoints it when
 * the test closes it, and on a disk every test then waited on writes and fsyncs, tens of
 * milliseconds that say nothing about the app. SQLite behaves the same on either. A small
 * /dev/shm (a container's default is 64 MB) is left alone.
 */
function memoryBackedTmp(): string | undefined {
  const shm = "/dev/shm";
  try {
    const stats = fs.statfsSync(shm);
    fs.accessSync(shm, fs.constants.W_OK);
    return stats.bavail * stats.bsize >= 1024 * 1024 * 1024 ? shm : undefined;
  } catch {
    return undefined;
  }
}

/** The jest run's id (globalSetup sets it; the workers inherit it): its PostgreSQL databases carry it. */
function runId(): string {
  process.env.SC_TEST_RUN ??= `${process.pid}`;
  return process.env.SC_TEST_RUN;
}

/**
 * What a template holds depends only on the provider's migrations and the Prisma that
 * applies them. Cheap to compute (a few files), so workers work it out themselves.
 */
function templateKey(kind: DatabaseKind): string {
  const hash = crypto.createHash("sha256");
  hash.update(`v2 prisma ${JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/prisma/package.json"), "utf8")).version}\n`);
  const dir = path.join(ROOT, "prisma", kind, "migrations");
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(`${path.relative(dir, file)}\0${fs.readFileSync(file, "utf8")}\0`);
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}

const keys = new Map<DatabaseKind, string>();
function key(kind: DatabaseKind): string {
  if (!keys.has(kind)) keys.set(kind, templateKey(kind));
  return keys.get(kind)!;
}

export function sqliteTemplate(): string {
  return path.join(WORK_DIR, `tpl-${key("sqlite")}.db`);
}

export function pgTemplate(): string {
  return `sc_test_tpl_${key("postgresql")}`;
}

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(): DatabaseKind {
  return process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url)
    throw new Error("TEST_POSTGRES_URL is not set: the PostgreSQL tests need a server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  return url;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/prisma.js"), "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

/**
 * pg is loaded when a test first talks to PostgreSQL: every test file loads this module, and
 * on SQLite pg would be about 30 modules a file for nothing.
 */
function newClient(connectionString: string): Client {
  const pg: typeof import("pg") = require("pg");
  return new pg.Client({ connectionString });
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = newClient(postgresAdminUrl());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  await withAdmin((client) => client.query(sql));
}

/** Builds the provider's template unless a run with the same migrations already has (globalSetup). */
export async function prepareTemplate(kind: DatabaseKind): Promise<void> {
  runId(); // named here, in jest's parent process, so that every worker inherits it
  if (kind === "sqlite") {
    fs.mkdirSync(WORK_DIR, { recursive: true });
    const file = sqliteTemplate();
    if (!fs.existsSync(file)) {
      // Built beside it and renamed into place, so a run never copies a half-migrated file.
      const building = `${file}.building-${process.pid}`;
      removeSqlite(building);
      migrate(`file:${building}`);
      await selfContained(building);
      fs.renameSync(building, file);
    }
    const now = new Date();
    fs.utimesSync(file, now, now);
    // Old templates, and copies a crashed run left.
    for (const name of fs.readdirSync(WORK_DIR)) {
      const other = path.join(WORK_DIR, name);
      const idle = fs.statSync(other, { throwIfNoEntry: false });
      if (other !== file && idle && idle.mtimeMs < now.getTime() - TEMPLATE_MAX_IDLE_MS) fs.rmSync(other, { force: true });
    }
    return;
  }
  await withAdmin(async (admin) => {
    // One run at a time builds (or checks) a template; the others wait, then reuse it.
    await admin.query("SELECT pg_advisory_lock(hashtext('service-communities test templates'))");
    const name = pgTemplate();
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      migrate(withDatabase(postgresAdminUrl(), building));
      await withoutAutovacuum(withDatabase(postgresAdminUrl(), building));
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    // The comment is when a run last used it, for pruning.
    await admin.query(`COMMENT ON DATABASE ${name} IS '${new Date().toISOString()}'`);
    const { rows } = await admin.query<{ datname: string; used: string | null }>(
      "SELECT datname, shobj_description(oid, 'pg_database') AS used FROM pg_database WHERE datname ~ '^sc_test_tpl_[0-9a-f]{16}$' AND datname <> $1",
      [name],
    );
    for (const row of rows) {
      if (row.used && Date.parse(row.used) > Date.now() - TEMPLATE_MAX_IDLE_MS) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined); // in use: next time
    }
    await admin.query("SELECT pg_advisory_unlock(hashtext('service-communities test templates'))");
  });
}

/**
 * A database the tests empty with DELETE must keep rows in the order they were written, as
 * a fresh one does: tests read back rows that share a timestamp (the clock stands still) and
 * expect them in that order. Autovacuum would record the deleted rows' space as free, and
 * later inserts would fill it, earlier in the table than rows written before them. So the
 * template's tables (and with them every clone's) are never vacuumed; a test database lives
 * for one run.
 */
async function withoutAutovacuum(url: string): Promise<void> {
  const client = newClient(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()");
    for (const { name } of rows)
      await client.query(`ALTER TABLE "${name}" SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)`);
  } finally {
    await client.end();
  }
}

/** After the run (globalTeardown): the copies of tests that did not release theirs. The template stays. */
export function removeRunSqliteCopies(): void {
  for (const name of fs.readdirSync(WORK_DIR)) {
    if (name.startsWith(`test-${runId()}-`)) fs.rmSync(path.join(WORK_DIR, name), { force: true });
  }
}

/** After the run (globalTeardown): the workers' PostgreSQL databases. The template stays for the next run. */
export async function dropRunDatabases(): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
      `sc_test_${runId()}_`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

/**
 * The app keeps SQLite in WAL mode, where committed pages may still sit in `-wal` beside the
 * file; a copy of the file alone would miss them. The tests copy the template, so it is made
 * one self-contained file (a rollback journal empties the log into the file and deletes it)
 * whatever opened it before; each copy turns WAL on when the app first connects.
 */
async function selfContained(file: string): Promise<void> {
  const db = createPrismaClient(`file:${file}`, { sqlite: { journalMode: "DELETE" } });
  try {
    const [{ journal_mode }] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    if (journal_mode !== "delete" || fs.existsSync(`${file}-wal`))
      throw new Error(`the SQLite template ${file} is not one self-contained file (journal_mode ${journal_mode})`);
  } finally {
    await db.$disconnect();
  }
}

/** A SQLite database is its file and, while open or after a crash, its -wal and -shm. */
function removeSqlite(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  /** Its rows as they are now, for createTestDatabase to start other databases from (see test/support/world.ts). */
  snapshot(): Promise<DatabaseSnapshot>;
  /** Gives the database back: a SQLite copy is deleted; a PostgreSQL one is emptied before its next use. */
  release(): Promise<void>;
}

/**
 * A database's rows at one moment. On SQLite a copy of the file, taken with SQLite's backup API
 * (so the pages still in the -wal are in it); on PostgreSQL every table's rows as JSON, which
 * PostgreSQL reads back with the same types.
 */
export type DatabaseSnapshot =
  | { kind: "sqlite"; file: string; discard(): void }
  | { kind: "postgresql"; tables: Array<{ name: string; rows: string }>; discard(): void };

/** An empty, migrated database (or one holding a snapshot's rows) that is the caller's alone until it releases it. */
export async function createTestDatabase(kind: DatabaseKind = databaseKind(), from?: DatabaseSnapshot): Promise<TestDatabase> {
  if (from && from.kind !== kind) throw new Error(`a ${from.kind} snapshot cannot start a ${kind} database`);
  if (kind === "sqlite") {
    const file = sqliteFile();
    fs.copyFileSync(from?.kind === "sqlite" ? from.file : sqliteTemplate(), file);
    return { kind, url: `file:${file}`, snapshot: () => sqliteSnapshot(file), release: async () => removeSqlite(file) };
  }
  let slot = slots.find((s) => !s.inUse);
  if (!slot) {
    // Usually one a worker; a test that holds two databases at once (two apps) gets a second.
    slot = { name: `sc_test_${runId()}_w${process.env.JEST_WORKER_ID ?? "0"}_${slots.length}`, inUse: false };
    slots.push(slot);
  }
  slot.inUse = true;
  try {
    await emptied(slot);
    if (from?.kind === "postgresql") await restore(slot, from);
  } catch (error) {
    slot.inUse = false;
    throw error;
  }
  const taken = slot;
  return {
    kind,
    url: withDatabase(postgresAdminUrl(), taken.name),
    snapshot: () => postgresSnapshot(taken),
    release: async () => {
      taken.inUse = false;
    },
  };
}

function sqliteFile(): string {
  return path.join(WORK_DIR, `test-${runId()}-${crypto.randomBytes(6).toString("hex")}.db`);
}

async function sqliteSnapshot(file: string): Promise<DatabaseSnapshot> {
  const copy = sqliteFile();
  // The driver under Prisma's SQLite adapter (it has no type declarations of its own).
  const Database: new (
    file: string,
    options: { fileMustExist: boolean },
  ) => { backup(to: string): Promise<unknown>; close(): void } = require("better-sqlite3");
  const db = new Database(file, { fileMustExist: true });
  try {
    await db.backup(copy);
  } finally {
    db.close();
  }
  return { kind: "sqlite", file: copy, discard: () => removeSqlite(copy) };
}

async function postgresSnapshot(slot: Slot): Promise<DatabaseSnapshot> {
  const tables: Array<{ name: string; rows: string }> = [];
  for (const name of slot.order!) {
    const { rows } = await slot.client!.query<{ rows: string | null }>(`SELECT json_agg(t)::text AS rows FROM "${name}" t`);
    if (rows[0].rows) tables.push({ name, rows: rows[0].rows });
  }
  return { kind: "postgresql", tables, discard: () => undefined };
}

/** A snapshot's rows into an emptied database: parents before children, each table in the order it was read. */
async function restore(slot: Slot, from: Extract<DatabaseSnapshot, { kind: "postgresql" }>): Promise<void> {
  const client = slot.client!;
  await client.query("BEGIN");
  try {
    for (const { name, rows } of [...from.tables].reverse()) {
      await client.query(`INSERT INTO "${name}" SELECT * FROM json_populate_recordset(NULL::"${name}", $1::json)`, [rows]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** A worker's PostgreSQL database, kept from test to test and from file to file. */
interface Slot {
  name: string;
  inUse: boolean;
  /** Open while this test file runs (closeTestDatabaseConnections ends it). */
  client?: Client;
  /** Every table, children before parents, so that no foreign key objects to deleting them in turn. */
  order?: string[];
  /** DELETE for every table, in that order. */
  emptySql?: string;
}

// Module state is per test file (jest gives each file its own modules); the databases
// themselves outlive it, under names the next file in this worker finds again.
const slots: Slot[] = [];

async function emptied(slot: Slot): Promise<void> {
  if (!slot.client) {
    const client = await connectOrClone(slot.name);
    slot.client = client;
    slot.order = await deletionOrder(client);
    slot.emptySql = `BEGIN; ${slot.order.map((table) => `DELETE FROM "${table}";`).join(" ")} COMMIT;`;
  }
  // A fresh clone is already empty; emptying it anyway costs a millisecond or two.
  await slot.client.query(slot.emptySql!);
}

async function connectOrClone(name: string): Promise<Client> {
  const url = withDatabase(postgresAdminUrl(), name);
  try {
    const client = newClient(url);
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // anything but "does not exist"
  }
  // Cloning needs the template to be idle; two clones at once can collide, so retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate()}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
  const client = newClient(url);
  await client.connect();
  return client;
}

/**
 * Every table but Prisma's migrations, in an order the foreign keys allow deleting them in, for
 * one transaction that empties the database. DELETE, not TRUNCATE: on tables this small
 * TRUNCATE's new files cost hundreds of milliseconds. (See withoutAutovacuum for why the space
 * stays unused.) A table that points at itself is filled, and emptied, by one statement, and
 * PostgreSQL checks foreign keys at the end of a statement.
 */
async function deletionOrder(client: Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT cl.relname AS child, pl.relname AS parent FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pl ON pl.oid = c.confrelid
        WHERE c.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace AND cl.relname <> pl.relname`,
    )
  ).rows;
  const order: string[] = [];
  const left = new Set(tables);
  while (left.size) {
    // A table whose rows nothing left still points at.
    const next = [...left].filter((table) => !edges.some((e) => e.parent === table && left.has(e.child)));
    if (!next.length) throw new Error(`the foreign keys between ${[...left].join(", ")} form a cycle: empty them another way`);
    for (const table of next.sort()) {
      order.push(table);
      left.delete(table);
    }
  }
  return order;
}

/** After each PostgreSQL test file (setupFilesAfterEnv): the connections that empty its databases. */
export async function closeTestDatabaseConnections(): Promise<void> {
  for (const slot of slots) {
    await slot.client?.end();
    slot.client = undefined;
  }
}
