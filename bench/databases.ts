// The databases a benchmark runs on: a fresh SQLite file, and a fresh
// PostgreSQL database when the server (BENCH_POSTGRES_URL, or the local default)
// answers. Each is migrated by the caller with migrate() and dropped after.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

const ROOT = path.resolve(__dirname, "..");

export interface BenchDatabase {
  name: string;
  url: string;
  /** The server's version ("" for SQLite). */
  version: string;
  drop(): Promise<void>;
}

export function migrate(url: string): void {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/prisma.js"), "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

/** `prefix` names the PostgreSQL database (with the process id), so two benchmarks never share one. */
export async function benchDatabases(prefix: string): Promise<BenchDatabase[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-bench-"));
  const out: BenchDatabase[] = [
    {
      name: "SQLite",
      url: `file:${path.join(dir, "bench.db")}`,
      version: "",
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const admin = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new Client({ connectionString: admin });
  try {
    await client.connect();
    const version = String((await client.query("SHOW server_version")).rows[0].server_version);
    const name = `${prefix}_${process.pid}`;
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    out.push({
      name: "PostgreSQL",
      url: url.toString(),
      version,
      drop: async () => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    });
  } catch {
    console.error("PostgreSQL not reachable: SQLite only");
  }
  return out;
}
