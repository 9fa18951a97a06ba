// The round's answers compiled into one post in the community's channel, at 3pm the
// working day before the meeting (after the reminder's morning), grouped by
// organisation and by stage with the organisations that did not answer, and put on
// the meeting's agenda. Deduped by meeting: one post, wherever the meeting moves.
import { outboxKind } from "./kind";
import { roundStepPayload } from "./roundAsk";

export const roundPost = outboxKind({ name: "round_post", about: "meeting", payload: roundStepPayload });
