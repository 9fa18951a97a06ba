// English: why something about a community's journey was refused.

import { esc } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";

export const journeyReasons = {
  "stage.title_missing": ({ min }) => `Give the stage a title of at least ${min} characters, for example Register the company.`,
  "stage.too_many_owners": ({ max }) => `Name at most ${max} organisations for one stage.`,
  "journey.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can add to its journey. Join it first with \`/community join\`.`,
  "journey.too_many_stages": ({ max }) => `A journey can have at most ${max} stages. Remove or combine some stages first.`,
  "journey.stage_gone": () => "That stage is no longer in the journey. Type `/community journey` to see the journey as it is now.",
  "journey.not_a_suggestion": () => "That suggestion has already been accepted or dismissed.",
  "journey.order_busy": () => "Other organisers are changing the journey's order at the same moment. Try again in a few seconds.",
  "activity.unreadable": () => "That button has expired. Type `/community activity` to see the activities again.",
  "finding.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can share findings with it. Join it first with \`/community join\`.`,
  "finding.title_missing": ({ min }) => `Give the finding a title of at least ${min} characters, for example Why people register twice.`,
  "finding.pager_unreadable": () => "That button has expired. Type `/community findings` to see the list again.",
  "finding.race": () => "Something changed while the finding was saved. Submit the form again.",
  "finding.no_such_stage": ({ number, stages }) =>
    stages
      ? `The journey has stages 1 to ${stages}, not ${number}. Type \`/community journey\` to see them.`
      : "The journey has no stages yet, so findings cannot be listed by stage.",
  "journey.has_stages": ({ community }) => `*${esc(community)}* already has a journey. Add, change or remove its stages instead.`,
  "journey.nothing_to_draft": ({ community }) =>
    `No problem in *${esc(community)}* says where in the journey it happens yet, so there is nothing to draft from. Add the stages yourself instead.`,
  "journey.draft_empty": () => "Keep at least one stage, or close this form to add the stages yourself.",
  "problem.stage_gone": () => "That stage is no longer in the journey. Choose another stage, or Somewhere else.",
} satisfies Partial<ReasonTexts>;
