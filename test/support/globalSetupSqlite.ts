import { execFileSync } from "node:child_process";
import path from "node:path";
import { prepareTemplate } from "./databases";

// Runs once per jest run: migrates the SQLite template the tests copy, and builds
// dist/ (incrementally: a second or two when nothing changed) for the tests that
// run the production process itself.
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
  await prepareTemplate("sqlite");
}
