// The meeting modal: one view for scheduling and for editing (prefilled).
import type { View } from "@slack/types";
import type { FirstMeetingKit } from "../domain/meetings/firstMeeting";
import { DEFAULT_DURATION, DURATIONS, MEETING_LIMITS, RECURRENCE_CHOICES, REMINDER_OFFSETS } from "../domain/meetings/meetingDraft";
import { MONTHLY_ORDINALS, type MonthlyOrdinal } from "../domain/meetings/recurrence";
import type { StageRecord } from "../domain/ports";
import { dates, labels } from "../i18n";
import {
  type AnyBlock,
  checkboxesInput,
  context,
  esc,
  md,
  option,
  plain,
  selectInput,
  textInput as sharedTextInput,
  type TextInputOptions,
} from "./blocks";
import { firstMeetingBlocks } from "./firstMeetingKit";
import { ACTION, CALLBACK, CANCEL_MEETING_BLOCK, MEETING_BLOCK } from "./ids";
import { durationText } from "./meetingCard";
import { stagePickerBlock } from "./stageModal";

export interface MeetingModalInput {
  mode: "schedule" | "edit";
  /** Known when the command came from the community's channel, or when editing. */
  community?: { id: string; name: string; timezone: string };
  /** Otherwise the form asks, and is redrawn with the community picked (and its journey's stages). */
  picked?: { id: string; name: string; timezone: string };
  /** Editing an occurrence of a series: ask whether the change is for it alone or the rest too. */
  inSeries?: boolean;
  /** A group's meeting (the command came from the group's channel). */
  group?: { name: string };
  /** A community that has never met: the first-meeting kit, its agenda and the charter's problems as items. */
  firstMeeting?: FirstMeetingKit;
  /** The community's journey, in order: the form asks which stages the meeting covers when there are any. */
  stages?: Array<Pick<StageRecord, "id" | "title">>;
  initial?: {
    title?: string;
    /** The picker's initial value (Unix seconds in the person's own zone). */
    startSeconds?: number;
    durationMinutes?: number;
    videoLink?: string | null;
    place?: string | null;
    agenda?: string;
    recurrence?: string;
    ordinal?: MonthlyOrdinal | null;
    reminderOffsets?: number[];
    /** The stages it covers (preselected). */
    stageIds?: string[];
    /** The kit's agenda and problems as the organiser left them (a redrawn form); unset, the kit's own. */
    firstAgenda?: string;
    firstProblemIds?: string[];
  };
  privateMetadata: string;
}

function textInput(blockId: string, label: string, opts: TextInputOptions): AnyBlock {
  return sharedTextInput(blockId, ACTION.input, label, opts);
}

/** The reminder offsets as checkboxes, largest first (the meeting modal and the settings modal). */
export function remindersInput(blockId: string, label: string, checked: number[], hint: string): AnyBlock {
  const options = [...REMINDER_OFFSETS]
    .sort((a, b) => b - a)
    .map((minutes) => ({ label: labels.reminderOffsets[minutes], value: String(minutes) }));
  return checkboxesInput(blockId, ACTION.input, label, options, checked.map(String), { hint });
}

/** In a series: this occurrence only (the default), or it and all that follow. */
function seriesScope(blockId: string, label: string): AnyBlock {
  const choices = [option("This meeting only", "this"), option("This and all following meetings", "following")];
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    element: { type: "radio_buttons", action_id: ACTION.input, options: choices, initial_option: choices[0] },
  } as AnyBlock;
}

