// Tell us about a change, on a round's question: the form for one change, for a
// member of the community while the meeting is ahead (checked again on submission).
// The form carries the question's DM, which is redrawn with the answer.
import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { roundUpdateModal } from "../../views/round";
import { roundUpdateMetadata } from "../submissions/roundUpdate";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

export function roundTellUsAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const form = await services.roundAnswers.form(workspaceOf(context), action.value ?? "", body.user.id);
    const dm = body.container?.type === "message" ? { channel: body.container.channel_id, ts: body.container.message_ts } : {};
    await client.views.open({
      trigger_id: body.trigger_id,
      view: roundUpdateModal(form, roundUpdateMetadata.write({ meetingId: form.meeting.id, ...dm })),
    });
  });
}
