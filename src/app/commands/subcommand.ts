import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../services";

/** What a subcommand handler receives: the parsed arguments and Bolt's tools. */
export interface SubcommandContext {
  /** Everything after the subcommand word, trimmed. */
  args: string;
  command: SlackCommandMiddlewareArgs["command"];
  /** Acks once; later calls are ignored (the router may ack first). */
  ack: (response?: Record<string, unknown>) => Promise<void>;
  respond: RespondFn;
  client: WebClient;
  context: AllMiddlewareArgs["context"];
  services: Services;
}

export interface Subcommand {
  name: string;
  aliases?: string[];
  /** e.g. "/community info [name]" */
  usage: string;
  summary: string;
  /**
   * "first": the router acks at once and the handler works after it (the default).
   * "self": the handler acks itself, with a message (help is answered in the ack).
   */
  ack?: "first" | "self";
  handle(ctx: SubcommandContext): Promise<void>;
}
