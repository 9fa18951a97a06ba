import fs from "node:fs";
import { sqliteTemplate } from "./databases";

// The run's template is its own (see databases.ts), so it goes when the run ends.
export default async function globalTeardown(): Promise<void> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(sqliteTemplate() + suffix, { force: true });
}
