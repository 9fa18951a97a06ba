// Builds the Prisma client for DATABASE_URL: SQLite (embedded, the default) or
// PostgreSQL (for several replicas). Each provider has its own generated client
// (a Prisma schema names one provider); both are generated from one model, so
// the SQLite client's type stands for both.
import fs from "node:fs";
import path from "node:path";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import type { PrismaClient as SqliteClient } from "../generated/sqlite/client";

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

/**
 * `derived` (a client extended from `base`, as createStore's `observe` makes)
 * talks to the same database: an extended client is a new object, and without
 * this it would lose PostgreSQL's statements, such as the claim's advisory lock.
 */
export function sameProvider(base: Db, derived: Db): void {
  if (postgresClients.has(base)) postgresClients.add(derived);
}

/**
 * How every SQLite connection the app opens is set up.
 * - WAL: readers (a backup, a `sqlite3` shell) never block the bot's writes, nor it theirs, and
 *   a commit appends to the log instead of rewriting pages and a rollback journal. The mode is
 *   stored in the file, so every later connection (the migrations CLI too) uses it.
 * - synchronous=NORMAL: in WAL mode a commit no longer waits for an fsync; the log is synced at
 *   checkpoints. The file cannot be corrupted, but a power cut (not a crash of the bot) may
 *   lose the last transactions, so a message marked sent just before one may be sent again.
 * - busy timeout: how long a write waits for another process's write (a migration, a shell)
 *   before failing with SQLITE_BUSY. better-sqlite3 waits synchronously, on the event loop,
 *   but in WAL mode only writer meets writer, which is rare and short.
 */
export interface SqliteSettings {
  journalMode: "WAL" | "DELETE";
  synchronous: "NORMAL" | "FULL";
  busyTimeoutMs: number;
}

export const SQLITE_SETTINGS: SqliteSettings = { journalMode: "WAL", synchronous: "NORMAL", busyTimeoutMs: 5000 };

/**
 * The adapter opens its better-sqlite3 connection itself, on the client's first query and again
 * after a $disconnect; each one goes through the factory's connect(), so the pragmas run there.
 */
function tunedSqliteAdapter(Adapter: typeof PrismaBetterSQLite3, url: string, settings: SqliteSettings): PrismaBetterSQLite3 {
  // better-sqlite3 sets the busy timeout as it opens, so the journal-mode change below waits too.
  const factory = new Adapter({ url, timeout: settings.busyTimeoutMs });
  // An in-memory database has no file for a log; it keeps journal_mode=memory.
  const memory = /^(file:)?:memory:/.test(url);
  const pragmas = `${memory ? "" : `PRAGMA journal_mode = ${settings.journalMode};`} PRAGMA synchronous = ${settings.synchronous};`;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    try {
      await connection.executeScript(pragmas);
    } catch (error) {
      // Not a database, or busy past the timeout: close it, so the next query tries afresh.
      await connection.dispose();
      throw error;
    }
    return connection;
  };
  return factory;
}

/** `sqlite` overrides the SQLite settings (the scheduler benchmark compares the old ones). */
export function createPrismaClient(databaseUrl: string, options: { sqlite?: Partial<SqliteSettings> } = {}): Db {
  if (isPostgresUrl(databaseUrl)) {
    const { PrismaPg, PrismaClient } = loadPostgres();
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    const client = new PrismaClient({ adapter }) as unknown as Db;
    postgresClients.add(client);
    return client;
  }
  ensureSqliteFolder(databaseUrl);
  const { PrismaBetterSQLite3, PrismaClient } = loadSqlite();
  const adapter = tunedSqliteAdapter(PrismaBetterSQLite3, databaseUrl, { ...SQLITE_SETTINGS, ...options.sqlite });
  return new PrismaClient({ adapter });
}

/** SQLite creates the file but not its folder (./data by default). */
export function ensureSqliteFolder(databaseUrl: string): void {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
