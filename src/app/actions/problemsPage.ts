import type { App, BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { PROBLEM_FILTERS, type ProblemFilter } from "../../domain/problems/problems";
import { ACTION } from "../../views/ids";
import { problemListMessage } from "../../views/problemList";
import { errorText } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const pagerValue = z.object({
  c: z.string().max(40),
  f: z.enum(Object.keys(PROBLEM_FILTERS) as [ProblemFilter, ...ProblemFilter[]]),
  p: z.number().int().min(0).max(100_000),
});

/** Previous / Next on /community problems: replaces the ephemeral list in place. */
export function registerProblemsPage(app: App, services: Services): void {
  app.action<BlockButtonAction>(new RegExp(`^(${ACTION.problemsPrevious}|${ACTION.problemsNext})$`), async ({ ack, body, action, context, respond }) => {
    await ack();
    try {
      const value = pagerValue.parse(JSON.parse(action.value ?? "{}"));
      const community = await services.communities.byIdIn(workspaceOf(context), value.c);
      const message = problemListMessage(await services.problems.page(community, value.f, body.user.id, value.p));
      await respond({ replace_original: true, ...message });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
