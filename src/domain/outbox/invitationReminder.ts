// The nudge to an invitee a week on, with the buttons again, unless they have
// answered. Deduped by invitation.
import { z } from "zod";
import { outboxKind } from "./kind";

export const invitationReminder = outboxKind({ name: "invitation_reminder", about: "invitation", payload: z.object({}) });
