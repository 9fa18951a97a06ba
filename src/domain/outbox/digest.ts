// A community's digest, posted in its channel at the time its schedule gives.
// Deduped by community and local date and time (digestDedupeKey), so every
// tick may plan it and it is planned once.
import { z } from "zod";
import { outboxKind } from "./kind";

export const digestPayload = z.object({
  /** The start of the period the digest covers (the previous scheduled time). */
  since: z.iso.datetime(),
});

export const digest = outboxKind({ name: "digest", about: "community", payload: digestPayload });
