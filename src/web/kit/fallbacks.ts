// What the web layer answers when no route takes a request, or the address
// cannot even be read, so a person always gets a page that says what to do.
//
// - notFoundRoute: the last custom route, for any GET: the 404 page (Bolt's own
//   answer is an empty 404, in HTTP and Socket Mode alike).
// - webDispatchErrorHandler (HTTP mode): Bolt calls it for a request no route
//   took (a POST or PUT somewhere unknown: 404 page) and for a route that threw
//   before answering, such as an address with a broken %-escape, which Bolt's
//   router cannot decode (400 page).
// - guardSocketModeServer (Socket Mode): there Bolt's router runs in an async
//   request handler, so the same broken address would reject a promise nobody
//   awaits, which stops a Node process. The guard answers such requests itself.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { CustomRoute, HTTPReceiverOptions } from "@slack/bolt";
import { sendResult } from "./pageRoute";
import type { WebKit } from "./webKit";

export function notFoundRoute(kit: WebKit): CustomRoute {
  return {
    path: "/{*rest}",
    method: ["GET", "HEAD"],
    handler: (_req, res) => sendResult(kit, res, { kind: "error", error: "not_found" }),
  };
}

/** Whether every part of the address decodes (what Bolt's router will do to it). */
export function readableAddress(url: string | undefined): boolean {
  try {
    decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
    return true;
  } catch {
    return false;
  }
}

export function webDispatchErrorHandler(kit: WebKit): NonNullable<HTTPReceiverOptions["dispatchErrorHandler"]> {
  return ({ error, request, response }) => {
    if (response.headersSent) return;
    // Bolt's HTTPReceiverDeferredRequestError: nothing took the request.
    if ((error as { code?: string }).code === "slack_bolt_http_receiver_deferred_request_error") {
      return sendResult(kit, response, { kind: "error", error: "not_found" });
    }
    if (!readableAddress(request.url)) return sendResult(kit, response, { kind: "error", error: "bad_request" });
    kit.logger.error({ err: error, url: request.url }, "an HTTP request failed before any route answered");
    sendResult(kit, response, { kind: "error", error: "server_error" });
  };
}

export function guardSocketModeServer(kit: WebKit, server: Server): void {
  const listeners = server.listeners("request") as Array<(req: IncomingMessage, res: ServerResponse) => unknown>;
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!readableAddress(req.url)) return sendResult(kit, res, { kind: "error", error: "bad_request" });
    for (const listener of listeners) {
      Promise.resolve()
        .then(() => listener(req, res))
        .catch((error: unknown) => {
          kit.logger.error({ err: error, url: req.url }, "an HTTP request failed before any route answered");
          sendResult(kit, res, { kind: "error", error: "server_error" });
        });
    }
  });
}
