// A member's organisation and profession: an id from the reference lists, or
// "other" with the words they typed.
import { findOrganisation, OTHER_ORGANISATION_ID } from "../../reference/organisations";
import { findProfession, OTHER_PROFESSION_ID } from "../../reference/professions";
import type { FieldErrors, Reason } from "../common/reasons";
import { normaliseName } from "../common/text";
import type { MemberProfile } from "../ports";

export const OTHER_TEXT_MAX = 100;

export interface ProfileInput {
  organisation?: string | null;
  organisationOther?: string | null;
  profession?: string | null;
  professionOther?: string | null;
}

interface ChoiceRules {
  field: "organisation" | "profession";
  otherId: string;
  known: (id: string) => boolean;
  missing: Reason;
  unknown: Reason;
  otherMissing: Reason;
}

/**
 * One pick from a reference list, or "other" with typed words. Writes any error
 * under the field (or the field's "Other" input) and returns the chosen values.
 */
function checkChoice(id: string, other: string, rules: ChoiceRules, errors: FieldErrors): { id: string; other: string | null } {
  const otherField = `${rules.field}Other`;
  if (!id) errors[rules.field] = rules.missing;
  else if (id === rules.otherId) {
    if (!other) errors[otherField] = rules.otherMissing;
    else if (other.length > OTHER_TEXT_MAX) errors[otherField] = { key: "profile.other_too_long", max: OTHER_TEXT_MAX };
  } else if (!rules.known(id)) errors[rules.field] = rules.unknown;
  return { id, other: id === rules.otherId ? other : null };
}

const ORGANISATION_RULES: ChoiceRules = {
  field: "organisation",
  otherId: OTHER_ORGANISATION_ID,
  known: (id) => findOrganisation(id) !== undefined,
  missing: { key: "profile.organisation_missing" },
  unknown: { key: "profile.organisation_unknown" },
  otherMissing: { key: "profile.organisation_other_missing" },
};

const PROFESSION_RULES: ChoiceRules = {
  field: "profession",
  otherId: OTHER_PROFESSION_ID,
  known: (id) => findProfession(id) !== undefined,
  missing: { key: "profile.profession_missing" },
  unknown: { key: "profile.profession_unknown" },
  otherMissing: { key: "profile.profession_other_missing" },
};

/** Field errors are keyed organisation, organisationOther, profession, professionOther. */
export function checkProfile(input: ProfileInput, errors: FieldErrors): MemberProfile | null {
  const before = Object.keys(errors).length;
  const organisation = checkChoice(
    normaliseName(input.organisation ?? ""),
    normaliseName(input.organisationOther ?? ""),
    ORGANISATION_RULES,
    errors,
  );
  const profession = checkChoice(
    normaliseName(input.profession ?? ""),
    normaliseName(input.professionOther ?? ""),
    PROFESSION_RULES,
    errors,
  );
  if (Object.keys(errors).length > before) return null;
  return {
    organisation: organisation.id,
    organisationOther: organisation.other,
    profession: profession.id,
    professionOther: profession.other,
  };
}

/** What people read: "HM Revenue & Customs (HMRC)" or the typed name. */
export function organisationLabel(profile: Pick<MemberProfile, "organisation" | "organisationOther">): string {
  if (profile.organisation === OTHER_ORGANISATION_ID) return profile.organisationOther ?? "Other";
  const found = findOrganisation(profile.organisation);
  if (!found) return profile.organisation;
  return found.abbreviation ? `${found.name} (${found.abbreviation})` : found.name;
}

/**
 * The organisation's short name ("HMRC", or the full name where it has no
 * abbreviation), for places that already put it in brackets.
 */
export function organisationShortLabel(profile: Pick<MemberProfile, "organisation" | "organisationOther">): string {
  if (profile.organisation === OTHER_ORGANISATION_ID) return profile.organisationOther ?? "Other";
  const found = findOrganisation(profile.organisation);
  return found ? (found.abbreviation ?? found.name) : profile.organisation;
}

export function professionLabel(profile: Pick<MemberProfile, "profession" | "professionOther">): string {
  if (profile.profession === OTHER_PROFESSION_ID) return profile.professionOther ?? "Other";
  return findProfession(profile.profession)?.name ?? profile.profession;
}
