// The live-projects round's questions, due at 9am the chosen number of working days
// before a community's meeting. It sends nothing itself: it chooses who to ask in
// each organisation (once a meeting, RoundAsk) and becomes one roundQuestion each.
// Deduped by meeting alone, so a meeting moved after its questions went out is not
// asked again, and one moved before they went moves them (replanned with its reminders).
import { z } from "zod";
import { outboxKind } from "./kind";

export const roundStepPayload = z.object({
  /** The start it was planned for: if the meeting has moved since, it is replanned, and this row is stale. */
  startsAt: z.iso.datetime(),
});
export type RoundStepPayload = z.infer<typeof roundStepPayload>;

export const roundAsk = outboxKind({ name: "round_ask", about: "meeting", payload: roundStepPayload });
