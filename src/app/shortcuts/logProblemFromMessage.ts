import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from "@slack/bolt";
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

/**
 * "Log community problem" on a message: the problem modal, prefilled from the
 * message, keeping a link back to it.
 */
export function logProblemFromMessageShortcut(services: Services): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, client, context }) => {
    await ack();
    const text = readableText(shortcut.message.text ?? "").trim();
    const firstLine = text.split(/\r?\n/).find((line) => line.trim()) ?? "";
    const community = await services.communities.implied(workspaceOf(context), shortcut.channel.id, shortcut.user.id);
    const permalink = await client.chat
      .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
      .then((r) => r.permalink)
      .catch((error: unknown) => {
        services.logger.warn({ err: error }, "could not get a message's permalink");
        return undefined;
      });
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: problemModal({
        community: community ? { id: community.id, name: community.name } : undefined,
        stages: community ? await services.journey.stages(community.id) : [],
        title: firstLine.slice(0, PROBLEM_LIMITS.titleMax),
        description: text,
        privateMetadata: logProblemMetadata.write({ communityId: community?.id, permalink }),
      }),
    });
  };
}
