// A member's organisation and profession: an id from the reference lists, or
// "other" with the words they typed.
import { findOrganisation, OTHER_ORGANISATION_ID } from "../reference/organisations";
import { findProfession, OTHER_PROFESSION_ID } from "../reference/professions";
import type { MemberProfile } from "./ports";

export const OTHER_TEXT_MAX = 100;

export interface ProfileInput {
  organisation?: string | null;
  organisationOther?: string | null;
  profession?: string | null;
  professionOther?: string | null;
}

/** Field errors are keyed organisation, organisationOther, profession, professionOther. */
export function checkProfile(input: ProfileInput, errors: Record<string, string>): MemberProfile | null {
  const organisation = input.organisation?.trim() ?? "";
  const organisationOther = input.organisationOther?.trim() ?? "";
  const profession = input.profession?.trim() ?? "";
  const professionOther = input.professionOther?.trim() ?? "";

  if (!organisation) {
    errors.organisation = "Pick your organisation. Type a few letters, e.g. HMRC, or choose Other.";
  } else if (organisation === OTHER_ORGANISATION_ID) {
    if (!organisationOther) errors.organisationOther = "You chose Other: type your organisation's name here.";
    else if (organisationOther.length > OTHER_TEXT_MAX) errors.organisationOther = `Keep it to ${OTHER_TEXT_MAX} characters.`;
  } else if (!findOrganisation(organisation)) {
    errors.organisation = "That organisation is not in our list. Pick one from the list, or choose Other and type it.";
  }

  if (!profession) {
    errors.profession = "Pick your profession, or choose Other.";
  } else if (profession === OTHER_PROFESSION_ID) {
    if (!professionOther) errors.professionOther = "You chose Other: type your profession here.";
    else if (professionOther.length > OTHER_TEXT_MAX) errors.professionOther = `Keep it to ${OTHER_TEXT_MAX} characters.`;
  } else if (!findProfession(profession)) {
    errors.profession = "That profession is not in our list. Pick one from the list, or choose Other.";
  }

  if (["organisation", "organisationOther", "profession", "professionOther"].some((key) => key in errors)) return null;
  return {
    organisation,
    organisationOther: organisation === OTHER_ORGANISATION_ID ? organisationOther : null,
    profession,
    professionOther: profession === OTHER_PROFESSION_ID ? professionOther : null,
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
