// The keys of the web pages' signed links and form tokens. Each use has its own
// key, derived from one secret under its own label, so a signature made for one
// use (a calendar link, a personal link, a form token) is never valid for another.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../config";

/**
 * LINK_SECRET when set, else the signing secret (the bot token in Socket Mode, which has
 * no signing secret), as the calendar and export links use. Setting LINK_SECRET lets an
 * operator retire every personal link and page address without touching Slack's secrets.
 */
export function webSecret(config: Pick<Config, "linkSecret" | "slackSigningSecret" | "slackBotToken">): string {
  return config.linkSecret ?? config.slackSigningSecret ?? config.slackBotToken;
}

/** A 32-byte key for one use of the secret. */
export function derivedKey(secret: string, use: string): Buffer {
  return createHmac("sha256", `service-communities:${use}`).update(secret).digest();
}

/** An HMAC-SHA256 of `message` under `key`, as 32 base64url characters (192 bits). */
export function mac(key: Buffer, message: string): string {
  return createHmac("sha256", key).update(message).digest("base64url").slice(0, 32);
}

/** Compares two signatures in constant time (for equal lengths). */
export function sameMac(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
