// The Record outcomes form: checked beside each field, recorded once however
// often it is submitted, then posted in the announcement's thread, the card
// redrawn to say so, and each action's owner sent their action by DM.
import { AppError } from "../../domain/common/errors";
import { sendActionDms } from "../../messaging/actionMessages";
import { postOutcomes } from "../../messaging/outcomeMessages";
import type { Services } from "../../services";
import { OUTCOME_BLOCK } from "../../views/ids";
import { outcomeInput, recordOutcomesMetadata } from "../support/outcomes";
import { onSubmit } from "../support/submission";
import { workspaceOf } from "../support/workspace";

export function recordOutcomesSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: OUTCOME_BLOCK.notes,
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = recordOutcomesMetadata.read(view.private_metadata);
      if (!meta.meetingId) throw new AppError("gone", { key: "form.expired", reopen: "meeting_menu" }, OUTCOME_BLOCK.notes);
      const recorded = await services.outcomes.record(
        workspaceOf(context),
        meta.meetingId,
        body.user.id,
        outcomeInput(values, meta.rows ?? 1),
        view.id ?? null,
      );
      // The same form sent twice: the first one posts.
      return recorded.repeated ? undefined : recorded;
    },
    async after({ client }, recorded) {
      await postOutcomes(client, services, recorded.card.meeting.id);
      await sendActionDms(client, services, recorded.actions);
    },
  });
}
