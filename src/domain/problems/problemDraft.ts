// Checks what someone typed into the problem modal. Every problem is reported
// at once, per field.
import { findOrganisation } from "../../reference/organisations";
import { ValidationError } from "../common/errors";
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
  link?: string | null;
}

export interface ProblemDraft {
  title: string;
  description: string;
  affects: string[];
  stage: string | null;
  link: string | null;
}

/** Field keys in errors: title, description, affects, stage, link. */
export function checkProblemDraft(input: ProblemDraftInput, errors: Record<string, string> = {}): ProblemDraft {
  const title = normaliseName(input.title ?? "");
  if (!title) errors.title = "Give the problem a short title, e.g. People register with HMRC and Companies House separately.";
  else if (title.length > PROBLEM_LIMITS.titleMax) errors.title = `Keep the title to ${PROBLEM_LIMITS.titleMax} characters (it has ${title.length}); put the detail in the description.`;

  const description = cleanText(input.description ?? "", "lines").trim();
  if (description.length > PROBLEM_LIMITS.descriptionMax) {
    errors.description = `Keep the description to ${PROBLEM_LIMITS.descriptionMax} characters (it has ${description.length}).`;
  }

  const affects = [...new Set(input.affects ?? [])];
  const unknown = affects.filter((id) => !findOrganisation(id));
  if (unknown.length) errors.affects = "Pick organisations from the list: type a few letters, e.g. HMRC or DWP.";
  else if (affects.length > PROBLEM_LIMITS.affectsMax) errors.affects = `Pick at most ${PROBLEM_LIMITS.affectsMax} organisations.`;

  const stage = normaliseName(input.stage ?? "") || null;
  if (stage && stage.length > PROBLEM_LIMITS.stageMax) errors.stage = `Keep this to ${PROBLEM_LIMITS.stageMax} characters.`;

  const rawLink = cleanText(input.link ?? "", "line").trim();
  const link = rawLink ? parseWebLink(rawLink) : null;
  if (rawLink && !link) errors.link = "That is not a link. Use a full link that starts with https://";

  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { title, description, affects, stage, link };
}
