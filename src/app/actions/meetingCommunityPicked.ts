import { MONTHLY_ORDINALS } from "../../domain/meetings/recurrence";
import type { Services } from "../../services";
import { MEETING_BLOCK } from "../../views/ids";
import { meetingModal } from "../../views/meetingModal";
import { onCommunityPicked } from "../support/communityPicked";
import { list, text } from "../support/viewState";

/**
 * The meeting form's community picker (the form opened outside a community's
 * channel): once a community is chosen, the form is redrawn with that
 * community's journey to choose the stages the meeting covers from. What was
 * already entered is carried across; stages chosen for another community are not.
 */
export function meetingCommunityPickedAction(services: Services) {
  return onCommunityPicked(services, async ({ community, stages, values, privateMetadata }) => {
    const firstMeeting = await services.firstMeeting.offer(community);
    const ordinal = MONTHLY_ORDINALS.find((o) => String(o) === text(values, MEETING_BLOCK.ordinal));
    const chosen = new Set(list(values, MEETING_BLOCK.stages));
    return meetingModal({
      mode: "schedule",
      picked: { id: community.id, name: community.name, timezone: community.timezone },
      // A community that has never met gets the kit; what was entered in it for another stays only if it had it too.
      firstMeeting: firstMeeting ?? undefined,
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
        firstAgenda: text(values, MEETING_BLOCK.firstAgenda) ?? undefined,
      },
      // The same form: what it was opened with (the person's zone for the date picker) stays.
      privateMetadata,
    });
  });
}
