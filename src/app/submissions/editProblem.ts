import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { CALLBACK, PROBLEM_BLOCK } from "../../views/ids";
import { metadata } from "../metadata";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The author's edit: saved, then the problem's announcement is redrawn. */
export function registerEditProblemSubmission(app: App, services: Services): void {
  app.view(CALLBACK.editProblem, async ({ ack, body, view, client, context }) => {
    let card;
    try {
      const values = readViewState(view);
      const { problemId } = metadata.problemRef.read(view.private_metadata);
      if (!problemId) throw new AppError("gone", { key: "form.expired", reopen: "problem" }, PROBLEM_BLOCK.title);
      card = await services.problems.edit(workspaceOf(context), problemId, body.user.id, {
        title: text(values, PROBLEM_BLOCK.title),
        description: text(values, PROBLEM_BLOCK.description),
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, PROBLEM_BLOCK.title, services.logger) });
      return;
    }
    await ack({ response_action: "clear" });
    await refreshProblemMessages(client, card, undefined, services.logger);
  });
}
