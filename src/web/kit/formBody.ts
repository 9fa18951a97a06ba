// Reads a web form's body: application/x-www-form-urlencoded only (what a GOV.UK
// form posts), and at most `limit` bytes, counted as they arrive, so a huge or
// endless body is cut off without being held in memory.
import type { IncomingMessage } from "node:http";

/** What went wrong, as the error page to show: too large (413), or not a form (415). */
export class FormBodyError extends Error {
  constructor(readonly status: 413 | 415) {
    super(status === 413 ? "form body too large" : "not a form body");
  }
}

export const DEFAULT_FORM_LIMIT = 32 * 1024;

export function readFormBody(req: IncomingMessage, limit = DEFAULT_FORM_LIMIT): Promise<URLSearchParams> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    req.resume();
    return Promise.reject(new FormBodyError(415));
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new FormBodyError(413));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        // Stop reading: what is left is discarded as it arrives.
        req.removeAllListeners("data");
        req.resume();
        reject(new FormBodyError(413));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    });
    req.on("error", (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}
