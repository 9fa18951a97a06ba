// A meeting reminder by DM: how long is left, the join link, the answer
// buttons and the calendar link. Skipped if they are no longer going or maybe,
// or have since chosen reminders by email only.
import * as kinds from "../../domain/outbox";
import { reminderDm as reminderDmMessage } from "../../views/reminders";
import { dueKind } from "./kind";
import { remindedMeeting } from "./meetingReminder";

export const reminderDm = dueKind(kinds.reminderDm, {
  alertOrganisersAs: "a meeting reminder",
  async build(row, services) {
    const { meetings, calendarLinks, clock } = services;
    const meeting = await remindedMeeting(row, services);
    if ("skip" in meeting) return { kind: "skip", reason: meeting.skip };
    const card = await meetings.card(meeting.id);
    const answer = await meetings.answerOf(meeting.id, row.target);
    if (answer !== "going" && answer !== "maybe") return { kind: "skip", reason: "no longer going" };
    if (!(await services.messageChoices.slackRecipients(meeting.communityId, [row.target], "reminders")).length)
      return { kind: "skip", reason: "they chose reminders by email only" };
    return { kind: "send", message: reminderDmMessage(card, clock.now(), answer, calendarLinks.url(meeting.id)) };
  },
});
