// Submissions of the organisers' problem modals: an objective's details, and
// closing a problem as a duplicate. Both redraw the problem's announcement.
import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { CALLBACK, DUPLICATE_BLOCK, OBJECTIVE_BLOCK } from "../../views/ids";
import { metadata } from "../metadata";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

function problemIdOf(raw: string | undefined, block: string): string {
  const { problemId } = metadata.problemRef.read(raw);
  if (!problemId) throw new AppError("gone", { key: "form.expired", reopen: "problem" }, block);
  return problemId;
}

export function registerProblemDecisionSubmissions(app: App, services: Services): void {
  app.view(CALLBACK.setObjective, async ({ ack, body, view, client, context }) => {
    let card;
    try {
      const values = readViewState(view);
      card = await services.problems.setObjective(workspaceOf(context), problemIdOf(view.private_metadata, OBJECTIVE_BLOCK.progress), body.user.id, {
        ownerId: text(values, OBJECTIVE_BLOCK.owner),
        targetDate: text(values, OBJECTIVE_BLOCK.targetDate),
        progress: text(values, OBJECTIVE_BLOCK.progress),
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, OBJECTIVE_BLOCK.progress, services.logger) });
      return;
    }
    await ack();
    await refreshProblemMessages(client, card, undefined, services.logger);
  });

  app.view(CALLBACK.closeAsDuplicate, async ({ ack, body, view, client, context }) => {
    let card;
    try {
      const values = readViewState(view);
      const problemId = problemIdOf(view.private_metadata, DUPLICATE_BLOCK.duplicateOf);
      card = await services.problems.closeAsDuplicate(workspaceOf(context), problemId, body.user.id, text(values, DUPLICATE_BLOCK.duplicateOf));
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, DUPLICATE_BLOCK.duplicateOf, services.logger) });
      return;
    }
    await ack();
    await refreshProblemMessages(client, card, undefined, services.logger);
  });
}
