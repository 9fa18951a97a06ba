import { dropRunDatabases } from "./databases";

// The workers' databases go when the run ends; the template stays for the next run (see databases.ts).
export default async function globalTeardown(): Promise<void> {
  await dropRunDatabases();
}
