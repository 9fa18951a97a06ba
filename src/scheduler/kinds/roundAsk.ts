// The round's questions falling due: one DM row for each person asked in each
// organisation (who is chosen once a meeting, so a retried row asks the same people).
import * as kinds from "../../domain/outbox";
import { dueKind } from "./kind";

export const roundAsk = dueKind(kinds.roundAsk, {
  // It sends nothing itself: the questions it becomes are DMs to one person each.
  alertOrganisersAs: null,
  async build(row, { round }) {
    const asked = row.subjectId ? await round.ask(row.subjectId, row.payload.startsAt) : { skip: "no meeting named" };
    if ("skip" in asked) return { kind: "skip", reason: asked.skip };
    return { kind: "expand", rows: asked.rows };
  },
});
