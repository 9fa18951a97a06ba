// A fake GOV.UK Notify API on a local port. It checks each request's JWT exactly
// as Notify does: HS256 (no other algorithm, no "none"), signed with the API key's
// secret, `iss` the key's service id, `iat` within 30 s of its own clock (real
// time: Notify's is). It keeps the emails it was asked to send, answers
// GET /v2/notifications?reference=… as Notify does, can be told to answer 429 or
// 500, and can POST a delivery receipt to a callback as Notify does.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
export const KEY_SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
export const API_KEY = `service_communities_test-${SERVICE_ID}-${KEY_SECRET}`;
export const TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";

export interface NotifyEmail {
  id: string;
  template_id: string;
  email_address: string;
  personalisation: { subject?: string; body?: string };
  reference?: string;
  email_reply_to_id?: string;
  one_click_unsubscribe_url?: string;
}

interface Scripted {
  status: number;
  body: Record<string, unknown>;
  retryAfter?: number;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

/** What Notify says when a token does not pass, or null when it does. */
export function checkToken(authorization: string | undefined, now = Date.now()): string | null {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return "Unauthorized: authentication token must be provided";
  const [header, payload, signature, ...rest] = token.split(".");
  if (!header || !payload || signature === undefined || rest.length) return "Invalid token: not a JWT";
  let head: { alg?: string; typ?: string };
  let claims: { iss?: string; iat?: number };
  try {
    head = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return "Invalid token: not a JWT";
  }
  if (head.alg !== "HS256") return "Invalid token: algorithm used is not HS256";
  if (claims.iss !== SERVICE_ID) return "Invalid token: service id in iss is not this service";
  const expected = base64url(createHmac("sha256", KEY_SECRET).update(`${header}.${payload}`).digest());
  const given = Buffer.from(signature);
  if (given.length !== Buffer.byteLength(expected) || !timingSafeEqual(given, Buffer.from(expected))) {
    return "Invalid token: signature, api token not found";
  }
  if (typeof claims.iat !== "number" || Math.abs(now / 1000 - claims.iat) > 30) {
    return "Error: Your system clock must be accurate to within 30 seconds";
  }
  return null;
}

export class FakeNotify {
  readonly emails: NotifyEmail[] = [];
  /** Every request that arrived, accepted or not. */
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  private readonly scripted: Scripted[] = [];
  private server?: http.Server;
  baseUrl = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `times` sends get this answer instead (429, 500, 400…). */
  failNext(times: number, status: number, errors: Array<{ error: string; message: string }>, retryAfter?: number): void {
    for (let i = 0; i < times; i++) this.scripted.push({ status, body: { status_code: status, errors }, retryAfter });
  }

  /** Keeps an email as if an earlier process had sent it and died before marking it (a reference Notify already holds). */
  remember(email: Omit<NotifyEmail, "id">): NotifyEmail {
    const stored = { ...email, id: randomUUID() };
    this.emails.push(stored);
    return stored;
  }

  /** POSTs a delivery receipt for a sent email, as Notify calls a service's callback URL. */
  async deliveryReceipt(
    callbackUrl: string,
    bearer: string,
    email: NotifyEmail,
    status: string,
  ): Promise<{ status: number; text: string }> {
    const now = new Date().toISOString();
    const response = await fetch(callbackUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({
        id: email.id,
        reference: email.reference ?? null,
        to: email.email_address,
        status,
        created_at: now,
        completed_at: now,
        sent_at: now,
        notification_type: "email",
        template_id: email.template_id,
        template_version: 1,
      }),
    });
    return { status: response.status, text: await response.text() };
  }

  private reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", this.baseUrl);
    const record = (status: number) => this.requests.push({ method: req.method ?? "", path: url.pathname, status });
    const refused = checkToken(req.headers.authorization);
    if (refused) {
      record(403);
      this.reply(res, 403, { status_code: 403, errors: [{ error: "AuthError", message: refused }] });
      return;
    }
    if (req.method === "POST" && url.pathname === "/v2/notifications/email") {
      const scripted = this.scripted.shift();
      if (scripted) {
        record(scripted.status);
        this.reply(res, scripted.status, scripted.body, scripted.retryAfter ? { "retry-after": String(scripted.retryAfter) } : {});
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Omit<NotifyEmail, "id">;
      if (body.template_id !== TEMPLATE_ID) {
        record(400);
        this.reply(res, 400, { status_code: 400, errors: [{ error: "BadRequestError", message: "Template not found" }] });
        return;
      }
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email_address ?? "")) {
        record(400);
        this.reply(res, 400, {
          status_code: 400,
          errors: [{ error: "ValidationError", message: "email_address Not a valid email address" }],
        });
        return;
      }
      const email = this.remember(body);
      record(201);
      this.reply(res, 201, {
        id: email.id,
        reference: email.reference ?? null,
        content: {
          subject: body.personalisation?.subject,
          body: body.personalisation?.body,
          from_email: "service.communities@notifications.service.gov.uk",
        },
        uri: `${this.baseUrl}/v2/notifications/${email.id}`,
        template: { id: TEMPLATE_ID, version: 1, uri: `${this.baseUrl}/v2/template/${TEMPLATE_ID}` },
      });
      return;
    }
    if (req.method === "GET" && url.pathname === "/v2/notifications") {
      const reference = url.searchParams.get("reference");
      const found = this.emails.filter((e) => !reference || e.reference === reference);
      record(200);
      this.reply(res, 200, {
        notifications: found.map((e) => ({
          id: e.id,
          reference: e.reference ?? null,
          type: "email",
          status: "delivered",
          email_address: e.email_address,
        })),
        links: { current: `${this.baseUrl}/v2/notifications` },
      });
      return;
    }
    record(404);
    this.reply(res, 404, { status_code: 404, errors: [{ error: "NotFound", message: "Not found" }] });
  }
}
