// GOV.UK's date input (three boxes: day, month, year) as the personal-link pages
// read and redraw it: an action's due date, a live project's expected date.
// Reading gives what the domain checks ("2027-03-05"), or what was typed when it
// is not a date, so the domain's own rule says why; redrawing keeps what was typed.

const PARTS = ["day", "month", "year"] as const;

/** "2027-03-05" from the boxes named `<prefix>-day`, `-month`, `-year`; null when all are empty; "not a date" otherwise. */
export function dateFromForm(form: URLSearchParams, prefix: string): string | null {
  const [day, month, year] = PARTS.map((part) => (form.get(`${prefix}-${part}`) ?? "").trim());
  if (!day && !month && !year) return null;
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return "not a date";
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/** govukDateInput's items: what was typed (a form sent back with mistakes), else the stored date, else empty. */
export function dateItems(prefix: string, typed: URLSearchParams, stored: string | null, error: boolean) {
  const [year, month, day] = stored ? stored.split("-") : [];
  const values: Record<(typeof PARTS)[number], string | undefined> = {
    day: day && String(Number(day)),
    month: month && String(Number(month)),
    year,
  };
  return PARTS.map((name) => {
    const field = `${prefix}-${name}`;
    const classes = name === "year" ? "govuk-input--width-4" : "govuk-input--width-2";
    return {
      name,
      classes: error ? `${classes} govuk-input--error` : classes,
      value: typed.has(field) ? (typed.get(field) ?? undefined) : values[name],
    };
  });
}
