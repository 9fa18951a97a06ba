// A member's organisation and profession: an id from the reference lists, or
// "other" with the words they typed.
import { findOrganisation, OTHER_ORGANISATION_ID } from "../../reference/organisations";
import { findProfession, OTHER_PROFESSION_ID } from "../../reference/professions";
import type { MemberProfile } from "../ports";
import { normaliseName } from "../common/text";

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
  missing: string;
  unknown: string;
  otherMissing: string;
}

/**
 * One pick from a reference list, or "other" with typed words. Writes any error
 * under the field (or the field's "Other" input) and returns the chosen values.
 */
function checkChoice(id: string, other: string, rules: ChoiceRules, errors: Record<string, string>): { id: string; other: string | null } {
  const otherField = `${rules.field}Other`;
  if (!id) errors[rules.field] = rules.missing;
  else if (id === rules.otherId) {
    if (!other) errors[otherField] = rules.otherMissing;
    else if (other.length > OTHER_TEXT_MAX) errors[otherField] = `Keep it to ${OTHER_TEXT_MAX} characters.`;
  } else if (!rules.known(id)) errors[rules.field] = rules.unknown;
  return { id, other: id === rules.otherId ? other : null };
}

const ORGANISATION_RULES: ChoiceRules = {
  field: "organisation",
  otherId: OTHER_ORGANISATION_ID,
  known: (id) => findOrganisation(id) !== undefined,
  missing: "Pick your organisation. Type a few letters, e.g. HMRC, or choose Other.",
  unknown: "That organisation is not in our list. Pick one from the list, or choose Other and type it.",
  otherMissing: "You chose Other: type your organisation's name here.",
};

const PROFESSION_RULES: ChoiceRules = {
  field: "profession",
  otherId: OTHER_PROFESSION_ID,
  known: (id) => findProfession(id) !== undefined,
  missing: "Pick your profession, or choose Other.",
  unknown: "That profession is not in our list. Pick one from the list, or choose Other.",
  otherMissing: "You chose Other: type your profession here.",
};

/** Field errors are keyed organisation, organisationOther, profession, professionOther. */
export function checkProfile(input: ProfileInput, errors: Record<string, string>): MemberProfile | null {
  const before = Object.keys(errors).length;
  const organisation = checkChoice(normaliseName(input.organisation ?? ""), normaliseName(input.organisationOther ?? ""), ORGANISATION_RULES, errors);
  const profession = checkChoice(normaliseName(input.profession ?? ""), normaliseName(input.professionOther ?? ""), PROFESSION_RULES, errors);
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

export function professionLabel(profile: Pick<MemberProfile, "profession" | "professionOther">): string {
  if (profile.profession === OTHER_PROFESSION_ID) return profile.professionOther ?? "Other";
  return findProfession(profile.profession)?.name ?? profile.profession;
}
