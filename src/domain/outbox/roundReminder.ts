// The round's one reminder, at 9am the working day before the meeting: it becomes
// a roundQuestion (as a reminder) for each person asked whose organisation has not
// answered yet. Deduped by meeting, as the questions are.
import { outboxKind } from "./kind";
import { roundStepPayload } from "./roundAsk";

export const roundReminder = outboxKind({ name: "round_reminder", about: "meeting", payload: roundStepPayload });
