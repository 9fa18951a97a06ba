// What an inviter writes: the people and message on the invitation form,
// checked. The ready-written texts that start them off (the invitation and the
// reach-out post) are the catalogue's prose (src/i18n).
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText } from "../common/text";

/** The most people one invitation form may invite. */
export const INVITE_LIMIT = 100;
// Short enough that the copy-ready email (message plus how to join) fits one 3000-character section.
export const INVITE_MESSAGE_MAX = 2500;

export interface NamedProblem {
  id: string;
  title: string;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * Checks what the inviter typed. Field errors are keyed people, emails and
 * message (the modal's block ids). Email addresses are de-duplicated ignoring case.
 */
export function checkInvitationDraft(input: { users: string[]; emails: string | null; message: string | null }): {
  users: string[];
  emails: string[];
  message: string;
} {
  const errors: FieldErrors = {};
  const users = [...new Set(input.users)];
  const tokens = cleanText(input.emails ?? "", "lines")
    .split(/[\s,;]+/)
    .map((t) =>
      t
        .trim()
        .replace(/^<|>$/g, "")
        .replace(/^mailto:/i, ""),
    )
    .filter(Boolean);
  const invalid = tokens.filter((t) => !EMAIL.test(t));
  const emails = [...new Map(tokens.filter((t) => EMAIL.test(t)).map((t) => [t.toLowerCase(), t])).values()];
  if (invalid.length) errors.emails = { key: "invitation.emails_invalid", invalid };
  const total = users.length + emails.length;
  if (total === 0 && !invalid.length) errors.people = { key: "invitation.nobody" };
  if (total > INVITE_LIMIT) {
    errors.people = { key: "invitation.too_many", max: INVITE_LIMIT, users: users.length, emails: emails.length };
  }
  const message = cleanText(input.message ?? "", "lines").trim();
  if (!message) errors.message = { key: "invitation.message_missing" };
  else if (message.length > INVITE_MESSAGE_MAX)
    errors.message = { key: "invitation.message_too_long", max: INVITE_MESSAGE_MAX, length: message.length };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { users, emails, message };
}
