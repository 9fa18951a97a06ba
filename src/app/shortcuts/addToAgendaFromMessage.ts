import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { AGENDA_LIMITS, type AgendaTarget } from "../../domain/meetings/agenda";
import type { Services } from "../../services";
import { impliedPlace, openAgendaForm } from "../support/agenda";
import { errorText } from "../support/replies";
import { workspaceOf } from "../support/workspace";
import { shortcutMessage } from "./logProblemFromMessage";

/**
 * "Add to meeting agenda" on a message: the add form, prefilled from the
 * message and linking back to it, for the next meeting of the community (or of
 * the group) whose channel it is in. Elsewhere the form offers the next meeting
 * of each of the person's communities and groups. A non-member is told at once,
 * seen only by them, before any form opens.
 */
export function addToAgendaFromMessageShortcut(services: Services): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, client, context, respond }) => {
    await ack();
    const workspace = workspaceOf(context);
    const userId = shortcut.user.id;
    try {
      const place = await impliedPlace(services, workspace, shortcut.channel.id, userId);
      let target: AgendaTarget | null = null;
      if (place) {
        // Members only, and only with a meeting to add to: refused here rather than after the form.
        await services.agenda.requireMember(place.community, userId);
        target = await services.agenda.next(place);
      }
      const { firstLine, permalink } = await shortcutMessage(services, client, shortcut);
      await openAgendaForm(services, client, {
        triggerId: shortcut.trigger_id,
        workspace,
        userId,
        target,
        channelId: shortcut.channel.id,
        initial: { title: firstLine.slice(0, AGENDA_LIMITS.titleMax) },
        permalink,
      });
    } catch (error) {
      const message = { response_type: "ephemeral" as const, replace_original: false, text: errorText(error, services.logger) };
      // A shortcut comes with a response_url; without one (it never should), a DM says it.
      if (shortcut.response_url) await respond(message);
      else await client.chat.postMessage({ channel: userId, text: message.text });
    }
  };
}
