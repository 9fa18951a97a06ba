// Personal links: the web pages reached from an email or a DM, each good for one
// person, one purpose and one thing (an invitation, a meeting, a problem…) until
// it expires. See README, "Web pages: the security of the links".
//
// A link is `<PUBLIC_URL><path of its purpose>/<token>`. The token carries its
// fields in the clear (base64url JSON: nothing in it is secret, and the page
// needs them) and an HMAC of them under a key of its own, derived from the link
// secret under the label "personal-links": a calendar or export link's key, or a
// form token's, is a different key. Changing any field (the purpose, the
// person, the target, the expiry) breaks the signature, so a link is useless for
// anything but what it was made for. Each link has a random id, so a page that
// must be used once (accepting an invitation) can record the ids it has seen.
import { randomBytes } from "node:crypto";
import { derivedKey, mac, sameMac } from "./linkSecret";

/** What a personal link lets its holder do; each has its own page. */
export const LINK_PURPOSES = [
  "accept-invitation",
  "answer-meeting",
  "vote-problem",
  "email-settings",
  "manage-action",
  "round-answer",
] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** Where each purpose's page is: the route is `<path>/:token`. */
export const PERSONAL_LINK_PATHS: Readonly<Record<LinkPurpose, string>> = {
  "accept-invitation": "/invitation",
  "answer-meeting": "/meeting",
  "vote-problem": "/problem",
  "email-settings": "/email",
  "manage-action": "/action",
  "round-answer": "/round",
};

export interface PersonalLink {
  purpose: LinkPurpose;
  /** Who it is for: an opaque id (a Slack user id, or the id of a member known only by email). */
  person: string;
  /**
   * What it is about: an invitation's, meeting's or problem's id (a community's, for email
   * settings; a meeting's and an organisation's, for the round: roundAnswerTarget).
   */
  target: string;
  /** It stops working after this instant (whole seconds). */
  expiresAt: Date;
  /** Random, unique to this link: what a page records to refuse a link used before. */
  id: string;
}

/**
 * ok: the link is good now. expired: it was made by us, unchanged, but its time has
 * passed (its fields say whose it was, so the page can offer a new one). invalid:
 * not a link we made, changed, or made for another purpose: nothing in it is trusted.
 */
export type LinkCheck = { status: "ok"; link: PersonalLink } | { status: "expired"; link: PersonalLink } | { status: "invalid" };

const VERSION = 1;
/** Longer than any link we make; refused unread. */
const MAX_TOKEN_LENGTH = 1024;

export class PersonalLinks {
  private readonly key: Buffer;

  constructor(
    private readonly publicUrl: string,
    secret: string,
  ) {
    this.key = derivedKey(secret, "personal-links");
  }

  /** A token for the link; `id` is made at random unless given (tests pin it). */
  token(link: Omit<PersonalLink, "id"> & { id?: string }): string {
    for (const field of [link.person, link.target]) {
      if (!field || field.length > 200) throw new Error("a personal link's person and target are ids of 1 to 200 characters");
    }
    const expires = Math.floor(link.expiresAt.getTime() / 1000);
    const id = link.id ?? randomBytes(12).toString("base64url");
    const payload = Buffer.from(JSON.stringify([VERSION, link.purpose, link.person, link.target, expires, id])).toString("base64url");
    return `${payload}.${mac(this.key, payload)}`;
  }

  /** The link's full address, under PUBLIC_URL. */
  url(link: Omit<PersonalLink, "id"> & { id?: string }): string {
    return `${this.publicUrl.replace(/\/+$/, "")}${PERSONAL_LINK_PATHS[link.purpose]}/${this.token(link)}`;
  }

  /** Checks a token from a page's address against the purpose of that page. */
  check(purpose: LinkPurpose, token: string, now: Date): LinkCheck {
    const link = this.read(token);
    if (!link || link.purpose !== purpose) return { status: "invalid" };
    return now.getTime() >= link.expiresAt.getTime() ? { status: "expired", link } : { status: "ok", link };
  }

  /** The link's fields when the token is one we signed, else null. The signature is checked before anything is parsed. */
  private read(token: string): PersonalLink | null {
    if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return null;
    const dot = token.indexOf(".");
    if (dot <= 0) return null;
    const payload = token.slice(0, dot);
    if (!sameMac(token.slice(dot + 1), mac(this.key, payload))) return null;
    let fields: unknown;
    try {
      fields = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return null;
    }
    if (!Array.isArray(fields) || fields.length !== 6 || fields[0] !== VERSION) return null;
    const [, purpose, person, target, expires, id] = fields as [number, unknown, unknown, unknown, unknown, unknown];
    if (!LINK_PURPOSES.includes(purpose as LinkPurpose) || typeof person !== "string" || typeof target !== "string") return null;
    if (!Number.isInteger(expires) || typeof id !== "string") return null;
    return { purpose: purpose as LinkPurpose, person, target, expiresAt: new Date((expires as number) * 1000), id };
  }
}

/** A round-answer link's target: the meeting and the organisation asked about (its key may hold ":", a meeting id never does). */
export function roundAnswerTarget(meetingId: string, organisation: string): string {
  return `${meetingId}:${organisation}`;
}

/** The meeting and organisation a round-answer link names, or null for a target that is not one. */
export function readRoundAnswerTarget(target: string): { meetingId: string; organisation: string } | null {
  const colon = target.indexOf(":");
  if (colon <= 0 || colon === target.length - 1) return null;
  return { meetingId: target.slice(0, colon), organisation: target.slice(colon + 1) };
}
