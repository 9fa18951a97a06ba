// The organisation and profession questions, as the invitation page asks them:
// the same lists and the same rules (checkProfile) as Slack's join form. Slack
// picks from a searchable menu with an "Other" entry; a web form has a select
// and a text box under it, so a name typed in the box means "Other".
import type { FieldErrors } from "../../domain/common/reasons";
import type { ProfileInput } from "../../domain/members/profiles";
import { reasonText, webFormWords } from "../../i18n";
import { ORGANISATIONS, OTHER_ORGANISATION_ID } from "../../reference/organisations";
import { OTHER_PROFESSION_ID, PROFESSIONS } from "../../reference/professions";
import { type FieldError, type FormErrors, formErrors } from "../kit/formErrors";

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

function items(list: ReadonlyArray<{ id: string; name: string }>, chosen: string, prompt: string): SelectItem[] {
  const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return [{ value: "", text: prompt }, ...sorted.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen }))];
}

/** The select's options, with what was chosen kept when the page comes back with errors. */
export function profileChoices(form: URLSearchParams) {
  return {
    organisations: items(ORGANISATIONS, form.get("organisation") ?? "", "Select your organisation"),
    professions: items(PROFESSIONS, form.get("profession") ?? "", "Select your profession"),
  };
}

/** What the form says, as the domain reads a profile: a typed name with nothing selected is "Other". */
export function profileFromForm(form: URLSearchParams): ProfileInput {
  const chosen = (field: string, otherField: string, otherId: string) => {
    const id = (form.get(field) ?? "").trim();
    const other = (form.get(otherField) ?? "").trim();
    return { id: id || (other ? otherId : null), other: other || null };
  };
  const organisation = chosen("organisation", "organisationOther", OTHER_ORGANISATION_ID);
  const profession = chosen("profession", "professionOther", OTHER_PROFESSION_ID);
  return {
    organisation: organisation.id,
    // A name typed beside a listed choice is not used: the list's name is the one people know.
    organisationOther: organisation.id === OTHER_ORGANISATION_ID ? organisation.other : null,
    profession: profession.id,
    professionOther: profession.id === OTHER_PROFESSION_ID ? profession.other : null,
  };
}

/** The domain's field errors as the GOV.UK error summary and messages, in the order of the fields on the page. */
export function pageErrors(errors: FieldErrors, order: readonly string[]): FormErrors {
  const list: FieldError[] = order.flatMap((field) => {
    const reason = errors[field];
    if (!reason) return [];
    // Every reason a page shows has web words; Slack's sentence (without its bold) is the safety net.
    const message = webFormWords.fieldErrors[reason.key] ?? reasonText(reason).replace(/\*/g, "");
    return [{ field, message }];
  });
  return formErrors(list);
}
