import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../../services";
import type { Message } from "../../views/blocks";
import type { HelpTopic } from "../../views/help";

/** What a subcommand handler receives: the parsed arguments and Bolt's tools. */
export interface SubcommandContext {
  /** Everything after the subcommand word, trimmed, without user mentions (see commandText.ts). */
  args: string;
  /** Users mentioned in the command ("/community invite @bob @carol"), in order. */
  mentionedUsers: string[];
  command: SlackCommandMiddlewareArgs["command"];
  respond: RespondFn;
  client: WebClient;
  context: AllMiddlewareArgs["context"];
  services: Services;
}

interface SubcommandInfo {
  name: string;
  /** Where help lists it. */
  topic: HelpTopic;
  aliases?: string[];
  /** e.g. "/community info [name]" */
  usage: string;
  summary: string;
}

/**
 * Two kinds of subcommand:
 * - `reply` answers with a message. The router puts it in the ack when it is
 *   ready within the reply budget (no second round trip), and otherwise acks at
 *   once and sends it to response_url when it is ready.
 * - `handle` does its work after the router has acked (opening a modal).
 */
export type Subcommand = SubcommandInfo &
  ({ reply(ctx: SubcommandContext): Promise<Message>; handle?: never } | { handle(ctx: SubcommandContext): Promise<void>; reply?: never });

/**
 * A usage as it must be typed when the community cannot be told from the
 * channel: the optional community made one to name ("[name]" becomes
 * "<name>"), optional mentions before it made plain ("[@someone …]" becomes
 * "@someone"), and the options after it left out. So "/community invite
 * [@someone …] [name]" in help asks for "/community invite @someone <name>",
 * and each usage is written once.
 */
export function namingCommunity(usage: string): string {
  const community = /\[(name|community)\]/.exec(usage);
  if (!community) return usage;
  return `${usage.slice(0, community.index).replace(/\[(@\w+) …\] /g, "$1 ")}<${community[1]}>`;
}
