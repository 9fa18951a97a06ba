#!/usr/bin/env node
// Database tooling for both providers, from one source of truth
// (prisma/models.prisma). Plain Node so it runs at `npm install` time.
//
//   node scripts/prisma.js render            write prisma/<provider>/schema.prisma
//   node scripts/prisma.js generate          render, then generate both clients
//   node scripts/prisma.js deploy            apply pending migrations for DATABASE_URL
//   node scripts/prisma.js migration <name>  write a new migration for both providers
//                                            (from the last migration's snapshot of the
//                                            models to prisma/models.prisma)
//   node scripts/prisma.js check [--full]    fail when rendered schemas or migrations drift
//                                            (--full: re-derive and replay even what
//                                            prisma/migrations.verified.json says passed)
//
// `prisma migrate dev` needs a shadow database and a native engine; `migrate diff`
// between two schema files needs neither, so new migrations are written with it.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const modelsPath = path.join(root, "prisma", "models.prisma");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const PROVIDERS = ["sqlite", "postgresql"];
const DEFAULT_DATABASE_URL = "file:./data/communities.db";

function header(provider) {
  return `// GENERATED from prisma/models.prisma by scripts/prisma.js: edit that file, then run
// \`npm run db:generate\`. CI fails when this file differs from what the script renders.

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${provider}"
  engineType   = "client"
  moduleFormat = "cjs"
  runtime      = "nodejs"
}

datasource db {
  provider = "${provider}"
  // Must stay env("DATABASE_URL"): without a url, generate tries to download an engine.
  url      = env("DATABASE_URL")
}
`;
}

function render(models) {
  const out = {};
  for (const provider of PROVIDERS) {
    out[provider] = `${header(provider)}\n${models}`;
  }
  return out;
}

function schemaPath(provider) {
  return path.join(root, "prisma", provider, "schema.prisma");
}

function writeRendered() {
  const rendered = render(fs.readFileSync(modelsPath, "utf8"));
  for (const provider of PROVIDERS) {
    fs.mkdirSync(path.dirname(schemaPath(provider)), { recursive: true });
    fs.writeFileSync(schemaPath(provider), rendered[provider]);
  }
}

