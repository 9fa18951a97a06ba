import type { Context } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import type { WorkspaceKey } from "../../domain/ports";

/** The workspace a request came from, as Bolt put it in the listener's context. */
export function workspaceOf(context: Context): WorkspaceKey {
  if (!context.teamId) {
    // Org-wide installs send requests without a team; we support single workspaces.
    throw new AppError("invalid_input", { key: "workspace.required" });
  }
  return { teamId: context.teamId, ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}) };
}
