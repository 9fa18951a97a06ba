// The round's page as the template draws it (src/web/templates/round.njk): the
// question, what the organisation has told this round, and the form for one change
// with the same fields and rules as Slack's (src/views/round.ts roundUpdateModal),
// or the form sent back with its mistakes. And what the form says, as the domain
// reads it (UpdateInput).
import { randomBytes } from "node:crypto";
import type { ValidationError } from "../../domain/common/errors";
import { PROJECT_STATES } from "../../domain/ports";
import type { UpdateForm, UpdateInput } from "../../domain/round/answers";
import type { RoundQuestion } from "../../domain/round/round";
import { labels, roundWords as words } from "../../i18n";
import { roundGroupTitle, roundMeetingName, roundMoment, roundQuestionText, toldLines } from "../../views/email/roundMail";
import { stateText } from "../../views/round";
import { type FormErrors, formErrors } from "../kit/formErrors";
import type { PageRequest } from "../kit/pageRoute";
import { page, type WebResult } from "../kit/results";
import { dateFromForm, dateItems } from "./dateInput";
import { pageErrors } from "./profileForm";

/** A form's own id, so the same form sent twice (a double click, the back button) adds one update. */
const FORM_ID = /^[A-Za-z0-9_-]{8,32}$/;

export interface RoundView {
  form: UpdateForm;
  question: RoundQuestion;
}

/** What the form says. */
export function updateFromForm(form: URLSearchParams): UpdateInput {
  return {
    title: form.get("title"),
    stageIds: form.getAll("stages"),
    state: form.get("state"),
    expectedOn: dateFromForm(form, "expectedOn"),
    earlier: form.get("earlier") || null,
  };
}

/** The update's request id: the link's own id and the form's, so nobody else's link can name it. Null: no dedupe. */
export function requestIdOf(linkId: string, form: URLSearchParams): string | null {
  const formId = form.get("formId") ?? "";
  return FORM_ID.test(formId) ? `web:${linkId}:${formId}` : null;
}

/** The domain's field errors, in the order of the fields on the page (the date's first box stands for it). */
export function updateErrors(error: ValidationError, view: RoundView): FormErrors {
  const { expectedOn, ...rest } = error.fieldErrors;
  const order = ["title", ...(view.form.earlier.length ? ["earlier"] : []), "stages", "state", "expectedOn-day"];
  return pageErrors({ ...rest, ...(expectedOn ? { "expectedOn-day": expectedOn } : {}) }, order);
}

export function roundPage(
  view: RoundView,
  request: PageRequest,
  errors: FormErrors = formErrors([]),
  typed: URLSearchParams = new URLSearchParams(),
): WebResult {
  const { form, question } = view;
  const { community, meeting, organisation } = question;
  const post = roundMoment(question.postAt, community.timezone);
  const stages = new Set(typed.getAll("stages"));
  const told = question.told.length > 0;
  const saved = request.query.get("saved");
  return page(
    "round.njk",
    {
      pageTitle: roundQuestionText(question),
      hasErrors: errors.hasErrors,
      errors,
      words: words.page,
      caption: words.page.caption(community.name, roundMeetingName(meeting)),
      about: `${words.examples} ${words.shared(post.time, post.day, roundGroupTitle(question))}`,
      askedWith: question.askedWith.length ? words.askedWith(question.askedWith.length, organisation.label) : null,
      toldHeading: words.toldHeading(organisation.label),
      told: told ? toldLines(question) : [],
      status: told ? null : question.nothingNew ? words.nothingNew(organisation.label) : words.notYet(organisation.label),
      saved:
        saved === "change"
          ? words.page.saved.change(organisation.label)
          : saved === "nothing"
            ? words.page.saved.nothing(organisation.label)
            : null,
      formHeading: words.page.formHeading(told),
      offerNothingNew: !told && !question.nothingNew,
      nothingNewHint: words.page.nothingNewHint(organisation.label, community.service),
      title: typed.get("title") ?? "",
      earlier: form.earlier.length
        ? [
            { value: "", text: words.page.earlierNone },
            ...form.earlier.map((u) => ({
              value: u.projectKey,
              text: `${u.title} (${stateText(u)})`,
              selected: typed.get("earlier") === u.projectKey,
            })),
          ]
        : null,
      stages: form.stages.map((s) => ({ value: s.id, text: s.title, checked: stages.has(s.id) })),
      states: PROJECT_STATES.map((s) => ({ value: s, text: labels.projectStates[s], checked: typed.get("state") === s })),
      dateItems: dateItems("expectedOn", typed, null, Boolean(errors.byField["expectedOn-day"])),
      formId: FORM_ID.test(typed.get("formId") ?? "") ? typed.get("formId") : randomBytes(12).toString("base64url"),
      csrfToken: request.csrfToken(),
    },
    errors.hasErrors ? 400 : 200,
  );
}
