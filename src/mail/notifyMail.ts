// GOV.UK Notify, through its own client (notifications-node-client): it signs
// each request's JWT (HS256 with the API key's secret, `iss` the service id,
// `iat` now) and shapes the calls. The HTTP itself goes through a small
// fetch-based transport handed to the client (setClient) instead of its axios
// default, so Notify is reached through the same outbound proxy as Slack and
// every failure comes back with its status, body and Retry-After to classify.
//
// Notify sends from a template: the service has one generic email template whose
// subject is ((subject)) and whose body is ((body)) (README, "Email"), and each
// email fills them in. Notify cannot attach files, so an email's calendar part is
// not sent: its body carries links instead. It sets its own headers; the only one
// it takes from us is the one-click unsubscribe address (List-Unsubscribe).
import { NotifyClient } from "notifications-node-client";
import { type MailFailure, type MailPort, type MailReceipt, MailSendError, type OutgoingEmail } from "../domain/ports/mail";

export const NOTIFY_PRODUCTION_URL = "https://api.notifications.service.gov.uk";

export interface NotifySettings {
  /** name-serviceId-secret, as Notify's API integration page gives it. */
  apiKey: string;
  /** The generic template with ((subject)) and ((body)). */
  templateId: string;
  baseUrl: string;
  /** A reply-to address set up in Notify (its id): Notify takes no other. */
  replyToId?: string;
  /** How long one call may take before it counts as a transient failure. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A Notify answer other than 2xx. */
class NotifyHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`Notify answered ${status}`);
  }
}

interface RestRequest {
  method: string;
  url: string;
  data?: unknown;
  headers: Record<string, string>;
}

/** What notifications-node-client calls instead of axios: the same request shape, an axios-like { status, data } back. */
function restClient(doFetch: typeof fetch, timeoutMs: number) {
  return async (request: RestRequest) => {
    const response = await doFetch(request.url, {
      method: request.method.toUpperCase(),
      headers: { ...request.headers, ...(request.data === undefined ? {} : { "content-type": "application/json" }) },
      body: request.data === undefined ? undefined : JSON.stringify(request.data),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (a proxy's error page): kept as text for the reason
    }
    if (!response.ok) {
      const retryAfter = Number(response.headers.get("retry-after"));
      throw new NotifyHttpError(response.status, data, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    return { status: response.status, data, headers: Object.fromEntries(response.headers) };
  };
}

/** Notify's errors: { status_code, errors: [{ error, message }] }. */
function notifyErrors(body: unknown): Array<{ error: string; message: string }> {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? errors.map((e) => ({ error: String(e?.error ?? ""), message: String(e?.message ?? "") })) : [];
}

/** A rate limit with no Retry-After: Notify's per-minute window. */
const RATE_LIMIT_WAIT_MS = 60_000;
/** Notify's daily limit ("Exceeded send limits … for today"): try again in an hour rather than hammer it. */
const DAILY_LIMIT_WAIT_MS = 60 * 60_000;

/** What a failed call to Notify means for the email. */
export function classifyNotifyFailure(error: unknown): MailFailure {
  if (!(error instanceof NotifyHttpError)) {
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    const why = e?.cause?.code ?? (e?.name === "TimeoutError" ? "timed out" : (e?.message ?? String(error)));
    return { type: "transient", reason: `Notify could not be reached (${why})` };
  }
  const errors = notifyErrors(error.body);
  const said = errors.map((e) => `${e.error}: ${e.message}`).join("; ") || String(error.body ?? "").slice(0, 200);
  const reason = `Notify answered ${error.status}${said ? ` (${said})` : ""}`;
  if (error.status === 429) {
    const daily = errors.some((e) => /for today/i.test(e.message) || e.error === "TooManyRequestsError");
    const wait = error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : daily ? DAILY_LIMIT_WAIT_MS : RATE_LIMIT_WAIT_MS;
    return { type: "rate_limited", retryAfterMs: wait, reason };
  }
  if (error.status >= 500) return { type: "transient", reason };
  // 403: the key is wrong, revoked, or the clock is off by more than 30 s. The operator mends
  // that, not the organisers, and every email would fail alike: retry with back-off meanwhile.
  if (error.status === 403) return { type: "transient", reason };
  if (error.status === 400 && errors.some((e) => /email_address|not a valid email/i.test(e.message))) {
    return { type: "permanent_address", reason };
  }
  return { type: "permanent", reason };
}

/** The https address in a List-Unsubscribe header (`<https://…>, <mailto:…>`), which Notify puts in its own. */
function oneClickUrl(headers: Record<string, string> | undefined): string | undefined {
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "list-unsubscribe")?.[1];
  return value?.match(/<(https:[^>]+)>/)?.[1];
}

export class NotifyMail implements MailPort {
  readonly provider = "notify" as const;
  readonly carriesCalendar = false;
  private readonly client: NotifyClient;

  constructor(private readonly settings: NotifySettings) {
    this.client = new NotifyClient(settings.baseUrl, settings.apiKey);
    // The client types its transport as an axios instance; it only ever calls it with one request object.
    this.client.setClient(restClient(settings.fetch ?? fetch, settings.timeoutMs ?? 30_000) as never);
  }

  async send(email: OutgoingEmail): Promise<MailReceipt> {
    const unsubscribe = oneClickUrl(email.headers);
    try {
      const response = await this.client.sendEmail(this.settings.templateId, email.to, {
        personalisation: { subject: email.subject, body: email.notifyMarkdown ?? email.text },
        reference: email.reference,
        ...(this.settings.replyToId ? { emailReplyToId: this.settings.replyToId } : {}),
        ...(unsubscribe ? { oneClickUnsubscribeURL: unsubscribe } : {}),
      });
      return { id: String((response.data as { id?: string }).id ?? "") };
    } catch (error) {
      throw new MailSendError(classifyNotifyFailure(error));
    }
  }

  async alreadySent(reference: string): Promise<boolean | null> {
    try {
      const response = await this.client.getNotifications("email", undefined, reference);
      return Boolean((response.data as { notifications?: unknown[] }).notifications?.length);
    } catch (error) {
      // Notify cannot say now: the row waits (a transient failure) rather than risk a duplicate.
      throw new MailSendError(classifyNotifyFailure(error));
    }
  }

  async close(): Promise<void> {}
}
