// The meeting modal's submission. Scheduling: check, store, announce in the
// channel. Editing (the metadata names the meeting): check, save, redraw the
// announcement and tell those going or maybe what changed.
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import type { FieldErrors } from "../../domain/common/reasons";
import { isValidTimezone } from "../../domain/common/timezones";
import { checkMeetingDraft, type MeetingDraft, type MeetingDraftInput, recurrenceChoice } from "../../domain/meetings/meetingDraft";
import type { CommunityRecord } from "../../domain/ports";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { firstMeetingLines } from "../../views/firstMeetingKit";
import { MEETING_BLOCK } from "../../views/ids";
import { scheduledConfirmation } from "../../views/meetingCard";
import { esc, md } from "../../views/mrkdwn";
import { formMetadata } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { type FieldValue, list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

function draftInput(values: Record<string, FieldValue>): MeetingDraftInput {
  return {
    title: text(values, MEETING_BLOCK.title),
    start: text(values, MEETING_BLOCK.start),
    duration: text(values, MEETING_BLOCK.duration),
    videoLink: text(values, MEETING_BLOCK.videoLink),
    place: text(values, MEETING_BLOCK.place),
    agenda: text(values, MEETING_BLOCK.agenda),
    recurrence: text(values, MEETING_BLOCK.recurrence),
    ordinal: text(values, MEETING_BLOCK.ordinal),
    reminders: list(values, MEETING_BLOCK.reminders),
    stageIds: list(values, MEETING_BLOCK.stages),
  };
}

/** The meeting form: what it was opened for and in which zone the person picks times. */
export const scheduleMeetingMetadata = formMetadata(
  z.object({
    /** Known when the command came from the community's channel, or when editing. */
    communityId: z.string().max(40).optional(),
    /** Set when the modal edits this meeting. */
    meetingId: z.string().max(40).optional(),
    /** A group's meeting: the form came from the group's channel. */
    groupId: z.string().max(40).optional(),
    /** The zone the person's Slack shows the date picker in (from users.info). */
    pickerZone: z.string().max(64).optional(),
    /** When editing: the meeting's SEQUENCE when the form opened, so a stale or repeated submit is refused. */
    sequence: z.int().min(0).optional(),
  }),
);

type Scheduled = {
  kind: "scheduled";
  community: CommunityRecord;
  meetings: Awaited<ReturnType<Services["meetings"]["schedule"]>>["meetings"];
  note: MeetingDraft["note"];
  /** The scheduler's own zone (read for the date picker), so their confirmation gives their clock too. */
  readerZone?: string;
};
type Edited = {
  kind: "edited";
  card: Awaited<ReturnType<Services["meetings"]["asEditor"]>>;
  result: Awaited<ReturnType<Services["meetings"]["edit"]>>;
};

export function scheduleMeetingSubmission(services: Services) {
  return onSubmit<Scheduled | Edited>(services, {
    fallbackBlock: MEETING_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = scheduleMeetingMetadata.read(view.private_metadata);
      const now = services.clock.now();
      const userId = body.user.id;
      const workspace = workspaceOf(context);

      if (meta.meetingId) {
        const card = await services.meetings.asEditor(workspace, meta.meetingId, userId, "change");
        const zone = card.community.timezone;
        const scope = card.series && text(values, MEETING_BLOCK.scope) === "following" ? "following" : "this";
        const input = draftInput(values);
        // "This meeting only" keeps the series' rule: a different one is a mistake to point out, not to drop.
        const keepsRule = card.series !== null && scope === "this";
        if (keepsRule && (input.recurrence ?? "none") !== recurrenceChoice(card.series!.rule)) {
          throw new AppError("invalid_input", { key: "meeting.recurrence_needs_following" }, MEETING_BLOCK.recurrence);
        }
        const draft = checkMeetingDraft(keepsRule ? { ...input, recurrence: "none", ordinal: null } : input, {
          zone,
          pickerZone: meta.pickerZone ?? zone,
          now,
          currentStart: card.meeting.startsAt,
        });
        return {
          kind: "edited",
          card,
          result: await services.meetings.edit(workspace, meta.meetingId, userId, draft, scope, meta.sequence),
        };
      }

      const errors: FieldErrors = {};
      const communityId = meta.communityId ?? text(values, MEETING_BLOCK.community);
      const communityBlock = meta.communityId ? MEETING_BLOCK.title : MEETING_BLOCK.community;
      let community: CommunityRecord | null = null;
      if (!communityId) errors[communityBlock] = { key: "form.choose_community", for: "meeting" };
      else {
        try {
          community = await services.communities.byIdIn(workspace, communityId);
          await services.meetings.requireScheduler(community, userId);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors[communityBlock] = error.reason;
        }
      }
      const zone = community?.timezone ?? services.defaultTimezone;
      // Throws with every field's error, the community's included.
      const draft = checkMeetingDraft(draftInput(values), { zone, pickerZone: meta.pickerZone ?? zone, now }, errors);
      if (!community) throw new AppError("not_found", errors[communityBlock], communityBlock);
      // The form's group is read back from a request anyone could shape: it must be this community's.
      const group = meta.groupId ? await services.groups.byIdIn(workspace, meta.groupId) : null;
      if (group && group.community.id !== community.id) throw new AppError("not_found", { key: "group.gone" });
      const { meetings, repeated } = await services.meetings.schedule(community, userId, draft, view.id ?? null, group?.group.id ?? null);
      // A double-clicked submit: the first one announces and confirms.
      if (repeated) return undefined;
      // The first-meeting kit, when the form offered it: on the agenda before the announcement shows it.
      await services.firstMeeting.add(
        community,
        meetings,
        userId,
        firstMeetingLines(text(values, MEETING_BLOCK.firstAgenda)),
        list(values, MEETING_BLOCK.firstProblems),
      );
      return {
        kind: "scheduled",
        community,
        meetings,
        note: draft.note,
        readerZone: meta.pickerZone && isValidTimezone(meta.pickerZone) ? meta.pickerZone : undefined,
      };
    },
    async after({ body, client }, done) {
      const userId = body.user.id;
      const step = stepsAfterAck(services.logger.child({ userId }));
      if (done.kind === "edited") {
        const { card, result } = done;
        await services.meetingMessages.tellChanges(client, result.changes, card.community.name);
        await services.meetingMessages.tellCancellations(client, result.cancellations, card.community.name, null);
        // A new or changed series: make sure its next occurrence exists, and announce it if it is now the next.
        if (result.seriesId) await services.meetingMessages.seriesChanged(client, result.seriesId);
        const told = new Set(result.changes.flatMap((c) => c.tell)).size;
        await step("confirm a meeting change", () =>
          client.chat.postMessage({
            channel: userId,
            text: md`:white_check_mark: Your changes to *${esc(result.changes[0].after.title)}* are saved.${told ? md` ${told === 1 ? md`The person who answered has` : md`The ${told} people who answered have`} a message about them.` : md``}`,
          }),
        );
        return;
      }
      const announced = await services.meetingMessages.announce(client, done.meetings[0].id);
      await step("confirm a scheduled meeting", () =>
        client.chat.postMessage({
          channel: userId,
          text: scheduledConfirmation(done.meetings, announced, done.note, done.readerZone),
        }),
      );
    },
  });
}
