import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { PROBLEM_FILTERS, type ProblemFilter } from "../../domain/problems/problems";
import type { Services } from "../../services";
import { problemListMessage } from "../../views/problemList";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const pagerValue = z.object({
  c: z.string().max(40),
  f: z.enum(Object.keys(PROBLEM_FILTERS) as [ProblemFilter, ...ProblemFilter[]]),
  p: z.number().int().min(0).max(100_000),
});

/** Previous / Next on /community problems: replaces the ephemeral list in place. */
export function problemsPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const value = pagerValue.parse(JSON.parse(action.value ?? "{}"));
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    const message = problemListMessage(await services.problems.page(community, value.f, body.user.id, value.p));
    await respond({ replace_original: true, ...message });
  });
}