export function meetingModal(input: MeetingModalInput): View {
  const init = input.initial ?? {};
  const blocks: AnyBlock[] = [];
  const zone = input.community?.timezone ?? input.picked?.timezone;
  if (input.community) {
    const place = input.group
      ? md`*${esc(input.group.name)}*, a group of *${esc(input.community.name)}*`
      : md`*${esc(input.community.name)}*`;
    blocks.push(
      context(
        md`${input.mode === "edit" ? md`Changing a meeting of` : md`Scheduling a meeting for`} ${place}. Times are in ${esc(dates.zoneName(input.community.timezone))}.`,
      ),
    );
  } else {
    blocks.push({
      type: "input",
      block_id: MEETING_BLOCK.community,
      // Choosing one redraws the form with that community's journey to choose stages from.
      dispatch_action: true,
      label: plain("Community"),
      hint: plain("Your communities come first. Times are in the community's own time zone.", 150),
      element: {
        type: "external_select",
        action_id: ACTION.meetingCommunity,
        min_query_length: 0,
        placeholder: plain("Search communities"),
        ...(input.picked ? { initial_option: option(input.picked.name, input.picked.id) } : {}),
      },
    } as AnyBlock);
  }
  if (input.inSeries) blocks.push(seriesScope(MEETING_BLOCK.scope, "Apply the change to"));
  blocks.push(
    textInput(MEETING_BLOCK.title, "Title", {
      initial: init.title,
      max: MEETING_LIMITS.titleMax,
      placeholder: "For example, quarterly show and tell",
    }),
    {
      type: "input",
      block_id: MEETING_BLOCK.start,
      label: plain(zone ? `Start, in ${dates.zoneName(zone)}` : "Start, in the community's time zone"),
      hint: plain("Pick the time on the community's clock. Messages about the meeting name the time zone.", 150),
      element: { type: "datetimepicker", action_id: ACTION.input, ...(init.startSeconds ? { initial_date_time: init.startSeconds } : {}) },
    } as AnyBlock,
    selectInput(
      MEETING_BLOCK.duration,
      ACTION.input,
      "Length",
      DURATIONS.map((d) => ({ label: durationText(d), value: String(d) })),
      String(init.durationMinutes ?? DEFAULT_DURATION),
    ),
    {
      type: "input",
      block_id: MEETING_BLOCK.videoLink,
      optional: true,
      label: plain("Video link"),
      hint: plain("A Teams, Google Meet or Zoom link starting with https://. Add a place as well, or instead.", 150),
      element: {
        type: "plain_text_input",
        action_id: ACTION.input,
        max_length: MEETING_LIMITS.linkMax,
        ...(init.videoLink ? { initial_value: init.videoLink } : {}),
        placeholder: plain("https://"),
      },
    } as AnyBlock,
    textInput(MEETING_BLOCK.place, "Place", {
      initial: init.place ?? undefined,
      optional: true,
      max: MEETING_LIMITS.placeMax,
      placeholder: "For example, 10 South Colonnade, London, room 4.2",
    }),
    textInput(MEETING_BLOCK.agenda, "Agenda", { initial: init.agenda, optional: true, multiline: true, max: MEETING_LIMITS.agendaMax }),
  );
  if (input.firstMeeting && input.mode === "schedule") blocks.push(...firstMeetingBlocks(input.firstMeeting, init));
  if (input.stages?.length) {
    blocks.push(
      stagePickerBlock(input.stages.slice(0, MEETING_LIMITS.stagesMax), init.stageIds ?? [], "Stages this meeting covers", {
        blockId: MEETING_BLOCK.stages,
        hint: "Choose the stages of the journey it is about, if any. The announcement names them, and the journey shows it as each stage's next meeting.",
      }),
    );
  }
  blocks.push(
    selectInput(
      MEETING_BLOCK.recurrence,
      ACTION.input,
      "Repeats",
      RECURRENCE_CHOICES.map((c) => ({ label: labels.recurrenceChoice(c.rule), value: c.value })),
      init.recurrence ?? "none",
      {
        hint: input.inSeries ? "A new rule applies when you change this and all following meetings." : undefined,
      },
    ),
    selectInput(
      MEETING_BLOCK.ordinal,
      ACTION.input,
      "Week of the month (monthly only)",
      MONTHLY_ORDINALS.map((o) => ({ label: labels.ordinals[o], value: String(o) })),
      init.ordinal ? String(init.ordinal) : undefined,
      { optional: true, hint: "Leave it empty to use the start date's week, for example the second Tuesday." },
    ),
  );
  blocks.push(
    remindersInput(
      MEETING_BLOCK.reminders,
      "Remind those going",
      init.reminderOffsets ?? [],
      "Direct messages to everyone who answered Going or Maybe.",
    ),
  );

  return {
    type: "modal",
    callback_id: CALLBACK.scheduleMeeting,
    private_metadata: input.privateMetadata,
    title: plain(input.mode === "edit" ? "Change meeting" : "Schedule a meeting", 24),
    submit: plain(input.mode === "edit" ? "Save changes" : "Schedule", 24),
    close: plain("Cancel", 24),
    blocks,
  } as View;
}

/** Asks whether to cancel one occurrence or the rest of the series, and what to tell people. */
export function cancelMeetingModal(input: { title: string; inSeries: boolean; privateMetadata: string }): View {
  const blocks: AnyBlock[] = [
    context(md`Cancelling *${esc(input.title)}*. Everyone who answered gets a message, and the announcement shows it is cancelled.`),
  ];
  if (input.inSeries) blocks.push(seriesScope(CANCEL_MEETING_BLOCK.scope, "Cancel"));
  blocks.push(
    textInput(CANCEL_MEETING_BLOCK.note, "Message to those who answered", {
      optional: true,
      multiline: true,
      max: 1000,
      placeholder: "For example, we will share the slides in the channel instead.",
    }),
  );
  return {
    type: "modal",
    callback_id: CALLBACK.cancelMeeting,
    private_metadata: input.privateMetadata,
    title: plain("Cancel meeting", 24),
    submit: plain("Cancel meeting", 24),
    close: plain("Keep it", 24),
    blocks,
  } as View;
}
