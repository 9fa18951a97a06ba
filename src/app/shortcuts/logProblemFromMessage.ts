import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { PROBLEM_LIMITS } from "../../domain/problems/problemDraft";
import type { Services } from "../../services";
import { problemModal } from "../../views/problemModal";
import { logProblemMetadata } from "../submissions/logProblem";
import { workspaceOf } from "../support/workspace";

/** Slack markup to readable text: "<https://x|the form>" -> "the form", "<@U1>" -> "@U1". */
export function readableText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^<>|]+)\|([^<>]+)>/g, "$2")
    .replace(/<([@#!])([^<>]+)>/g, "$1$2")
    .replace(/<([^<>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** What a message shortcut starts from: the message's text made readable, its first line, and its permalink (if Slack gives one). */
export async function shortcutMessage(
  services: Services,
  client: WebClient,
  shortcut: MessageShortcut,
): Promise<{ body: string; firstLine: string; permalink: string | undefined }> {
  const body = readableText(shortcut.message.text ?? "").trim();
  const firstLine = body.split(/\r?\n/).find((line) => line.trim()) ?? "";
  const permalink = await client.chat
    .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
    .then((r) => r.permalink)
    .catch((error: unknown) => {
      services.logger.warn({ err: error }, "could not get a message's permalink");
      return undefined;
    });
  return { body, firstLine, permalink };
}

/**
 * "Log community problem" on a message: the problem modal, prefilled from the
 * message, keeping a link back to it.
 */
export function logProblemFromMessageShortcut(services: Services): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, client, context }) => {
    await ack();
    const community = await services.communities.implied(workspaceOf(context), shortcut.channel.id, shortcut.user.id);
    const { body, firstLine, permalink } = await shortcutMessage(services, client, shortcut);
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: problemModal({
        community: community ? { id: community.id, name: community.name } : undefined,
        stages: community ? await services.journey.stages(community.id) : [],
        title: firstLine.slice(0, PROBLEM_LIMITS.titleMax),
        description: body,
        privateMetadata: logProblemMetadata.write({ communityId: community?.id, permalink }),
      }),
    });
  };
}
