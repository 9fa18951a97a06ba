// Which of the migrations this build ships have not been applied to the
// database, for /readyz: a replica of a newer release must not take traffic
// before `npm run db:deploy` has run. Prisma records applied migrations in
// `_prisma_migrations`; we read that table, and the migration folders that sit
// beside this code (prisma/<provider>/migrations), so no CLI runs at request time.
import fs from "node:fs";
import path from "node:path";
import { type Db, isPostgresDb } from "./prismaClient";

const ROOT = path.resolve(__dirname, "..", "..");

/** The migration folders this build ships for a provider, oldest first. */
export function shippedMigrations(provider: "sqlite" | "postgresql"): string[] {
  const dir = path.join(ROOT, "prisma", provider, "migrations");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The shipped migrations the database has not finished applying (all of them if it has none). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const shipped = shippedMigrations(isPostgresDb(db) ? "postgresql" : "sqlite");
  let applied: Array<{ migration_name: string }>;
  try {
    applied = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
  } catch (error) {
    // No table yet: nothing has been applied. Anything else (the database is down) is the caller's.
    if (/_prisma_migrations/.test(String((error as Error)?.message))) return shipped;
    throw error;
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return shipped.filter((name) => !done.has(name));
}
