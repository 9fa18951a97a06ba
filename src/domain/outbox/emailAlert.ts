// A DM telling one of a community's organisers that email cannot be delivered:
// an address refuses mail (a bounce: no more email goes to it), or the provider
// refused an email for another reason (a Notify team-only key…). Planned when the
// refusal happens; the words are written at send time (src/scheduler/kinds/emailAlert.ts).
// Deduped by community, address and organiser for an address, and by community,
// reason and organiser otherwise: each organiser hears of each once.
import { z } from "zod";
import { outboxKind } from "./kind";

export const emailAlert = outboxKind({
  name: "email_alert",
  about: "community",
  payload: z.object({
    /** The refused address (organisers may see members' addresses; it is never shown in a channel). */
    address: z.string(),
    /** Whether the address itself refuses mail, or only this email was refused. */
    addressRefused: z.boolean(),
    /** The provider's words. */
    reason: z.string(),
  }),
});
