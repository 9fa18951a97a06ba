// The cookie that binds form tokens on pages no personal link binds (see csrf.ts):
// a random value, HttpOnly, SameSite=Strict, and over https `__Host-` prefixed and
// Secure, so no other site, and no subdomain, can set or read it.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

export function formCookieName(https: boolean): string {
  return https ? "__Host-sc-form" : "sc-form";
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** A new value and the Set-Cookie header that sets it, for this browser session. */
export function newFormCookie(https: boolean): { value: string; header: string } {
  const value = randomBytes(18).toString("base64url");
  const secure = https ? "; Secure" : "";
  return { value, header: `${formCookieName(https)}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}` };
}