function postgresToolingUrl() {
  return process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

function providerOf(url) {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

function prisma(args, { provider, databaseUrl, capture = false } = {}) {
  const env = {
    ...process.env,
    PRISMA_PROVIDER: provider,
    // migrate diff between two schema files still opens an adapter connection on
    // PostgreSQL (it reads nothing), so point it at a reachable server.
    DATABASE_URL: databaseUrl ?? (provider === "postgresql" ? postgresToolingUrl() : "file:./unused.db"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no telemetry call home
  };
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    cwd: root,
    env,
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (capture) return result;
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
  return result;
}

function generate() {
  writeRendered();
  for (const provider of PROVIDERS) {
    prisma(["generate", "--no-hints"], { provider });
  }
}

function deploy() {
  require("dotenv").config({ path: path.join(root, ".env"), quiet: true });
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    // Prisma creates the file but not its folder.
    const file = databaseUrl.replace(/^file:/, "");
    fs.mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  }
  const result = prisma(["migrate", "deploy"], { provider, databaseUrl, capture: true });
  process.stdout.write(withoutAdapterBanner(result.stdout ?? ""));
  process.stderr.write(result.stderr ?? "");
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The CLI warns that the schema's datasource url is unused with a driver adapter.
// It is unused, and meant to be: without it `prisma generate` tries to download a
// query engine (see header()). No flag turns the warning off, so we drop it.
function withoutAdapterBanner(text) {
  return text.replace(/\n?WARNING: Your schema specifies the following datasource properties[\s\S]*?only using driver adapters\.\n/, "");
}

function diffScript(provider, fromSchemaFile, toSchemaFile) {
  const from = fromSchemaFile ? ["--from-schema-datamodel", fromSchemaFile] : ["--from-empty"];
  const result = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", toSchemaFile, "--script"], {
    provider,
    capture: true,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

function migrationsDir(provider) {
  return path.join(root, "prisma", provider, "migrations");
}

function migrationNames(provider) {
  const dir = migrationsDir(provider);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort();
}

// Each migration folder keeps a snapshot of the models it migrates to, so the
// next migration is diffed from that snapshot (not from git), and `check` can
// re-derive every migration's SQL from the snapshots.
const SNAPSHOT = "models.prisma";

function renderToTemp(tmp, label, models, provider) {
  const file = path.join(tmp, `${label}-${provider}.prisma`);
  fs.writeFileSync(file, render(models)[provider]);
  return file;
}

function newMigration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name_in_snake_case>");
    process.exit(2);
  }
  writeRendered();
  const existing = migrationNames("sqlite");
  const previousModels = existing.length ? fs.readFileSync(path.join(migrationsDir("sqlite"), existing.at(-1), SNAPSHOT), "utf8") : null;
  const models = fs.readFileSync(modelsPath, "utf8");
  if (previousModels === models) {
    console.log("prisma/models.prisma has not changed since the last migration: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sc-migration-"));
  const record = readRecord();
  for (const provider of PROVIDERS) {
    const fromFile = previousModels === null ? null : renderToTemp(tmp, "from", previousModels, provider);
    const sql = diffScript(provider, fromFile, schemaPath(provider));
    // Derived just now, exactly as `check` would derive it.
    record.derived[`${provider}/${stamp}_${name}`] = derivationHash(
      provider,
      previousModels === null ? null : render(previousModels)[provider],
      render(models)[provider],
      sql,
    );
    const dir = path.join(migrationsDir(provider), `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.writeFileSync(path.join(dir, SNAPSHOT), models);
    const lock = path.join(migrationsDir(provider), "migration_lock.toml");
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
      );
    }
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
  }
  writeRecord(record);
}

// What `check` has already verified, committed beside the migrations so that CI on a
// clean clone skips it too: each migration's derivation and each provider's replay,
// under a hash of everything the result depends on (the Prisma version, the rendered
// schemas it is derived between, its own SQL). A changed migration, snapshot, schema or
// Prisma has a new hash, which the record does not hold, so it is derived or replayed
// again; the record only ever skips work whose answer is already known. (Each CLI call
// costs seconds; a check that re-derived everything took 60-76 s on a 2-core machine.)
const RECORD = path.join(root, "prisma", "migrations.verified.json");

function sha256(...parts) {
  const hash = crypto.createHash("sha256");
  for (const part of parts) hash.update(String(part)).update("\0");
  return hash.digest("hex");
}

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
}

function readRecord() {
  try {
    const record = JSON.parse(fs.readFileSync(RECORD, "utf8"));
    return { derived: record.derived ?? {}, replayed: record.replayed ?? {} };
  } catch {
    return { derived: {}, replayed: {} };
  }
}

/** Writes the record when it changed; says so, since it belongs in the commit with the migrations. */
function writeRecord(record) {
  const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
  const text = `${JSON.stringify(
    {
      about: "What `npm run db:check` has verified (scripts/prisma.js): commit it with the migrations.",
      derived: sorted(record.derived),
      replayed: sorted(record.replayed),
    },
    null,
    2,
  )}\n`;
  const before = fs.existsSync(RECORD) ? fs.readFileSync(RECORD, "utf8") : "";
  if (text === before) return;
  fs.writeFileSync(RECORD, text);
  console.log(`Updated ${path.relative(root, RECORD)}: commit it with the migrations.`);
}

/** The hash a migration's derivation is recorded under: from one rendered schema to the next, giving this SQL. */
function derivationHash(provider, fromRendered, toRendered, sql) {
  return sha256("derive", packageVersion("prisma"), provider, fromRendered ?? "(empty)", toRendered, sql);
}

/** The hash a provider's replay is recorded under: every migration in order, into the rendered schema. */
function replayHash(provider, names, renderedSchema) {
  const parts = names.map((name) => `${name}\0${fs.readFileSync(path.join(migrationsDir(provider), name, "migration.sql"), "utf8")}`);
  const adapter = provider === "postgresql" ? packageVersion("prisma-adapter-pg-cli") : packageVersion("@prisma/adapter-better-sqlite3");
  return sha256("replay", packageVersion("prisma"), adapter, provider, renderedSchema, ...parts);
}

// Drift checks, cheapest first:
// 1. the rendered schemas are what models.prisma renders to;
// 2. both providers have the same migrations, with the same model snapshots;
// 3. every migration's SQL is exactly what `migrate diff` derives from the
//    snapshot before it to its own snapshot, and the last snapshot is models.prisma;
// 4. replayed into scratch databases, the migrations apply; on SQLite the
//    replayed database is introspected and must equal the schema. (Introspecting
//    PostgreSQL through the JS engine fails on a `char` catalogue column, so
//    there check 3 carries the weight.)
// Checks 3 and 4 skip what the record says was verified with the same inputs (see RECORD).
function check(full) {
  const problems = [];
  const record = readRecord();
  let derivedNow = 0;
  const models = fs.readFileSync(modelsPath, "utf8");
  const rendered = render(models);
  for (const provider of PROVIDERS) {
    const onDisk = fs.existsSync(schemaPath(provider)) ? fs.readFileSync(schemaPath(provider), "utf8") : "";
    if (onDisk !== rendered[provider]) {
      problems.push(`prisma/${provider}/schema.prisma is stale: run \`npm run db:generate\` and commit it`);
    }
  }
  const names = migrationNames("sqlite");
  if (JSON.stringify(names) !== JSON.stringify(migrationNames("postgresql"))) {
    problems.push("sqlite and postgresql have different migrations: write both with `npm run db:migration -- <name>`");
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sc-check-"));
  let previous = null;
  for (const name of names) {
    const snapshotFile = path.join(migrationsDir("sqlite"), name, SNAPSHOT);
    if (!fs.existsSync(snapshotFile)) {
      problems.push(`${name}: ${SNAPSHOT} snapshot is missing`);
      break;
    }
    const snapshot = fs.readFileSync(snapshotFile, "utf8");
    for (const provider of PROVIDERS) {
      const dir = path.join(migrationsDir(provider), name);
      const ownSnapshot = path.join(dir, SNAPSHOT);
      if (!fs.existsSync(ownSnapshot) || fs.readFileSync(ownSnapshot, "utf8") !== snapshot) {
        problems.push(`${provider}/${name}: its ${SNAPSHOT} differs from the sqlite one`);
        continue;
      }
      const actual = fs.readFileSync(path.join(dir, "migration.sql"), "utf8");
      const key = `${provider}/${name}`;
      const hash = derivationHash(provider, previous === null ? null : render(previous)[provider], render(snapshot)[provider], actual);
      if (!full && record.derived[key] === hash) continue;
      const fromFile = previous === null ? null : renderToTemp(tmp, `${name}-from`, previous, provider);
      const toFile = renderToTemp(tmp, `${name}-to`, snapshot, provider);
      const expected = diffScript(provider, fromFile, toFile);
      derivedNow++;
      if (actual !== expected) {
        delete record.derived[key];
        problems.push(`${provider}/${name}/migration.sql is not what its model snapshot derives (hand-edited?)`);
      } else {
        record.derived[key] = hash;
      }
    }
    previous = snapshot;
  }
  if (previous !== models) {
    problems.push("prisma/models.prisma has changed since the last migration: run `npm run db:migration -- <name>`");
  }
  const replays = Object.fromEntries(PROVIDERS.map((provider) => [provider, replayHash(provider, names, rendered[provider])]));
  const toReplay = PROVIDERS.filter((provider) => full || record.replayed[provider] !== replays[provider]);
  const scratch = scratchDatabases(toReplay);
  for (const [provider, databaseUrl] of Object.entries(scratch)) {
    delete record.replayed[provider];
    const deployed = prisma(["migrate", "deploy"], { provider, databaseUrl, capture: true });
    if (deployed.status !== 0) {
      problems.push(`${provider}: migrations do not apply:\n${deployed.stdout}${deployed.stderr}`);
      continue;
    }
    if (provider !== "sqlite") {
      record.replayed[provider] = replays[provider];
      continue;
    }
    // `migrate diff --from-url` is not available with a driver adapter, but
    // `db pull` is: introspect the replayed database, then diff the two datamodels.
    const pulled = prisma(["db", "pull", "--print"], { provider, databaseUrl, capture: true });
    if (pulled.status !== 0) {
      problems.push(`${provider}: db pull failed:\n${pulled.stdout}${pulled.stderr}`);
      continue;
    }
    const pulledFile = path.join(tmp, `${provider}-pulled.prisma`);
    fs.writeFileSync(pulledFile, pulled.stdout.slice(pulled.stdout.indexOf("generator client")));
    const diff = prisma(
      ["migrate", "diff", "--from-schema-datamodel", pulledFile, "--to-schema-datamodel", schemaPath(provider), "--exit-code"],
      { provider, capture: true },
    );
    if (diff.status === 2) {
      problems.push(`${provider}: the replayed migrations differ from the schema:\n${diff.stdout}`);
    } else if (diff.status !== 0) {
      problems.push(`${provider}: migrate diff failed:\n${diff.stdout}${diff.stderr}`);
    } else {
      record.replayed[provider] = replays[provider];
    }
  }
  scratch.cleanup?.();
  writeRecord(record);
  if (problems.length) {
    console.error(problems.join("\n\n"));
    process.exit(1);
  }
  console.log(
    `Schemas and ${names.length} migration(s) agree for sqlite and postgresql ` +
      `(derived ${derivedNow} of ${names.length * PROVIDERS.length} migrations, replayed on ${toReplay.join(" and ") || "neither"}; ` +
      `the rest was verified before with the same inputs: see ${path.relative(root, RECORD)}).`,
  );
}

function scratchDatabases(providers) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-check-"));
  const out = providers.includes("sqlite") ? { sqlite: `file:${path.join(dir, "check.db")}` } : {};
  const pgBase = process.env.TEST_POSTGRES_URL;
  if (!providers.includes("postgresql")) {
    // Nothing to replay on PostgreSQL.
  } else if (pgBase) {
    const name = `sc_check_${process.pid}`;
    psql(pgBase, `DROP DATABASE IF EXISTS ${name}`);
    psql(pgBase, `CREATE DATABASE ${name}`);
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    out.postgresql = url.toString();
    Object.defineProperty(out, "cleanup", { enumerable: false, value: () => psql(pgBase, `DROP DATABASE IF EXISTS ${name}`) });
  } else {
    console.warn("TEST_POSTGRES_URL is not set: checking the postgresql migrations is skipped.");
  }
  return out;
}

function psql(url, sql) {
  // Uses the pg driver rather than the psql binary, which CI machines may lack.
  const script = `const { Client } = require("pg"); (async () => { const c = new Client({ connectionString: process.argv[1] }); await c.connect(); await c.query(process.argv[2]); await c.end(); })().catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script, url, sql], { cwd: root, stdio: "inherit" });
}

const [command, ...rest] = process.argv.slice(2);
const commands = {
  render: writeRendered,
  generate,
  deploy,
  migration: () => newMigration(rest[0]),
  check: () => check(rest.includes("--full")),
};
if (!commands[command]) {
  console.error(`Usage: node scripts/prisma.js ${Object.keys(commands).join("|")}`);
  process.exit(2);
}
commands[command]();
