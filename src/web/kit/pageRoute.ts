// A web page as a Bolt custom route (HTTP and Socket Mode alike): GET draws it,
// POST takes its form. Around the page's handler this does what every page
// needs, so no page can forget it:
//   - POST: the per-client rate limit (429), the form body (urlencoded, size
//     limited: 413/400) and its form token (400 when missing, wrong or old);
//   - the security headers, Cache-Control: no-store, and gzip when pre-made;
//   - errors: the handler's coded errors become error pages (not_found 404, gone
//     410, invalid_input 400), and anything else is logged and answered with the
//     500 page: no stack trace or message ever reaches the browser.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import type { WebErrorKind } from "../../i18n/catalogue";
import { clientAddress } from "./clientAddress";
import { CSRF_FIELD } from "./csrf";
import { errorContent, plainErrorText } from "./errorPages";
import { DEFAULT_FORM_LIMIT, FormBodyError, readFormBody } from "./formBody";
import { formCookieName, newFormCookie, readCookie } from "./formCookie";
import type { CustomError, WebResult } from "./results";
import { applyHeaders } from "./securityHeaders";
import type { WebKit } from "./webKit";

export interface PageRequest {
  req: IncomingMessage;
  method: "GET" | "POST";
  /** The path's parameters, as the route's path names them (decoded). */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The posted form (empty for GET). Its token has been checked already. */
  form: URLSearchParams;
  now: Date;
  /** A form token for a form on this page: put it in a hidden field named CSRF_FIELD (the csrfField template macro does). */
  csrfToken(): string;
}

export type PageHandler = (request: PageRequest) => Promise<WebResult> | WebResult;

export interface PageRouteSpec {
  /** A path-to-regexp 8 path, as Bolt matches it: "/invitation/:token". */
  path: string;
  get?: PageHandler;
  post?: PageHandler;
  /**
   * What the page's form tokens are bound to: "cookie" (the default) a random cookie set
   * with the form; a function, something in the address only its holder has (a personal
   * link's token: `(r) => r.params.token`); false, no token (only for RFC 8058's one-click
   * unsubscribe, which mail clients post without one and whose link is its own secret).
   */
  csrf?: "cookie" | ((request: Pick<PageRequest, "params" | "query">) => string) | false;
  /** Whether POSTs count against the client's form rate limit (default true). */
  rateLimit?: boolean;
  /** The largest form body taken, in bytes (default 32 KB). */
  formLimit?: number;
}

const CODE_PAGES: Partial<Record<string, WebErrorKind>> = { not_found: "not_found", gone: "gone", invalid_input: "bad_request" };

export function pageRoute(kit: WebKit, spec: PageRouteSpec): CustomRoute {
  const method = [...(spec.get ? ["GET", "HEAD"] : []), ...(spec.post ? ["POST"] : [])];
  return {
    path: spec.path,
    method,
    handler: (req, res) => {
      void servePage(kit, spec, req, res);
    },
  };
}

