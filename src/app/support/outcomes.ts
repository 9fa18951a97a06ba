// The Record outcomes form: opened from a meeting's menu, redrawn with one more
// action row at a time (carrying what was entered), read back on submission.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { type ActionInput, actionField, OUTCOME_LIMITS, type OutcomeInput } from "../../domain/meetings/outcomes";
import type { WorkspaceKey } from "../../domain/ports";
import type { Services } from "../../services";
import { OUTCOME_BLOCK } from "../../views/ids";
import { FIRST_ACTION_ROWS, outcomesModal } from "../../views/outcomes";
import { formMetadata } from "./privateMetadata";
import { type FieldValue, text } from "./viewState";

/** The meeting, and how many action rows the form shows. */
export const recordOutcomesMetadata = formMetadata(
  z.object({ meetingId: z.string().max(40), rows: z.int().min(1).max(OUTCOME_LIMITS.actionsMax) }),
);

/** What the form holds: its notes, decisions and every action row it shows. */
export function outcomeInput(values: Record<string, FieldValue>, rows: number): OutcomeInput {
  const actions: ActionInput[] = [];
  for (let i = 0; i < Math.min(rows, OUTCOME_LIMITS.actionsMax); i++) {
    actions.push({
      title: text(values, actionField(i, "title")),
      ownerId: text(values, actionField(i, "owner")),
      emailOwnerId: text(values, actionField(i, "emailOwner")),
      dueOn: text(values, actionField(i, "due")),
      topic: text(values, actionField(i, "topic")),
    });
  }
  return {
    notes: text(values, OUTCOME_BLOCK.notes),
    notesLink: text(values, OUTCOME_BLOCK.notesLink),
    decisions: text(values, OUTCOME_BLOCK.decisions),
    actions,
  };
}

/** The form, for whoever may record the meeting's outcome now (checked before it opens, and again on submission). */
export async function openOutcomesForm(
  services: Services,
  client: WebClient,
  opts: { triggerId: string; workspace: WorkspaceKey; userId: string; meetingId: string },
): Promise<void> {
  const card = await services.outcomes.forRecording(opts.workspace, opts.meetingId, opts.userId);
  const [topics, emailOwners] = await Promise.all([
    services.agenda.topics(card.community, opts.userId),
    services.outcomes.emailOwners(card.community.id),
  ]);
  await client.views.open({
    trigger_id: opts.triggerId,
    view: outcomesModal({
      card,
      topics,
      emailOwners,
      rows: FIRST_ACTION_ROWS,
      privateMetadata: recordOutcomesMetadata.write({ meetingId: card.meeting.id, rows: FIRST_ACTION_ROWS }),
    }),
  });
}
