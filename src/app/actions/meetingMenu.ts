// The meeting's menu: "Edit or reschedule" opens the meeting modal prefilled;
// "Cancel meeting" asks for confirmation. Both are for organisers and whoever
// scheduled it: checked before the modal opens, and again on submission.
// "Add to the agenda" opens the add form for any member; "Record outcomes", for
// the same people as editing, opens the outcomes form once the meeting has started.
import type { BlockOverflowAction } from "@slack/bolt";
import { z } from "zod";
import { pickerFromStart, recurrenceChoice } from "../../domain/meetings/meetingDraft";
import type { Services } from "../../services";
import { cancelMeetingModal, meetingModal } from "../../views/meetingModal";
import { cancelMeetingMetadata } from "../submissions/cancelMeeting";
import { scheduleMeetingMetadata } from "../submissions/scheduleMeeting";
import { onAction } from "../support/action";
import { openAgendaFormFor } from "../support/agenda";
import { openOutcomesForm } from "../support/outcomes";
import { userTimezone } from "../support/userZone";
import { workspaceOf } from "../support/workspace";

// The option's value comes back in a request anyone could forge: check its shape.
const choice = z.object({ m: z.string().max(40), do: z.enum(["edit", "cancel", "agenda", "outcomes"]) });

export function meetingMenuAction(services: Services) {
  return onAction<BlockOverflowAction>(services, async ({ body, action, client, context }) => {
    const { m, do: what } = choice.parse(JSON.parse(action.selected_option.value));
    if (what === "agenda") {
      // Any member may add to the agenda: the form for this meeting.
      await openAgendaFormFor(services, client, {
        triggerId: body.trigger_id,
        workspace: workspaceOf(context),
        userId: body.user.id,
        meetingId: m,
        channelId: body.channel?.id,
      });
      return;
    }
    if (what === "outcomes") {
      await openOutcomesForm(services, client, {
        triggerId: body.trigger_id,
        workspace: workspaceOf(context),
        userId: body.user.id,
        meetingId: m,
      });
      return;
    }
    if (what === "cancel") {
      const { meeting, series } = await services.meetings.asEditor(workspaceOf(context), m, body.user.id, "cancel");
      await client.views.open({
        trigger_id: body.trigger_id,
        view: cancelMeetingModal({
          title: meeting.title,
          inSeries: Boolean(series),
          privateMetadata: cancelMeetingMetadata.write({ meetingId: m }),
        }),
      });
      return;
    }
    const card = await services.meetings.asEditor(workspaceOf(context), m, body.user.id, "change");
    const { meeting, community, series } = card;
    const [pickerZone, stages] = await Promise.all([
      userTimezone(client, body.user.id, community.timezone, services.logger),
      services.journey.stages(community.id),
    ]);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: meetingModal({
        mode: "edit",
        community: { id: community.id, name: community.name, timezone: community.timezone },
        inSeries: Boolean(series),
        stages,
        initial: {
          title: meeting.title,
          startSeconds: pickerFromStart(meeting.startsAt, community.timezone, pickerZone),
          durationMinutes: meeting.durationMinutes,
          videoLink: meeting.videoLink,
          place: meeting.place,
          agenda: meeting.agenda,
          recurrence: series ? recurrenceChoice(series.rule) : "none",
          ordinal: series?.rule.kind === "monthly" ? series.rule.ordinal : null,
          reminderOffsets: meeting.reminderOffsets,
          stageIds: card.stages.map((s) => s.id),
        },
        privateMetadata: scheduleMeetingMetadata.write({ communityId: community.id, meetingId: m, pickerZone, sequence: meeting.sequence }),
      }),
    });
  });
}
