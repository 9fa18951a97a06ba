import type { App } from "@slack/bolt";
import { option } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import { metadata } from "../metadata";
import type { Services } from "../services";

/** The duplicate picker: the same community's other problems, found by title. */
export function registerProblemOptions(app: App, services: Services): void {
  app.options(ACTION.problemPicker, async ({ ack, options, body }) => {
    const { problemId } = metadata.problemRef.read((body as { view?: { private_metadata?: string } }).view?.private_metadata);
    const found = problemId ? await services.problems.others(problemId, options.value ?? "", 100) : [];
    await ack({ options: found.map((p) => option(p.title, p.id)) });
  });
}
