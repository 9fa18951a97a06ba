// Error pages: each says what happened and what to do next, in GOV.UK's words,
// with the status that says the same to a machine. Nothing about the failure
// itself (a message, a stack) ever reaches the page: that goes to the log.
import { webWords } from "../../i18n";
import type { ErrorPageWords, WebErrorKind } from "../../i18n/catalogue";
import type { CustomError } from "./results";

export const ERROR_STATUS: Readonly<Record<WebErrorKind, number>> = {
  not_found: 404,
  link_invalid: 404,
  link_expired: 410,
  link_used: 410,
  gone: 410,
  bad_request: 400,
  form_expired: 400,
  too_large: 413,
  too_many: 429,
  server_error: 500,
};

export function errorContent(error: WebErrorKind | CustomError): { status: number; words: ErrorPageWords } {
  if (typeof error === "string") return { status: ERROR_STATUS[error], words: webWords.errors[error] };
  return { status: error.status, words: { title: error.title, paragraphs: error.paragraphs } };
}

/** When even the error page cannot be rendered: the same words, as plain text. */
export function plainErrorText(words: ErrorPageWords): string {
  return `${words.title}\n\n${words.paragraphs.join("\n")}\n`;
}
