// Fresh databases for tests. Migrations run once per jest run into a template
// (globalSetup); each test file then gets its own copy: a file copy on SQLite,
// CREATE DATABASE … TEMPLATE on PostgreSQL. Fast, and nothing is shared.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createPrismaClient } from "../../src/store/prismaClient";

export const ROOT = path.resolve(__dirname, "../..");
const WORK_DIR = path.join(os.tmpdir(), "service-communities-tests");

/**
 * The templates are named after the jest run (globalSetup sets the id; the
 * workers inherit it), so two runs at once on one machine (two engineers, two
 * CI jobs) never copy, or drop, each other's template.
 */
function runId(): string {
  return (process.env.SC_TEST_RUN ??= `${process.pid}`);
}

export function sqliteTemplate(): string {
  return path.join(WORK_DIR, `template-${runId()}.db`);
}

export function pgTemplate(): string {
  return `sc_test_template_${runId()}`;
}

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(): DatabaseKind {
  return process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_POSTGRES_URL is not set: the PostgreSQL tests need a server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
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

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function prepareTemplate(kind: DatabaseKind): Promise<void> {
  if (kind === "sqlite") {
    fs.mkdirSync(WORK_DIR, { recursive: true });
    fs.rmSync(sqliteTemplate(), { force: true });
    migrate(`file:${sqliteTemplate()}`);
    await selfContained(sqliteTemplate());
    return;
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${pgTemplate()} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${pgTemplate()}`);
  migrate(withDatabase(postgresAdminUrl(), pgTemplate()));
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
    if (journal_mode !== "delete" || fs.existsSync(`${file}-wal`)) throw new Error(`the SQLite template ${file} is not one self-contained file (journal_mode ${journal_mode})`);
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
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind = databaseKind()): Promise<TestDatabase> {
  const id = crypto.randomBytes(6).toString("hex");
  if (kind === "sqlite") {
    const file = path.join(WORK_DIR, `test-${id}.db`);
    fs.copyFileSync(sqliteTemplate(), file);
    return { kind, url: `file:${file}`, drop: async () => removeSqlite(file) };
  }
  const name = `sc_test_${id}`;
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
  return {
    kind,
    url: withDatabase(postgresAdminUrl(), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
