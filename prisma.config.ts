// Prisma CLI configuration. The CLI runs with the JavaScript schema engine
// (engine: "js") through a driver adapter, so `generate`, `migrate deploy`,
// `migrate status` and `migrate diff` never download a native engine.
//
// One configuration serves both providers: scripts/prisma.js sets
// PRISMA_PROVIDER (or we infer it from DATABASE_URL) and we point the CLI at
// that provider's rendered schema and migrations folder.
import path from "node:path";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/communities.db";
const provider = process.env.PRISMA_PROVIDER ?? (/^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgresql") {
      // The 7.x adapter, installed under an alias for the CLI only: the 6.19
      // adapter cannot read the `name` columns the schema engine queries.
      const { PrismaPg } = await import("prisma-adapter-pg-cli");
      return new PrismaPg({ connectionString: databaseUrl });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    // Wait (up to 5 s, as the bot does) for a lock the running bot holds, instead of failing at once.
    return new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 });
  },
});
