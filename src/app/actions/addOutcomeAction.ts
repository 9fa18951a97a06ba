import type { BlockButtonAction } from "@slack/bolt";
import { OUTCOME_LIMITS } from "../../domain/meetings/outcomes";
import type { Services } from "../../services";
import { outcomesModal } from "../../views/outcomes";
import { onAction } from "../support/action";
import { outcomeInput, recordOutcomesMetadata } from "../support/outcomes";
import { readViewState } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/**
 * "Add another action" in the outcomes form: the form again with one more row,
 * carrying what was entered. The hash makes Slack refuse the update if the form
 * changed meanwhile, rather than overwrite it.
 */
export function addOutcomeActionAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, client, context }) => {
    const view = body.view;
    if (!view) return;
    const meta = recordOutcomesMetadata.read(view.private_metadata);
    if (!meta.meetingId) return;
    const card = await services.outcomes.forRecording(workspaceOf(context), meta.meetingId, body.user.id);
    const rows = Math.min((meta.rows ?? 1) + 1, OUTCOME_LIMITS.actionsMax);
    const initial = outcomeInput(readViewState(view), rows);
    const [topics, emailOwners] = await Promise.all([
      services.agenda.topics(card.community, body.user.id),
      services.outcomes.emailOwners(card.community.id),
    ]);
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: outcomesModal({
        card,
        topics,
        emailOwners,
        rows,
        initial,
        privateMetadata: recordOutcomesMetadata.write({ meetingId: card.meeting.id, rows }),
      }),
    });
  });
}
