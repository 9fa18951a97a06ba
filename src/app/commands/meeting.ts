import { DEFAULT_REMINDER_OFFSETS } from "../../domain/meetings/meetingDraft";
import { meetingModal } from "../../views/meetingModal";
import { scheduleMeetingMetadata } from "../submissions/scheduleMeeting";
import { userTimezone } from "../support/userZone";
import { workspaceOf } from "../support/workspace";
import type { Subcommand } from "./subcommand";

export const meeting: Subcommand = {
  name: "meeting",
  topic: "meetings",
  aliases: ["schedule"],
  usage: "/community meeting",
  summary:
    "Schedule a meeting, one-off or repeating, with RSVPs, reminders and a calendar file. Say which stages of the journey it covers, and the journey shows it. In a group's channel, the meeting is the group's.",
  async handle({ command, context, client, services }) {
    const workspace = workspaceOf(context);
    // In a community's channel (or for someone in only one community) the meeting is for that community;
    // in a group's channel, for the group; otherwise the modal asks.
    const here = await services.groups.placeOfChannel(workspace, command.channel_id);
    const community = here?.community ?? (await services.communities.implied(workspace, command.channel_id, command.user_id));
    const group = here?.group ?? null;
    // Refuse now rather than after someone has filled in the whole form.
    if (community) await services.meetings.requireScheduler(community, command.user_id);
    const [pickerZone, stages, firstMeeting] = await Promise.all([
      userTimezone(client, command.user_id, community?.timezone ?? services.defaultTimezone, services.logger),
      community ? services.journey.stages(community.id) : [],
      community && !group ? services.firstMeeting.offer(community) : null,
    ]);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: meetingModal({
        mode: "schedule",
        community: community ? { id: community.id, name: community.name, timezone: community.timezone } : undefined,
        group: group ?? undefined,
        firstMeeting: firstMeeting ?? undefined,
        stages,
        initial: { reminderOffsets: community?.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS },
        privateMetadata: scheduleMeetingMetadata.write({ communityId: community?.id, groupId: group?.id, pickerZone }),
      }),
    });
  },
};
