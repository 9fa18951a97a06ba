// The digest by DM, to one member who asked for it: planned when the channel's
// digest is sent, for the same period. Deduped by that digest and the member.

import { digestPayload } from "./digest";
import { outboxKind } from "./kind";

export const digestDm = outboxKind({ name: "digest_dm", about: "community", payload: digestPayload });
