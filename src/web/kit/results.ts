// What a page's handler answers with; src/web/kit/pageRoute.ts turns it into
// the HTTP response (status, headers, body). Handlers return data, so they are
// tested without a server and never write to the response themselves.
import type { ErrorPageWords, WebErrorKind } from "../../i18n/catalogue";

export type WebResult =
  /** A template rendered with its context (200 unless told). */
  | { kind: "page"; template: string; context: Record<string, unknown>; status?: number }
  /** HTML already rendered (a cached page), with its gzip form when there is one. */
  | { kind: "html"; html: string; gzip?: Buffer; status?: number }
  /** After a form is handled: 303 See Other to a page, so reloading does not send the form again. */
  | { kind: "redirect"; location: string }
  /** An error page, by kind (the words in src/i18n/en/web.ts) or with words of the page's own. */
  | { kind: "error"; error: WebErrorKind | CustomError }
  /** A status and no page: what a mail client's one-click unsubscribe (RFC 8058) expects. */
  | { kind: "empty"; status: number };

export interface CustomError extends ErrorPageWords {
  status: number;
}

export function page(template: string, context: Record<string, unknown>, status?: number): WebResult {
  return { kind: "page", template, context, status };
}

/** Only to a path on this server: a redirect never leaves the site. */
export function redirect(location: string): WebResult {
  if (!location.startsWith("/") || location.startsWith("//")) throw new Error(`redirect to ${location}: only paths on this server`);
  return { kind: "redirect", location };
}

export function errorPage(error: WebErrorKind | CustomError): WebResult {
  return { kind: "error", error };
}
