// One person's round question (or its reminder), built as the round stands when it
// goes: skipped if the meeting was cancelled or has started, if they have left, or
// (a reminder) if their organisation has answered since. It goes the way they get
// meeting messages (src/domain/round/askWho.ts): a DM; an email with their own link
// to the round's page (a member by email, or someone who chose email only), written
// now and sent by the email dispatcher; or both.
import * as kinds from "../../domain/outbox";
import { questionRoutes } from "../../domain/round/askWho";
import type { QuestionToSend } from "../../domain/round/round";
import { roundQuestionEmailToSend } from "../../views/email/roundMail";
import { roundQuestionDm } from "../../views/round";
import { dueKind, type KindServices } from "./kind";

export const roundQuestion = dueKind(kinds.roundQuestion, {
  // A message to one person about their own organisation's answer: nothing for organisers to mend.
  alertOrganisersAs: null,
  async build(row, services) {
    if (!row.subjectId) return { kind: "skip", reason: "no meeting named" };
    const question = await services.round.question(row.subjectId, row.target, row.payload.organisation, row.payload.when, row.communityId);
    if ("skip" in question) return { kind: "skip", reason: question.skip };
    const routes = questionRoutes(question.member);
    // A member by email who has turned meeting emails off since, or whose address refuses mail now.
    if (!routes.slack && !routes.email) return { kind: "skip", reason: "they get no meeting emails now" };
    // Both: the email is planned once the DM is done with, sent or refused for good (see Outcome's `then`).
    const then = routes.email ? await services.mail.rows([questionEmail(question, services)]) : [];
    if (!routes.slack) return { kind: "expand", rows: then };
    return { kind: "send", message: roundQuestionDm(question), then };
  },
});

function questionEmail(question: QuestionToSend, services: KindServices) {
  const { member, meeting, community, organisation } = question;
  const now = services.clock.now();
  return roundQuestionEmailToSend({
    question,
    personId: member.slackUserId,
    address: member.email!,
    answerUrl: services.pageLinks.roundAnswer(member.slackUserId, meeting, organisation.key),
    links: services.pageLinks.memberEmailLinks(member.slackUserId, community.id, now),
  });
}
