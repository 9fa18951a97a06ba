// Going / Maybe / Can't go: records the answer (replacing any earlier one),
// redraws the announcement, and tells the person where the message is theirs.
import type { App, BlockButtonAction } from "@slack/bolt";
import type { RsvpAnswer } from "../../domain/ports";
import { UPCOMING_SHOWN } from "../../domain/meetings/meetings";
import { esc, md } from "../../views/mrkdwn";
import { ACTION } from "../../views/ids";
import { ANSWER_LABELS, upcomingMeetingsMessage } from "../../views/meetingCard";
import { publishHome } from "../../messaging/home";
import { errorText, tellClicker } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

const ANSWER_BY_ACTION: Record<string, RsvpAnswer> = {
  [ACTION.rsvpGoing]: "going",
  [ACTION.rsvpMaybe]: "maybe",
  [ACTION.rsvpNotGoing]: "not_going",
};
const RSVP_ACTIONS = new RegExp(`^(${Object.keys(ANSWER_BY_ACTION).join("|")})$`);

export function registerRsvpMeeting(app: App, services: Services): void {
  app.action<BlockButtonAction>(RSVP_ACTIONS, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const answer = ANSWER_BY_ACTION[action.action_id];
    try {
      const card = await services.meetings.answer(workspaceOf(context), action.value ?? "", body.user.id, answer);
      await services.meetingMessages.refresh(client, card.meeting.id);
      if (body.container?.type === "view") {
        // App Home has no response_url: redraw it with the new answer.
        await publishHome(client, services, workspaceOf(context), body.user.id);
        return;
      }
      if (body.container?.is_ephemeral) {
        // The /community meetings list is this person's own: redraw it with their new answer.
        const upcoming = await services.meetings.upcomingFor(workspaceOf(context), body.user.id, UPCOMING_SHOWN);
        await respond({ replace_original: true, ...upcomingMeetingsMessage(upcoming, (id) => services.calendarLinks.url(id)) });
        return;
      }
      // A shared message shows everyone's counts; the answer itself is confirmed privately.
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: md`Your answer to *${esc(card.meeting.title)}*: *${esc(ANSWER_LABELS[answer])}*. You can change it at any time.`,
      });
    } catch (error) {
      await tellClicker(body, respond, client, errorText(error, services.logger));
    }
  });
}
