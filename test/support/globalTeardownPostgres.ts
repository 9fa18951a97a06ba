import { adminQuery, pgTemplate } from "./databases";

export default async function globalTeardown(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${pgTemplate()} WITH (FORCE)`);
}
