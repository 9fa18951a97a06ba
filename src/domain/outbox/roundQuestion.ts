// One person's question, or reminder, in a meeting's live-projects round, by DM:
// "What has <organisation> changed, planned or cleared since the last meeting that
// affects <service>?", with Tell us about a change and Nothing new. Deduped by
// meeting, person and which, so each is asked once and reminded once.
import { z } from "zod";
import { outboxKind } from "./kind";

export const roundQuestionPayload = z.object({
  when: z.enum(["ask", "reminder"]),
  /** The organisation they are asked about (organisationKey). */
  organisation: z.string().min(1).max(200),
});
export type RoundQuestionPayload = z.infer<typeof roundQuestionPayload>;

export const roundQuestion = outboxKind({ name: "round_question", about: "round", payload: roundQuestionPayload });
