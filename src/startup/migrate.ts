// `--migrate`: bring the schema up to date before the bot listens, for the
// single-process run (`npm start`). The check is one query; Prisma's CLI
// (scripts/prisma.js deploy, a second process for a second or two) runs only when
// this build ships migrations the database has not applied. With several
// replicas, run `npm run db:deploy` once per release instead (see README).
import { spawn } from "node:child_process";
import path from "node:path";
import type { Logger } from "pino";
import type { Store } from "../domain/ports";

const PRISMA_SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "prisma.js");

/** Applies pending migrations; resolves with their names, or null when the CLI failed (its output is on stderr). */
export async function runPendingMigrations(store: Store, databaseUrl: string, logger: Logger): Promise<string[] | null> {
  let pending: string[];
  try {
    pending = await store.pendingMigrations();
  } catch (error) {
    logger.error(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      "cannot read the database to check its migrations",
    );
    return null;
  }
  if (pending.length === 0) {
    logger.info("the database schema is up to date");
    return [];
  }
  logger.info({ pending }, `applying ${pending.length} database migration${pending.length === 1 ? "" : "s"}`);
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [PRISMA_SCRIPT, "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", () => resolve(null));
    child.on("close", (status) => resolve(status));
  });
  if (code !== 0) {
    // Prisma's own words say what is wrong with the database; pass them on as they are.
    process.stderr.write(Buffer.concat(output));
    return null;
  }
  logger.info({ applied: pending }, "database migrations applied");
  return pending;
}
