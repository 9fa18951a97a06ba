import type { BlockAction, ExternalSelectAction } from "@slack/bolt";
import { MONTHLY_ORDINALS } from "../../domain/meetings/recurrence";
import type { Services } from "../../services";
import { MEETING_BLOCK } from "../../views/ids";
import { meetingModal } from "../../views/meetingModal";
import { onAction } from "../support/action";
import { list, readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/**
 * The meeting form's community picker (the form opened outside a community's
 * channel): once a community is chosen, the form is redrawn with that
 * community's journey to choose the stages the meeting covers from. What was
 * already entered is carried across; stages chosen for another community are not.
 */
export function meetingCommunityPickedAction(services: Services) {
  return onAction<BlockAction<ExternalSelectAction>>(services, async ({ body, action, client, context }) => {
    const view = body.view;
    const picked = action.selected_option?.value;
    if (!view || !picked) return;
    const community = await services.communities.byIdIn(workspaceOf(context), picked);
    const stages = await services.journey.stages(community.id);
    const values = readViewState(view);
    const ordinal = MONTHLY_ORDINALS.find((o) => String(o) === text(values, MEETING_BLOCK.ordinal));
    const chosen = new Set(list(values, MEETING_BLOCK.stages));
    const next = meetingModal({
      mode: "schedule",
      picked: { id: community.id, name: community.name, timezone: community.timezone },
      stages,
      initial: {
        title: text(values, MEETING_BLOCK.title) ?? undefined,
        startSeconds: Number(text(values, MEETING_BLOCK.start)) || undefined,
        durationMinutes: Number(text(values, MEETING_BLOCK.duration)) || undefined,
        videoLink: text(values, MEETING_BLOCK.videoLink),
        place: text(values, MEETING_BLOCK.place),
        agenda: text(values, MEETING_BLOCK.agenda) ?? undefined,
        recurrence: text(values, MEETING_BLOCK.recurrence) ?? undefined,
        ordinal: ordinal ?? null,
        reminderOffsets: list(values, MEETING_BLOCK.reminders).map(Number),
        stageIds: stages.filter((s) => chosen.has(s.id)).map((s) => s.id),
      },
      // The same form: what it was opened with (the person's zone for the date picker) stays.
      privateMetadata: view.private_metadata,
    });
    // The hash makes Slack refuse the update if the form changed meanwhile, rather than overwrite it.
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  });
}
