// People the app knows: most by their Slack user id, some only by email.
// Someone invited by an address with no account in the workspace becomes a
// member by email, a first-class member who takes part through the web pages
// (and email). Everywhere a person is keyed (memberships, invitations, votes,
// answers to meetings) they are keyed by a person id: a Slack user id, or
// "mail:" and a hash of their address. A hash, not the address, so the address
// never turns up in logs, audit keys or outbox targets; the address itself is
// kept once, on the membership or invitation, where only organisers see it.
import { createHash } from "node:crypto";

const EMAIL_PERSON = "mail:";

/** The one form of an address the app compares and stores: trimmed and lower-cased. */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** The person id of someone known only by their email address. The same address always gives the same id. */
export function emailPersonId(address: string): string {
  return `${EMAIL_PERSON}${createHash("sha256").update(normaliseEmail(address)).digest("hex").slice(0, 24)}`;
}

/** Whether a person id is a member by email rather than a Slack account. */
export function isEmailPerson(personId: string): boolean {
  return personId.startsWith(EMAIL_PERSON);
}

/** What a view needs to name a person: their id, and for a member by email the name they gave. */
export interface NamedPerson {
  slackUserId: string;
  displayName?: string | null;
}
