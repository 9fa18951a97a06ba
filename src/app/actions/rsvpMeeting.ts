// Going / Maybe / Can't go: records the answer (replacing any earlier one),
// redraws the announcement, and tells the person where the message is theirs.
import type { BlockButtonAction } from "@slack/bolt";
import { UPCOMING_SHOWN } from "../../domain/meetings/meetings";
import type { RsvpAnswer } from "../../domain/ports";
import { publishHome } from "../../messaging/home";
import type { Services } from "../../services";
import { ACTION } from "../../views/ids";
import { ANSWER_LABELS, upcomingMeetingsMessage } from "../../views/meetingCard";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Which answer each of the three buttons gives: they share this listener (see actions/index.ts). */
const ANSWER_BY_ACTION: Record<string, RsvpAnswer> = {
  [ACTION.rsvpGoing]: "going",
  [ACTION.rsvpMaybe]: "maybe",
  [ACTION.rsvpNotGoing]: "not_going",
};

export function rsvpMeetingAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, respond, context }) => {
    const answer = ANSWER_BY_ACTION[action.action_id];
    const workspace = workspaceOf(context);
    const card = await services.meetings.answer(workspace, action.value ?? "", body.user.id, answer);
    await services.meetingMessages.refresh(client, card.meeting.id);
    if (body.container?.type === "view") {
      // App Home has no response_url: redraw it with the new answer.
      await publishHome(client, services, workspace, body.user.id);
      return;
    }
    if (body.container?.is_ephemeral) {
      // The /community meetings list is this person's own: redraw it with their new answer.
      const upcoming = await services.meetings.upcomingFor(workspace, body.user.id, UPCOMING_SHOWN);
      await respond({ replace_original: true, ...upcomingMeetingsMessage(upcoming, (id) => services.calendarLinks.url(id)) });
      return;
    }
    // A shared message shows everyone's counts; the answer itself is confirmed privately.
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: md`Your answer to *${esc(card.meeting.title)}*: *${esc(ANSWER_LABELS[answer])}*. You can change it at any time.`,
    });
  });
}
