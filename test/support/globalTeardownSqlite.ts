import { removeRunSqliteCopies } from "./databases";

// The template stays for the next run with the same migrations (see databases.ts).
export default async function globalTeardown(): Promise<void> {
  removeRunSqliteCopies();
}
