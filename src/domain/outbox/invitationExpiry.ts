// An invitation unanswered after 30 days expires, and the inviter is told.
// Deduped by invitation.
import { z } from "zod";
import { outboxKind } from "./kind";

export const invitationExpiry = outboxKind({ name: "invitation_expiry", about: "invitation", payload: z.object({}) });
