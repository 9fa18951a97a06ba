// What Slack's Web API error codes mean to the bot, in one table. The outbox
// dispatcher reads it to decide between retrying and failing a row, the
// organisers' alert to say why a message did not arrive, and the invitation
// form to tell the inviter who could not be sent a DM. A code learnt here is
// learnt by all three.

/** A refusal no retry will mend: someone has to act (or nothing can be done). */
interface Refusal {
  /** What the refusal is about: a channel the app cannot post in, or a person who cannot get a DM. */
  about: "channel" | "person";
  /** Why, in words for the people told about it (organisers, an inviter). */
  why: string;
}

const REFUSALS: Record<string, Refusal> = {
  channel_not_found: {
    about: "channel",
    why: "the channel no longer exists, or this app cannot see it. Link the community to a channel this app is in",
  },
  not_in_channel: { about: "channel", why: "this app is not in the channel. Add it with `/invite @Service Communities`" },
  is_archived: { about: "channel", why: "the channel is archived. Unarchive it, or link the community to another channel" },
  user_not_found: { about: "person", why: "that person's Slack account no longer exists" },
  account_inactive: { about: "person", why: "that person's Slack account is deactivated" },
  user_disabled: { about: "person", why: "that person's Slack account is deactivated" },
  cannot_dm_bot: { about: "person", why: "that account is a bot" },
};

/** `users.lookupByEmail`'s answer for an address with no account in the workspace: an answer, not a failure. */
export const NO_ACCOUNT_FOR_EMAIL = "users_not_found";

/** Why a look-up by email address failed, for the codes the inviter can do something about. */
const LOOKUP_FAILURES: Record<string, string> = {
  missing_scope: "this app may not read email addresses yet. Ask a workspace admin to reinstall it from its manifest",
  ratelimited: "Slack was busy. Try again in a minute",
};

/** The `error` code of a Slack Web API failure, for example name_taken, or undefined. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** Why Slack refused for good, in words for the people told; undefined for a code that a retry may mend. */
export function refusalReason(code: string | undefined): string | undefined {
  return code ? REFUSALS[code]?.why : undefined;
}

/** Why this person cannot be sent a DM at all (gone, deactivated, a bot); undefined for any other code. */
export function unreachablePersonReason(code: string | undefined): string | undefined {
  const refusal = code ? REFUSALS[code] : undefined;
  return refusal?.about === "person" ? refusal.why : undefined;
}

/** What to tell an inviter when an address could not be looked up. */
export function lookupFailureReason(code: string | undefined): string {
  return (code && LOOKUP_FAILURES[code]) ?? `Slack refused the look-up${code ? `, with the code ${code}` : ""}. Try again later`;
}

export type SlackFailure =
  | { type: "rate_limited"; retryAfterMs: number; code: string }
  /** No retry will mend it: the row fails at once and organisers are told. */
  | { type: "permanent"; code: string }
  | { type: "transient"; code: string };

/** Sorts a Web API failure into what to do about it. */
export function classifySlackFailure(error: unknown): SlackFailure {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string } | null;
  if (e?.code === "slack_webapi_rate_limited_error")
    return { type: "rate_limited", retryAfterMs: Math.max(1, e.retryAfter ?? 30) * 1000, code: "ratelimited" };
  const platform = e?.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
  if (platform && REFUSALS[platform]) return { type: "permanent", code: platform };
  if (platform) return { type: "transient", code: platform };
  if (e?.code === "slack_webapi_http_error") return { type: "transient", code: `http_${e.statusCode ?? "error"}` };
  return { type: "transient", code: e?.code ?? e?.message ?? String(error) };
}
