// One person's round question (or its reminder) by DM, built as the round stands
// when it goes: skipped if the meeting was cancelled or has started, if they have
// left, or (a reminder) if their organisation has answered since.
import * as kinds from "../../domain/outbox";
import { roundQuestionDm } from "../../views/round";
import { dueKind } from "./kind";

export const roundQuestion = dueKind(kinds.roundQuestion, {
  // A DM to one person about their own organisation's answer: nothing for organisers to mend.
  alertOrganisersAs: null,
  async build(row, { round }) {
    if (!row.subjectId) return { kind: "skip", reason: "no meeting named" };
    const question = await round.question(row.subjectId, row.target, row.payload.organisation, row.payload.when, row.communityId);
    if ("skip" in question) return { kind: "skip", reason: question.skip };
    return { kind: "send", message: roundQuestionDm(question) };
  },
});
