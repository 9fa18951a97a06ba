// The cancel modal's submission: cancel one meeting (or the rest of its series),
// mark the announcement cancelled, and tell everyone who answered.
import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { cleanText } from "../../domain/common/text";
import { CALLBACK, CANCEL_MEETING_BLOCK } from "../../views/ids";
import { metadata } from "../metadata";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

export function registerCancelMeetingSubmission(app: App, services: Services): void {
  app.view(CALLBACK.cancelMeeting, async ({ ack, body, view, client, context }) => {
    const fallbackBlock = CANCEL_MEETING_BLOCK.note;
    let done;
    try {
      const values = readViewState(view);
      const { meetingId } = metadata.meetingRef.read(view.private_metadata);
      if (!meetingId) throw new AppError("gone", { key: "form.expired", reopen: "meeting_menu" }, fallbackBlock);
      const scope = text(values, CANCEL_MEETING_BLOCK.scope) === "following" ? "following" : "this";
      const cancellations = await services.meetings.cancel(workspaceOf(context), meetingId, body.user.id, scope);
      const card = await services.meetings.card(meetingId);
      done = { cancellations, card, note: cleanText(text(values, CANCEL_MEETING_BLOCK.note) ?? "", "lines").trim() || null };
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, fallbackBlock, services.logger) });
      return;
    }
    await ack({ response_action: "clear" });
    await services.meetingMessages.tellCancellations(client, done.cancellations, done.card.community.name, done.note);
    // With this occurrence gone, the series' next one becomes the one to announce.
    if (done.card.meeting.seriesId) await services.meetingMessages.seriesChanged(client, done.card.meeting.seriesId);
  });
}
