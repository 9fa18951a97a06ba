// A DM telling one of a community's organisers that Slack refused one of its
// messages for good (the channel is archived, a person's account is gone).
// The text is written when the refusal happens and sent as it is. Deduped by
// target, error and organiser: each organiser hears about a refusal once.
import { z } from "zod";
import { outboxKind } from "./kind";

export const organiserAlert = outboxKind({
  name: "organiser_alert",
  about: "community",
  payload: z.object({
    /** Slack mrkdwn, escaped when it was written. */
    text: z.string(),
  }),
});