async function servePage(kit: WebKit, spec: PageRouteSpec, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const now = kit.clock.now();
  const cookies: string[] = [];
  try {
    const isPost = req.method === "POST";
    const params = (req as { params?: Record<string, string> }).params ?? {};
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const binding = (): string | null => {
      if (spec.csrf === false) return null;
      if (typeof spec.csrf === "function") return spec.csrf({ params, query });
      return readCookie(req, formCookieName(kit.https));
    };
    let form = new URLSearchParams();
    if (isPost) {
      if (spec.rateLimit !== false) {
        const decision = kit.forms.take(clientAddress(req, kit.trustedProxies));
        if (!decision.allowed) {
          req.resume();
          res.setHeader("retry-after", String(decision.retryAfterSeconds));
          return sendResult(kit, res, { kind: "error", error: "too_many" }, cookies, req);
        }
      }
      form = await readFormBody(req, spec.formLimit ?? DEFAULT_FORM_LIMIT);
      if (spec.csrf !== false) {
        const bound = binding();
        const check = bound ? kit.csrf.check(bound, form.get(CSRF_FIELD), now) : "missing";
        if (check !== "ok") {
          kit.logger.info({ path: spec.path, check }, "web form refused: its form token is not valid");
          return sendResult(kit, res, { kind: "error", error: "form_expired" }, cookies, req);
        }
      }
    }
    const request: PageRequest = {
      req,
      method: isPost ? "POST" : "GET",
      params,
      query,
      form,
      now,
      csrfToken() {
        let bound = binding();
        if (bound === null && spec.csrf !== false && typeof spec.csrf !== "function") {
          const cookie = newFormCookie(kit.https);
          cookies.push(cookie.header);
          bound = cookie.value;
          // The same cookie for any other form on this page.
          req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ""}${formCookieName(kit.https)}=${cookie.value}`;
        }
        if (!bound) throw new Error(`${spec.path} has no form token binding`);
        return kit.csrf.issue(bound, now);
      },
    };
    const handler = isPost ? spec.post : spec.get;
    const result = await handler!(request);
    sendResult(kit, res, result, cookies, req);
  } catch (error) {
    sendResult(kit, res, { kind: "error", error: failurePage(kit, spec, error) }, cookies, req);
  }
}

function failurePage(kit: WebKit, spec: PageRouteSpec, error: unknown): WebErrorKind {
  if (error instanceof FormBodyError) return error.status === 413 ? "too_large" : "bad_request";
  if (error instanceof AppError && CODE_PAGES[error.code]) return CODE_PAGES[error.code]!;
  kit.logger.error({ err: error, path: spec.path }, "a web page failed");
  return "server_error";
}

/** Writes a result as the response; shared with the other web routes (the not-found route, the asset route). */
export function sendResult(kit: WebKit, res: ServerResponse, result: WebResult, cookies: string[] = [], req?: IncomingMessage): void {
  if (res.headersSent) return;
  applyHeaders(res, kit.headers);
  res.setHeader("cache-control", "no-store");
  if (cookies.length) res.setHeader("set-cookie", cookies);
  switch (result.kind) {
    case "redirect":
      res.writeHead(303, { location: result.location });
      res.end();
      return;
    case "empty":
      res.writeHead(result.status);
      res.end();
      return;
    case "html": {
      const gzip = result.gzip && /\bgzip\b/.test(String(req?.headers["accept-encoding"] ?? ""));
      res.setHeader("vary", "accept-encoding");
      if (gzip) res.setHeader("content-encoding", "gzip");
      sendHtml(res, result.status ?? 200, gzip ? result.gzip! : result.html);
      return;
    }
    case "page": {
      let html: string;
      try {
        html = kit.renderer.render(result.template, result.context);
      } catch (error) {
        kit.logger.error({ err: error, template: result.template }, "a web page's template failed");
        sendError(kit, res, "server_error");
        return;
      }
      sendHtml(res, result.status ?? 200, html);
      return;
    }
    case "error":
      sendError(kit, res, result.error);
  }
}

/** The error pages by kind, rendered once a kit: they are the same for everyone, and a flood of bad addresses should cost little. */
const renderedErrors = new WeakMap<WebKit, Map<WebErrorKind, string>>();

function sendError(kit: WebKit, res: ServerResponse, error: WebErrorKind | CustomError): void {
  const { status, words } = errorContent(error);
  let html: string;
  try {
    const rendered = renderedErrors.get(kit) ?? new Map<WebErrorKind, string>();
    renderedErrors.set(kit, rendered);
    html = (typeof error === "string" ? rendered.get(error) : undefined) ?? kit.renderer.render("error.njk", { error: words });
    if (typeof error === "string") rendered.set(error, html);
  } catch (failure) {
    kit.logger.error({ err: failure }, "the error page's template failed");
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(plainErrorText(words));
    return;
  }
  sendHtml(res, status, html);
}

function sendHtml(res: ServerResponse, status: number, body: string | Buffer): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
