import { agendaMessage } from "../../views/agenda";
import { namedPlace } from "../support/agenda";
import { workspaceOf } from "../support/workspace";
import { namingCommunity, type Subcommand } from "./subcommand";

export const agenda: Subcommand = {
  name: "agenda",
  topic: "meetings",
  usage: "/community agenda [name]",
  summary:
    "See the next meeting's agenda (in a group's channel, the group's next meeting) and add an item to it. Organisers reorder and remove items. From any message, the shortcut Add to meeting agenda does the same.",
  async reply({ args, command, context, services }) {
    const workspace = workspaceOf(context);
    const place = await namedPlace(services, workspace, args, command.channel_id, command.user_id, namingCommunity(agenda.usage));
    const { meeting } = await services.agenda.next(place);
    return agendaMessage(await services.agenda.page(workspace, meeting.id, command.user_id, 0));
  },
};
