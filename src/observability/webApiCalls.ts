// Sees every Slack Web API call a WebClient makes, with its outcome and time.
//
// The hook is the client's transport, `fetch`, because it is the one option
// that every client shares: Bolt copies its `clientOptions` into app.client and
// into each per-request client it builds, and our own clients take it too.
// Patching `client.apiCall` would not do: WebClient binds apiCall into
// `client.chat.postMessage` and the other method aliases when it is built.
//
// One observation per HTTP attempt, so a call the client retries after a 429
// shows as `rate_limited` and then as its final result. Kept free of
// prom-client: metrics and readiness ("Slack answered recently") both use it.
import type { FetchFunction, WebClientOptions } from "@slack/web-api";

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

export interface WebApiCall {
  /** The Web API method, e.g. chat.postMessage. */
  method: string;
  /**
   * `ok`; Slack's error code for an `ok: false` answer (e.g. channel_not_found);
   * `rate_limited` for HTTP 429; `http_<status>` for another HTTP status;
   * `timeout` or `request_failed` when no answer came.
   */
  result: string;
  /** From the request to the end of the answer's body. */
  seconds: number;
}

export type WebApiCallObserver = (call: WebApiCall) => void;

export interface ObserveOptions {
  /** The Web API base (SLACK_API_URL): only URLs under it are Web API calls; response_url posts and uploads are not. */
  slackApiUrl: string;
  /** The transport to wrap (a proxy's, say); globalThis.fetch, looked up at call time, when absent. */
  fetch?: FetchFunction;
}

/** WebClient options whose `fetch` reports each Web API call to `onCall`; spread them over a client's own options. */
export function observeWebApiCalls(onCall: WebApiCallObserver, options: ObserveOptions): Pick<WebClientOptions, "fetch"> {
  const base: FetchFunction = options.fetch ?? ((url, init) => globalThis.fetch(url, init as RequestInit) as Promise<FetchResponse>);
  const prefix = options.slackApiUrl.endsWith("/") ? options.slackApiUrl : `${options.slackApiUrl}/`;
  // A broken observer must never break a call to Slack.
  const report = (method: string, result: string, started: number) => {
    try {
      onCall({ method, result, seconds: (performance.now() - started) / 1000 });
    } catch {
      // ignored on purpose (see above)
    }
  };

  const observed: FetchFunction = async (url, init) => {
    const href = typeof url === "string" ? url : url.href;
    if (!href.startsWith(prefix)) return base(url, init);
    const method = href.slice(prefix.length).split(/[?#]/, 1)[0] || "unknown";
    const started = performance.now();
    let response: FetchResponse;
    try {
      response = await base(url, init);
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      report(method, name === "TimeoutError" || name === "AbortError" ? "timeout" : "request_failed", started);
      throw error;
    }
    if (response.status === 429) {
      report(method, "rate_limited", started);
      return response;
    }
    if (response.status !== 200) {
      report(method, `http_${response.status}`, started);
      return response;
    }
    // The result is in the body, which WebClient reads with text() (once): read it
    // there rather than cloning the response and parsing it twice.
    const text = response.text.bind(response);
    response.text = async () => {
      let body: string;
      try {
        body = await text();
      } catch (error) {
        report(method, "request_failed", started);
        throw error;
      }
      report(method, resultOf(body), started);
      return body;
    };
    return response;
  };
  return { fetch: observed };
}

/** `ok`, or the error code of an `ok: false` answer. Slack puts `ok` first, so the common case costs no parse. */
function resultOf(body: string): string {
  if (body.startsWith('{"ok":true')) return "ok";
  try {
    const data = JSON.parse(body) as { ok?: unknown; error?: unknown };
    if (data.ok === true) return "ok";
    return typeof data.error === "string" && data.error ? data.error : "invalid_response";
  } catch {
    return "invalid_response";
  }
}
