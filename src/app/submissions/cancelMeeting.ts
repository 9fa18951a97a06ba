// The cancel modal's submission: cancel one meeting (or the rest of its series),
// mark the announcement cancelled, and tell everyone who answered.
import { z } from "zod";
import { cleanText } from "../../domain/common/text";
import type { Services } from "../../services";
import { CANCEL_MEETING_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The meeting the cancel form acts on. */
export const cancelMeetingMetadata = formMetadata(z.object({ meetingId: z.string().max(40) }));

export function cancelMeetingSubmission(services: Services) {
  const fallbackBlock = CANCEL_MEETING_BLOCK.note;
  return onSubmit(services, {
    fallbackBlock,
    closes: "all",
    async check({ body, view, context }, values) {
      const meetingId = openedFor(cancelMeetingMetadata.read(view.private_metadata).meetingId, "meeting_menu", fallbackBlock);
      const scope = text(values, CANCEL_MEETING_BLOCK.scope) === "following" ? "following" : "this";
      const cancellations = await services.meetings.cancel(workspaceOf(context), meetingId, body.user.id, scope);
      const card = await services.meetings.card(meetingId);
      return { cancellations, card, note: cleanText(text(values, CANCEL_MEETING_BLOCK.note) ?? "", "lines").trim() || null };
    },
    async after({ client }, done) {
      await services.meetingMessages.tellCancellations(client, done.cancellations, done.card.community.name, done.note);
      // With this occurrence gone, the series' next one becomes the one to announce.
      if (done.card.meeting.seriesId) await services.meetingMessages.seriesChanged(client, done.card.meeting.seriesId);
    },
  });
}
