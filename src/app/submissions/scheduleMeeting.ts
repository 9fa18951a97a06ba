// The meeting modal's submission. Scheduling: check, store, announce in the
// channel. Editing (the metadata names the meeting): check, save, redraw the
// announcement and tell those going or maybe what changed.
import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import type { FieldErrors } from "../../domain/common/reasons";
import { checkMeetingDraft, recurrenceChoice, type MeetingDraft, type MeetingDraftInput } from "../../domain/meetings/meetingDraft";
import type { CommunityRecord } from "../../domain/ports";
import { esc, md } from "../../views/mrkdwn";
import { CALLBACK, MEETING_BLOCK } from "../../views/ids";
import { scheduledConfirmation } from "../../views/meetingCard";
import { stepsAfterAck } from "../../messaging/afterAck";
import { metadata } from "../metadata";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { list, readViewState, text, type FieldValue } from "../support/viewState";
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
  };
}

export function registerScheduleMeetingSubmission(app: App, services: Services): void {
  app.view(CALLBACK.scheduleMeeting, async ({ ack, body, view, client, context }) => {
    const userId = body.user.id;
    let values: Record<string, FieldValue>;
    try {
      values = readViewState(view);
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, MEETING_BLOCK.title, services.logger) });
      return;
    }
    const meta = metadata.meeting.read(view.private_metadata);
    const now = services.clock.now();
    const step = stepsAfterAck(services.logger.child({ userId }));

    if (meta.meetingId) {
      let edited;
      try {
        const workspace = workspaceOf(context);
        const card = await services.meetings.asEditor(workspace, meta.meetingId, userId, "change");
        const zone = card.community.timezone;
        const scope = card.series && text(values, MEETING_BLOCK.scope) === "following" ? "following" : "this";
        const input = draftInput(values);
        // "This meeting only" keeps the series' rule: a different one is a mistake to point out, not to drop.
        const keepsRule = card.series !== null && scope === "this";
        if (keepsRule && (input.recurrence ?? "none") !== recurrenceChoice(card.series!.rule)) {
          throw new AppError("invalid_input", { key: "meeting.recurrence_needs_following" }, MEETING_BLOCK.recurrence);
        }
        const draft = checkMeetingDraft(keepsRule ? { ...input, recurrence: "none", ordinal: null } : input, { zone, pickerZone: meta.pickerZone ?? zone, now, currentStart: card.meeting.startsAt });
        edited = { card, result: await services.meetings.edit(workspace, meta.meetingId, userId, draft, scope, meta.sequence) };
      } catch (error) {
        await ack({ response_action: "errors", errors: modalErrors(error, MEETING_BLOCK.title, services.logger) });
        return;
      }
      await ack({ response_action: "clear" });
      const { card, result } = edited;
      await services.meetingMessages.tellChanges(client, result.changes, card.community.name);
      await services.meetingMessages.tellCancellations(client, result.cancellations, card.community.name, null);
      // A new or changed series: make sure its next occurrence exists, and announce it if it is now the next.
      if (result.seriesId) await services.meetingMessages.seriesChanged(client, result.seriesId);
      const told = new Set(result.changes.flatMap((c) => c.tell)).size;
      await step("confirm a meeting change", () =>
        client.chat.postMessage({
          channel: userId,
          text: md`:white_check_mark: Saved your changes to *${esc(result.changes[0].after.title)}*.${told ? md` ${told} ${told === 1 ? md`person who answered was` : md`people who answered were`} told.` : md``}`,
        }),
      );
      return;
    }

    let scheduled: { community: CommunityRecord; meetings: Awaited<ReturnType<Services["meetings"]["schedule"]>>["meetings"]; note: MeetingDraft["note"]; repeated: boolean };
    try {
      const errors: FieldErrors = {};
      const communityId = meta.communityId ?? text(values, MEETING_BLOCK.community);
      const communityBlock = meta.communityId ? MEETING_BLOCK.title : MEETING_BLOCK.community;
      let community: CommunityRecord | null = null;
      if (!communityId) errors[communityBlock] = { key: "form.choose_community", for: "meeting" };
      else {
        try {
          community = await services.communities.byIdIn(workspaceOf(context), communityId);
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
      const { meetings, repeated } = await services.meetings.schedule(community, userId, draft, view.id ?? null);
      scheduled = { community, meetings, note: draft.note, repeated };
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, MEETING_BLOCK.title, services.logger) });
      return;
    }
    await ack({ response_action: "clear" });
    // A double-clicked submit: the first one announces and confirms.
    if (scheduled.repeated) return;
    const announced = await services.meetingMessages.announce(client, scheduled.meetings[0].id);
    await step("confirm a scheduled meeting", () =>
      client.chat.postMessage({
        channel: userId,
        text: scheduledConfirmation(scheduled.meetings, announced ? scheduled.community.slackChannelId : null, scheduled.note),
      }),
    );
  });
}
