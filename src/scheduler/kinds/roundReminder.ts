// The round's reminder falling due: a DM row for each person asked whose
// organisation has not answered; those that have are left alone.
import * as kinds from "../../domain/outbox";
import { dueKind } from "./kind";

export const roundReminder = dueKind(kinds.roundReminder, {
  alertOrganisersAs: null,
  async build(row, { round }) {
    const due = row.subjectId ? await round.remind(row.subjectId, row.payload.startsAt) : { skip: "no meeting named" };
    if ("skip" in due) return { kind: "skip", reason: due.skip };
    return { kind: "expand", rows: due.rows };
  },
});
