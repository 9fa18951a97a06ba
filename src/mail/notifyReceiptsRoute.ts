// POST /notify/delivery-receipts: GOV.UK Notify's delivery receipts (its "callback"
// for email status). Notify sends each with the bearer token set in its API
// integration page, which must match NOTIFY_CALLBACK_TOKEN (compared in constant
// time). The JSON names the email by `reference` (the outbox row's id) and says its
// status; services.mail.deliveryReceipt acts on it. The address is never logged.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { z } from "zod";
import type { MailService } from "../domain/mail/mail";

export const NOTIFY_RECEIPTS_PATH = "/notify/delivery-receipts";

/** A receipt is a few hundred bytes; anything much larger is not Notify. */
const MAX_BODY_BYTES = 64 * 1024;

const receiptSchema = z.object({
  id: z.string().optional(),
  reference: z.string().nullable().optional(),
  to: z.string().min(1),
  status: z.string().min(1),
});

/** Bolt's CustomRoute, by shape: this layer does not import Bolt. */
export interface ReceiptsRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Equal in constant time, whatever the lengths (both sides hashed first). */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function notifyReceiptsRoute(mail: MailService, token: string, logger: Logger): ReceiptsRoute {
  return {
    path: NOTIFY_RECEIPTS_PATH,
    method: ["POST"],
    handler: (req, res) => {
      const given = req.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? "";
      if (!sameToken(given, token)) {
        logger.warn(
          "a delivery receipt came without the right bearer token: check NOTIFY_CALLBACK_TOKEN against Notify's callback settings",
        );
        reply(res, 401, "Unauthorized");
        return;
      }
      void (async () => {
        const body = await readBody(req);
        let parsed: z.infer<typeof receiptSchema> | null = null;
        try {
          parsed = body === null ? null : receiptSchema.parse(JSON.parse(body));
        } catch {
          parsed = null;
        }
        if (!parsed) {
          reply(res, 400, "Not a delivery receipt");
          return;
        }
        const outcome = await mail.deliveryReceipt({ reference: parsed.reference ?? null, to: parsed.to, status: parsed.status });
        logger.info({ reference: parsed.reference, status: parsed.status, outcome }, "Notify delivery receipt");
        reply(res, 200, "OK");
      })().catch((error: unknown) => {
        // Notify tries a receipt again when it is not taken: a database hiccup loses nothing.
        logger.error({ err: error }, "could not record a Notify delivery receipt");
        if (!res.headersSent) reply(res, 500, "Could not record it");
      });
    },
  };
}
