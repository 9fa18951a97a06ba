import { UPCOMING_SHOWN } from "../../domain/meetings/meetings";
import { upcomingMeetingsMessage } from "../../views/meetingCard";
import { workspaceOf } from "../support/workspace";
import type { Subcommand } from "./subcommand";

export const meetings: Subcommand = {
  name: "meetings",
  topic: "meetings",
  usage: "/community meetings",
  summary: "Upcoming meetings in your communities, with your answer and the buttons to change it.",
  async reply({ command, context, services }) {
    const upcoming = await services.meetings.upcomingFor(workspaceOf(context), command.user_id, UPCOMING_SHOWN);
    return upcomingMeetingsMessage(upcoming, (id) => services.calendarLinks.url(id));
  },
};
