// GOV.UK's pattern for a form with mistakes: an error summary at the top of the
// page linking to each field, the same message beside each field, and "Error: "
// before the page's title. A page's presenter turns its field errors into this
// once; the template passes `summary` to govukErrorSummary and `byField.<name>`
// as each component's errorMessage (undefined, so nothing shows, when the field is fine).
import { webWords } from "../../i18n";

export interface FieldError {
  /** The field's name in the form; its input's id must be the same, so the summary's link lands on it. */
  field: string;
  /** What is wrong and how to fix it, GOV.UK style ("Select your organisation"). */
  message: string;
}

export interface FormErrors {
  /** For govukErrorSummary, or null when there is nothing wrong. */
  summary: { titleText: string; errorList: Array<{ text: string; href: string }> } | null;
  /** For each component's errorMessage. */
  byField: Record<string, { text: string } | undefined>;
  /** For the layout, which then puts "Error: " before the page's title. */
  hasErrors: boolean;
}

/** In the order the fields are on the page: the summary lists them in that order. */
export function formErrors(errors: readonly FieldError[]): FormErrors {
  const byField: FormErrors["byField"] = {};
  for (const e of errors) byField[e.field] ??= { text: e.message };
  return {
    summary: errors.length
      ? { titleText: webWords.errorSummaryTitle, errorList: errors.map((e) => ({ text: e.message, href: `#${e.field}` })) }
      : null,
    byField,
    hasErrors: errors.length > 0,
  };
}
