import type { Config } from "@jest/types";
import { prepareTemplate } from "./databases";

// Runs once per jest project: migrates the template database the tests copy.
export default async function globalSetup(_global: unknown, project: Config.ProjectConfig): Promise<void> {
  await prepareTemplate(project.displayName?.name === "postgresql" ? "postgresql" : "sqlite");
}
