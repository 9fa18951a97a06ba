// The shape every modal submission listener shares. Slack waits for the ack
// of a submission to close the form, and shows errors in the ack beside their
// fields, so the work splits in two: `check` before the ack, `after` once the
// person has their answer.
import type { AllMiddlewareArgs, Middleware, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from "@slack/bolt";
import type { View } from "@slack/types";
import type { Services } from "../../services";
import { modalErrors } from "./replies";
import { type FieldValue, readViewState } from "./viewState";

export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export interface Submission<T> {
  /** Where an error that names no field is shown: a block of the form, or one chosen by what the form carried. */
  fallbackBlock: string | ((view: ViewOutput) => string);
  /** "all" closes every form in the stack (Slack's response_action "clear"); "this" only this one. */
  closes: "all" | "this";
  /**
   * Instead of closing, the form turns into this view (Slack's response_action
   * "update"): for an answer the person should read before they go, such as
   * what a deletion removed.
   */
  answer?(done: T): View;
  /**
   * Before the ack: read the answers, check them, write. What it throws comes
   * back beside its field (or the fallback block) and the form stays open.
   * `undefined` closes the form with nothing more to do: a repeated submission
   * whose first delivery does the rest.
   */
  check(args: SubmissionArgs, values: Record<string, FieldValue>): Promise<T | undefined>;
  /** After the ack: announcements, DMs, redrawn messages. */
  after?(args: SubmissionArgs, done: T): Promise<void>;
}

export function onSubmit<T>(services: Services, submission: Submission<T>): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async (args) => {
    let done: T | undefined;
    try {
      done = await submission.check(args, readViewState(args.view));
    } catch (error) {
      const block = typeof submission.fallbackBlock === "string" ? submission.fallbackBlock : submission.fallbackBlock(args.view);
      await args.ack({ response_action: "errors", errors: modalErrors(error, block, services.logger) });
      return;
    }
    if (done !== undefined && submission.answer) await args.ack({ response_action: "update", view: submission.answer(done) });
    else await (submission.closes === "all" ? args.ack({ response_action: "clear" }) : args.ack());
    if (done !== undefined) await submission.after?.(args, done);
  };
}
