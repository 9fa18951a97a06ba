import { prepareTemplate } from "./databases";

// Runs once per jest run: migrates the SQLite template the tests copy.
export default async function globalSetup(): Promise<void> {
  await prepareTemplate("sqlite");
}
