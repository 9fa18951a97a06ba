// Checks what an organiser (or a member suggesting one) typed for a stage of
// the journey. Every problem is reported at once, beside its field.
import { findOrganisation, OTHER_ORGANISATION_ID } from "../../reference/organisations";
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, nameKey, normaliseName, parseWebLink } from "../common/text";
import type { StageFields, StageOwnerRecord } from "../ports";

export const STAGE_LIMITS = {
  titleMin: 3,
  titleMax: 80,
  descriptionMax: 300,
  ownersMax: 10,
  otherOwnerMax: 100,
  /** More stages than any service journey needs, and what one paged journey can show. */
  stagesMax: 60,
} as const;

export interface StageInput {
  title?: string | null;
  description?: string | null;
  link?: string | null;
  /** Organisation ids from the list that own the stage (are responsible for it). */
  owners?: string[] | null;
  /** Organisation ids from the list that deliver part of it. */
  deliverers?: string[] | null;
  /** Organisations not in the list that own it, one a line. */
  otherOwners?: string | null;
}

/** Field keys in errors: title, description, link, owners, deliverers, otherOwners. An organisation named as both owns it. */
export function checkStage(input: StageInput): StageFields {
  const errors: FieldErrors = {};
  const title = normaliseName(input.title ?? "");
  if (title.length < STAGE_LIMITS.titleMin) errors.title = { key: "stage.title_missing", min: STAGE_LIMITS.titleMin };
  else if (title.length > STAGE_LIMITS.titleMax)
    errors.title = { key: "text.this_too_long", max: STAGE_LIMITS.titleMax, length: title.length };

  const description = cleanText(input.description ?? "", "lines").trim();
  if (description.length > STAGE_LIMITS.descriptionMax) {
    errors.description = { key: "text.this_too_long", max: STAGE_LIMITS.descriptionMax, length: description.length };
  }

  const rawLink = cleanText(input.link ?? "", "line").trim();
  const link = rawLink ? parseWebLink(rawLink) : null;
  if (rawLink && !link) errors.link = { key: "link.not_link" };

  const owners: StageOwnerRecord[] = [];
  for (const [field, role] of [
    ["owners", "owns"],
    ["deliverers", "delivers"],
  ] as const) {
    for (const id of input[field] ?? []) {
      if (!findOrganisation(id)) errors[field] = { key: "profile.organisation_unknown" };
      else if (!owners.some((o) => o.organisation === id)) owners.push({ organisation: id, organisationOther: null, role });
    }
  }
  const others = cleanText(input.otherOwners ?? "", "lines")
    .split("\n")
    .map((line) => normaliseName(line))
    .filter(Boolean);
  if (others.some((o) => o.length > STAGE_LIMITS.otherOwnerMax))
    errors.otherOwners = { key: "text.this_too_long_short", max: STAGE_LIMITS.otherOwnerMax };
  for (const other of others) owners.push({ organisation: OTHER_ORGANISATION_ID, organisationOther: other, role: "owns" });
  const distinct = new Set(owners.map((o) => (o.organisationOther ? `other:${nameKey(o.organisationOther)}` : o.organisation)));
  if (distinct.size > STAGE_LIMITS.ownersMax) errors.owners = { key: "stage.too_many_owners", max: STAGE_LIMITS.ownersMax };

  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { title, description, link, owners };
}
