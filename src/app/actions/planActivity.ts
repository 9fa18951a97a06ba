import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import { MEETING_LIMITS } from "../../domain/meetings/meetingDraft";
import { activityWords } from "../../i18n";
import { ACTIVITIES, ACTIVITY_IDS } from "../../reference/activities";
import type { Services } from "../../services";
import { meetingModal } from "../../views/meetingModal";
import { scheduleMeetingMetadata } from "../submissions/scheduleMeeting";
import { onAction } from "../support/action";
import { userTimezone } from "../support/userZone";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const planValue = z.object({ c: z.string().max(40), a: z.enum(ACTIVITY_IDS) });

function readValue(raw: string | undefined) {
  try {
    const parsed = planValue.safeParse(JSON.parse(raw ?? ""));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable: told below
  }
  throw new AppError("gone", { key: "activity.unreadable" });
}

/**
 * Plan it: the meeting form, with the activity's title, a suitable length and
 * an agenda written for it; activities that walk the journey have all its
 * stages chosen as the ones the meeting covers (the organiser can narrow them).
 */
export function planActivityAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const value = readValue(action.value);
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    await services.meetings.requireScheduler(community, body.user.id);
    const activity = ACTIVITIES.find((a) => a.id === value.a) ?? ACTIVITIES[0];
    const words = activityWords[activity.id];
    const [stages, firstMeeting, pickerZone] = await Promise.all([
      services.journey.stages(community.id),
      services.firstMeeting.offer(community),
      userTimezone(client, body.user.id, community.timezone, services.logger),
    ]);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: meetingModal({
        mode: "schedule",
        community: { id: community.id, name: community.name, timezone: community.timezone },
        firstMeeting: firstMeeting ?? undefined,
        stages,
        initial: {
          title: words.meetingTitle,
          durationMinutes: activity.durationMinutes,
          agenda: words.agenda
            .map((line, i) => `${i + 1}. ${line}`)
            .join("\n")
            .slice(0, MEETING_LIMITS.agendaMax),
          reminderOffsets: community.reminderOffsets,
          stageIds: activity.walksJourney ? stages.map((s) => s.id) : [],
        },
        privateMetadata: scheduleMeetingMetadata.write({ communityId: community.id, pickerZone }),
      }),
    });
  });
}
