// The invitation DM's safety net. The DMs go out straight after the form is
// sent; this row, due a few minutes later, sends any that did not (the
// process stopped half-way, or Slack failed for a moment). Deduped by invitation.
import { z } from "zod";
import { outboxKind } from "./kind";

export const invitationDm = outboxKind({ name: "invitation_dm", about: "invitation", payload: z.object({}) });
