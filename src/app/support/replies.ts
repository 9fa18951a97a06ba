// Turning coded errors into what a person sees: an ephemeral message or
// per-field modal errors, worded by the catalogue (src/i18n) from the error's
// reason. Anything unexpected gets a calm, generic message.
import type { Logger } from "pino";
import { AppError, ValidationError } from "../../domain/common/errors";
import { reasonText } from "../../i18n";
import type { Message } from "../../views/blocks";
import { domainMessage, type Mrkdwn, md } from "../../views/mrkdwn";
import { refusalMessage } from "../../views/nextSteps";

export const SOMETHING_WENT_WRONG = md`:warning: Something went wrong in this app, so nothing was changed. Try again in a moment.`;

/** A message (or text alone) as an ephemeral reply: seen only by the person it answers. */
export function ephemeral(message: Message | Mrkdwn) {
  const { text, blocks } = typeof message === "string" ? { text: message, blocks: undefined } : message;
  return { response_type: "ephemeral" as const, text, ...(blocks ? { blocks } : {}) };
}

/**
 * Who counts the errors these helpers turn into messages (metrics), per app.
 * Every listener passes its app's services.logger, so the logger is the handle
 * to find its app by, without threading a metrics port through every listener.
 */
const errorObservers = new WeakMap<Logger, (code: string) => void>();

/** Tells `observer` the code of each error a listener of the app logging to `logger` shows to someone: the AppError's, or "unexpected". */
export function observeListenerErrors(logger: Logger, observer: (code: string) => void): void {
  errorObservers.set(logger, observer);
}

function noteError(error: unknown, logger: Logger): void {
  errorObservers.get(logger)?.(error instanceof AppError ? error.code : "unexpected");
  // The error's own message is the internal one (code, reason key, parameters); the person reads the catalogue's words.
  if (error instanceof AppError) logger.debug({ code: error.code, detail: error.message }, "a request was refused");
}

/** The message for an error: its reason in words, or a generic apology (logged). */
export function errorText(error: unknown, logger: Logger): Mrkdwn {
  noteError(error, logger);
  if (error instanceof AppError) return domainMessage(reasonText(error.reason));
  logger.error({ err: error }, "unexpected error in a listener");
  return SOMETHING_WENT_WRONG;
}

/** An error as a whole reply: its words, and the buttons that lead on from it where a command would otherwise end there. */
export function errorMessage(error: unknown, logger: Logger): Message {
  const text = errorText(error, logger);
  return error instanceof AppError ? refusalMessage(error.reason, text) : { text };
}

/**
 * Modal errors: { block_id: message }. Block ids are the domain's field names,
 * so a ValidationError maps straight across; `fallbackBlock` takes anything else.
 */
export function modalErrors(error: unknown, fallbackBlock: string, logger: Logger): Record<string, string> {
  noteError(error, logger);
  if (error instanceof ValidationError)
    return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, reason]) => [field, reasonText(reason)]));
  if (error instanceof AppError) return { [error.field ?? fallbackBlock]: reasonText(error.reason) };
  logger.error({ err: error }, "unexpected error in a modal submission");
  return { [fallbackBlock]: SOMETHING_WENT_WRONG };
}

/**
 * Tells the person who clicked something: ephemerally where the click came
 * from a message, by DM where it came from App Home (which has no response_url).
 */
export async function tellClicker(
  body: { user: { id: string }; container?: { type?: string } },
  respond: (message: Record<string, unknown>) => Promise<unknown>,
  client: { chat: { postMessage(args: { channel: string; text: string }): Promise<unknown> } },
  text: Mrkdwn,
): Promise<void> {
  if (body.container?.type === "view") await client.chat.postMessage({ channel: body.user.id, text });
  else await respond({ response_type: "ephemeral", replace_original: false, text });
}
