import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { agendaMessage } from "../../views/agenda";
import { onAction } from "../support/action";
import { agendaPagerValue } from "../support/agenda";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";

/** Previous / Next on /community agenda: the agenda's page, in place. */
export function agendaPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const value = readValue(agendaPagerValue, action.value, { key: "agenda.unreadable" });
    const page = await services.agenda.page(workspaceOf(context), value.m, body.user.id, value.p);
    await respond({ replace_original: true, ...agendaMessage(page) });
  });
}
