// Builds the Prisma client for DATABASE_URL: SQLite (embedded, the default) or
// PostgreSQL (for several replicas). Each provider has its own generated client
// (a Prisma schema names one provider); both are generated from one model, so
// the SQLite client's type stands for both.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";

export type Db = InstanceType<typeof SqliteClient>;

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
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    const client = new PostgresClient({ adapter }) as unknown as Db;
    postgresClients.add(client);
    return client;
  }
  ensureSqliteFolder(databaseUrl);
  // A busy timeout lets a second connection (a migration, a CLI) wait rather than fail.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 });
  return new SqliteClient({ adapter });
}

/** SQLite creates the file but not its folder (./data by default). */
export function ensureSqliteFolder(databaseUrl: string): void {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
