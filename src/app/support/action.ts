// The shape every action listener (a click, a menu choice, a picker) shares:
// ack at once, since Slack waits for nothing else, then do the work. What the
// work throws is told to the person who clicked, in one way for every action:
// a refusal (an AppError) in the catalogue's words, anything else as a generic
// apology, logged once (see replies.ts). Neither shows a stack trace.
import type { AllMiddlewareArgs, BlockAction, Middleware, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../services";
import { errorText, tellClicker } from "./replies";

export type ActionArgs<A extends BlockAction = BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;

export function onAction<A extends BlockAction = BlockAction>(
  services: Services,
  handle: (args: ActionArgs<A>) => Promise<void>,
): Middleware<SlackActionMiddlewareArgs<A>> {
  return async (args) => {
    await args.ack();
    try {
      await handle(args);
    } catch (error) {
      await tellClicker(args.body, args.respond, args.client, errorText(error, services.logger));
    }
  };
}
