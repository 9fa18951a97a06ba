// An action's reminder to its owner, by DM: the working day before it is due,
// and the morning after, when it is overdue (which also carries it onto the
// next meeting's agenda). Deduped by action, which one and the due day, so a
// moved date is reminded for its new day and never for its old one.
import { z } from "zod";
import { outboxKind } from "./kind";

export const actionReminderPayload = z.object({
  when: z.enum(["before", "overdue"]),
  /** The due day it was planned for: if the action has moved since, it is not sent. */
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ActionReminderPayload = z.infer<typeof actionReminderPayload>;

export const actionReminder = outboxKind({ name: "action_reminder", about: "action", payload: actionReminderPayload });
