// Checks what someone typed into the problem modal. Every problem is reported
// at once, per field.
import { findOrganisation } from "../../reference/organisations";
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, normaliseName, parseWebLink } from "../common/text";

export const PROBLEM_LIMITS = {
  titleMax: 150,
  descriptionMax: 3000,
  stageMax: 150,
  affectsMax: 30,
} as const;

export interface ProblemDraftInput {
  title?: string | null;
  description?: string | null;
  affects?: string[] | null;
  stage?: string | null;
  /** The stage of the journey picked for it, if one was (the problem service checks it is this community's). */
  stageId?: string | null;
  link?: string | null;
}

export interface ProblemDraft {
  title: string;
  description: string;
  affects: string[];
  stage: string | null;
  stageId: string | null;
  link: string | null;
}

/** Field keys in errors: title, description, affects, stage, link. */
export function checkProblemDraft(input: ProblemDraftInput, errors: FieldErrors = {}): ProblemDraft {
  const title = normaliseName(input.title ?? "");
  if (!title) errors.title = { key: "problem.title_missing" };
  else if (title.length > PROBLEM_LIMITS.titleMax)
    errors.title = { key: "problem.title_too_long", max: PROBLEM_LIMITS.titleMax, length: title.length };

  const description = cleanText(input.description ?? "", "lines").trim();
  if (description.length > PROBLEM_LIMITS.descriptionMax) {
    errors.description = { key: "problem.description_too_long", max: PROBLEM_LIMITS.descriptionMax, length: description.length };
  }

  const affects = [...new Set(input.affects ?? [])];
  const unknown = affects.filter((id) => !findOrganisation(id));
  if (unknown.length) errors.affects = { key: "problem.affects_unknown" };
  else if (affects.length > PROBLEM_LIMITS.affectsMax) errors.affects = { key: "problem.affects_too_many", max: PROBLEM_LIMITS.affectsMax };

  const stage = normaliseName(input.stage ?? "") || null;
  if (stage && stage.length > PROBLEM_LIMITS.stageMax) errors.stage = { key: "text.this_too_long_short", max: PROBLEM_LIMITS.stageMax };

  const rawLink = cleanText(input.link ?? "", "line").trim();
  const link = rawLink ? parseWebLink(rawLink) : null;
  if (rawLink && !link) errors.link = { key: "link.not_link" };

  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { title, description, affects, stage, stageId: input.stageId?.trim() || null, link };
}
