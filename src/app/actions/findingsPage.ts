import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import type { Services } from "../../services";
import { findingsListMessage } from "../../views/findings";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const pagerValue = z.object({
  c: z.string().max(40),
  s: z.number().int().min(1).max(999).nullable(),
  p: z.number().int().min(0).max(100_000),
});

/** Previous / Next on /community findings: replaces the list in place. */
export function findingsPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ action, context, respond }) => {
    let value: z.infer<typeof pagerValue>;
    try {
      value = pagerValue.parse(JSON.parse(action.value ?? ""));
    } catch {
      // A forged or garbled button: told plainly, with no stack trace.
      throw new AppError("gone", { key: "finding.pager_unreadable" });
    }
    const page = await services.findings.page(workspaceOf(context), value.c, value.p, value.s);
    await respond({ replace_original: true, ...findingsListMessage(page) });
  });
}
