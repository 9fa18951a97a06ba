// The menu on an agenda item: Move to the top, Move up and Move down for
// organisers and whoever scheduled the meeting; Remove for them and for the
// person who proposed it. The agenda is redrawn in place, and the meeting's
// card after it (bursts of changes collapse into a few redraws).
import type { BlockOverflowAction } from "@slack/bolt";
import { AGENDA_PAGE_SIZE } from "../../domain/meetings/agenda";
import type { Services } from "../../services";
import { agendaMessage } from "../../views/agenda";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { agendaItemChoice } from "../support/agenda";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";

export function agendaMenuAction(services: Services) {
  return onAction<BlockOverflowAction>(services, async ({ body, action, client, context, respond }) => {
    const choice = readValue(agendaItemChoice, action.selected_option.value, { key: "agenda.unreadable" });
    const workspace = workspaceOf(context);
    const userId = body.user.id;
    if (choice.do === "remove") {
      const { target, item } = await services.agenda.remove(workspace, choice.i, userId);
      const page = await services.agenda.page(workspace, target.meeting.id, userId, choice.p);
      await respond({ replace_original: true, ...agendaMessage(page, { notice: md`*${esc(item.title)}* is no longer on the agenda.` }) });
      await services.meetingMessages.refresh(client, target.meeting.id);
      return;
    }
    const { target, item, index } = await services.agenda.move(workspace, choice.i, userId, choice.do);
    const page = await services.agenda.page(workspace, target.meeting.id, userId, Math.floor(index / AGENDA_PAGE_SIZE));
    await respond({ replace_original: true, ...agendaMessage(page, { notice: md`*${esc(item.title)}* is now item ${index + 1}.` }) });
    await services.meetingMessages.refresh(client, target.meeting.id);
  });
}
