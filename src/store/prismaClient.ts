// Builds the Prisma client for DATABASE_URL: SQLite (embedded, the default) or
// PostgreSQL (for several replicas). Each provider has its own generated client
// (a Prisma schema names one provider); both are generated from one model, so
// the SQLite client's type stands for both.
import fs from "node:fs";
import path from "node:path";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import type { PrismaClient as PostgresClient } from "../generated/postgresql/client";

export type Db = InstanceType<typeof SqliteClient>;

// Each provider's client and adapter are loaded only when that provider is used:
// a SQLite process never loads pg (about 16 MB resident), nor PostgreSQL's client.
function loadSqlite(): { PrismaBetterSQLite3: typeof PrismaBetterSQLite3; PrismaClient: typeof SqliteClient } {
  return { ...require("@prisma/adapter-better-sqlite3"), ...require("../generated/sqlite/client") };
}
function loadPostgres(): { PrismaPg: typeof PrismaPg; PrismaClient: typeof PostgresClient } {
  return { ...require("@prisma/adapter-pg"), ...require("../generated/postgresql/client") };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

const postgresClients = new WeakSet<object>();

/** Whether a client talks to PostgreSQL (some statements, such as advisory locks, are PostgreSQL's own). */
export function isPostgresDb(db: Db): boolean {
  return postgresClients.has(db);
}

export function createPrismaClient(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    const { PrismaPg, PrismaClient } = loadPostgres();
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    const client = new PrismaClient({ adapter }) as unknown as Db;
    postgresClients.add(client);
    return client;
  }
  ensureSqliteFolder(databaseUrl);
  // A busy timeout lets a second connection (a migration, a CLI) wait rather than fail.
  const { PrismaBetterSQLite3, PrismaClient } = loadSqlite();
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** SQLite creates the file but not its folder (./data by default). */
export function ensureSqliteFolder(databaseUrl: string): void {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
