// The round's post falling due: its answers compiled as they are then, posted in
// the community's channel, and put on the meeting's agenda (once, keyed by the
// meeting). Skipped if the meeting was cancelled, moved (its round was planned
// again for the new time) or has started.
import * as kinds from "../../domain/outbox";
import { roundAgendaTitle, roundPostMessage } from "../../views/roundPost";
import { dueKind } from "./kind";

export const roundPost = dueKind(kinds.roundPost, {
  alertOrganisersAs: "the live-projects round's post",
  async build(row, { round }) {
    if (!row.subjectId) return { kind: "skip", reason: "no meeting named" };
    const compiled = await round.compile(row.subjectId, row.payload.startsAt, row.communityId);
    if ("skip" in compiled) return { kind: "skip", reason: compiled.skip };
    await round.putOnAgenda(compiled, roundAgendaTitle(compiled.summary));
    return { kind: "send", message: roundPostMessage(compiled) };
  },
});
