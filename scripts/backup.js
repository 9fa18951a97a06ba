#!/usr/bin/env node
// npm run db:backup -- <file>
//
// A consistent copy of the SQLite database (DATABASE_URL, as the other db scripts read it),
// taken with SQLite's online backup API while the bot runs. The bot keeps the database in WAL
// mode, so this reader never blocks its writes. The copy is written under a temporary name in
// the target's folder and renamed when it is complete and checked, so a half-written file never
// carries the name you asked for. Plain Node (no TypeScript loader), so it runs in the
// production image.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const DEFAULT_DATABASE_URL = "file:./data/communities.db";
// Must match SQLITE_SETTINGS.busyTimeoutMs in src/store/prismaClient.ts.
const BUSY_TIMEOUT_MS = 5000;
const USAGE = "Usage: npm run db:backup -- <file>\n  for example: npm run db:backup -- backups/communities-$(date +%Y-%m-%d).db";

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

function sqlitePath(url) {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function removeWithCompanions(file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

function fsyncPath(target, flags = "r") {
  try {
    const fd = fs.openSync(target, flags);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  }
}

/** Opens the finished copy, makes it one self-contained file, and says what is in it. */
function inspect(file, Database) {
  const db = new Database(file, { fileMustExist: true });
  try {
    // The copy carries the source's WAL flag; a backup should be a single file that can be
    // copied anywhere, so switch it back to a rollback journal (the bot turns WAL on again).
    db.pragma("journal_mode = DELETE");
    const integrity = db.pragma("integrity_check", { simple: false }).map((row) => Object.values(row)[0]);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .all()
      .map((row) => row.name);
    const rows = tables.map((name) => [name, db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get().n]);
    let migration = null;
    try {
      const applied = db
        .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name")
        .all();
      migration = { count: applied.length, latest: applied.at(-1)?.name ?? "none" };
    } catch {
      // Not migrated by Prisma: say nothing about migrations.
    }
    return { integrity, rows, migration };
  } finally {
    db.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0].trim() || args[0].startsWith("-")) fail(USAGE, 2);

  require("dotenv").config({ path: path.join(root, ".env"), quiet: true });
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Never print the URL: it may hold a password.
    fail(
      "DATABASE_URL points at PostgreSQL. db:backup copies the SQLite file only; back PostgreSQL up with its own tools, for example:\n" +
        '  pg_dump --format=custom --file=communities.dump "$DATABASE_URL"\n' +
        'and restore with pg_restore --clean --dbname="$DATABASE_URL" communities.dump.',
      2,
    );
  }
  const source = path.resolve(root, sqlitePath(databaseUrl));
  if (sqlitePath(databaseUrl) === ":memory:") fail("DATABASE_URL is an in-memory database: there is no file to back up.", 2);
  if (!fs.existsSync(source)) {
    fail(
      `There is no SQLite database at ${source} (from DATABASE_URL), so there is nothing to back up. Is DATABASE_URL the one the bot uses?`,
    );
  }

  // npm runs scripts from the project folder; a relative target means the caller's folder.
  const target = path.resolve(process.env.INIT_CWD || process.cwd(), args[0]);
  if ([source, `${source}-wal`, `${source}-shm`, `${source}-journal`].includes(target)) {
    fail(`${target} is the live database (or one of its files): choose another name for the backup.`, 2);
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    fail(`${target} is a folder: give the backup a file name, for example ${path.join(args[0], "communities.db")}.`, 2);
  }
  const replacing = fs.existsSync(target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);

  const Database = require("better-sqlite3");
  const started = Date.now();
  let report;
  try {
    removeWithCompanions(partial);
    const db = new Database(source, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    let pages;
    try {
      // Copy every page in one step: one read transaction, so one snapshot of the database.
      // (Copying in slices lets the bot's writes between slices restart the backup, over
      // and over under load.) In WAL mode the bot goes on writing meanwhile.
      const result = await db.backup(partial, { progress: () => 0x7fffffff });
      pages = result.totalPages;
    } finally {
      db.close();
    }
    report = inspect(partial, Database);
    if (report.integrity.length !== 1 || report.integrity[0] !== "ok") {
      throw new Error(`the copy fails SQLite's integrity check:\n  ${report.integrity.slice(0, 10).join("\n  ")}`);
    }
    report.pages = pages;
    fsyncPath(partial, "r+");
    fs.renameSync(partial, target);
    fsyncPath(path.dirname(target));
  } catch (error) {
    removeWithCompanions(partial);
    fail(`The backup failed: ${error instanceof Error ? error.message : String(error)}\nNothing was written to ${target}.`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const size = fs.statSync(target).size;
  const lines = [
    `Backed up ${source} to ${target}${replacing ? " (replacing the file that was there)" : ""}: ${sizeText(size)}, in ${seconds} s.`,
    "The copy opens and passes SQLite's integrity check.",
  ];
  if (report.migration) lines.push(`Its schema is at migration ${report.migration.latest} (${report.migration.count} applied).`);
  lines.push(`Rows: ${report.rows.map(([name, n]) => `${name} ${n}`).join(", ") || "no tables"}.`);
  lines.push(
    `To restore it: stop the bot, copy it to ${source}, delete ${path.basename(source)}-wal and ${path.basename(source)}-shm beside it if they are there, then start the bot.`,
  );
  console.log(lines.join("\n"));
}

main().catch((error) => fail(`The backup failed: ${error instanceof Error ? error.stack : String(error)}`));
