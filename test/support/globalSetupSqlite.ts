import { execFileSync } from "node:child_process";
import path from "node:path";
import { prepareTemplate } from "./databases";

// Runs once per jest run: migrates the SQLite template the tests copy, and builds
// dist/ for the tests that run the production process itself. In build mode (-b)
// tsc sees from dist/.tsbuildinfo that nothing changed without reading the
// sources (a third of a second, where `-p` re-reads every file for about 6 s of CPU).
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-b", path.join(root, "tsconfig.build.json")], {
    cwd: root,
    stdio: "inherit",
  });
  await prepareTemplate("sqlite");
}
