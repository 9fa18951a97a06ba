import { prepareTemplate } from "./databases";

// Runs once per jest run: migrates the PostgreSQL template database the tests clone.
export default async function globalSetup(): Promise<void> {
  await prepareTemplate("postgresql");
}
