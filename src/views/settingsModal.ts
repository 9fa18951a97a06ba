// A community's settings, for its organisers.
import type { View } from "@slack/types";
import { REMINDER_OFFSETS } from "../domain/meetingDraft";
import type { CommunityRecord } from "../domain/ports";
import { WEEKDAYS } from "../domain/digests";
import { context, esc, header, option, plain, textInput, type AnyBlock } from "./blocks";
import { ACTION, CALLBACK, SETTINGS_BLOCK } from "./ids";

function select(blockId: string, label: string, options: Array<{ label: string; value: string }>, initial: string, hint?: string): AnyBlock {
  const choices = options.map((o) => option(o.label, o.value));
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    ...(hint ? { hint: plain(hint, 150) } : {}),
    element: { type: "static_select", action_id: ACTION.input, options: choices, initial_option: choices.find((c) => c.value === initial) ?? choices[0] },
  } as AnyBlock;
}

export function settingsModal(community: CommunityRecord, privateMetadata: string): View {
  const canSchedule = option("Members may schedule meetings, not only organisers", "yes");
  const reminderOptions = Object.entries(REMINDER_OFFSETS)
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([minutes, label]) => option(label, minutes));
  const chosenReminders = reminderOptions.filter((o) => community.reminderOffsets.includes(Number(o.value)));
  const blocks: AnyBlock[] = [
    context(`Settings for *${esc(community.name)}*. Only its organisers can change them.`),
    {
      type: "input",
      block_id: SETTINGS_BLOCK.membersCanSchedule,
      optional: true,
      label: plain("Meetings"),
      element: { type: "checkboxes", action_id: ACTION.input, options: [canSchedule], ...(community.membersCanSchedule ? { initial_options: [canSchedule] } : {}) },
    } as AnyBlock,
    {
      type: "input",
      block_id: SETTINGS_BLOCK.reminders,
      optional: true,
      label: plain("Default reminders for new meetings"),
      hint: plain("Each meeting can change its own in the meeting form.", 150),
      element: { type: "checkboxes", action_id: ACTION.input, options: reminderOptions, ...(chosenReminders.length ? { initial_options: chosenReminders } : {}) },
    } as AnyBlock,
    textInput(SETTINGS_BLOCK.problemThreshold, ACTION.input, "Suggest an objective at this many organisations", {
      initial: String(community.problemThreshold),
      max: 2,
      hint: "When a problem's votes come from this many organisations, organisers are asked whether to make it an objective.",
    }),
    header("Digest"),
    select(SETTINGS_BLOCK.digestCadence, "How often", [
      { label: "Weekly", value: "weekly" },
      { label: "Monthly", value: "monthly" },
      { label: "Off", value: "off" },
    ], community.digest.cadence, `Posted in the channel, and by DM to members who ask. Times are in ${community.timezone}.`),
    select(SETTINGS_BLOCK.digestWeekday, "Day of the week (weekly)", WEEKDAYS.map((day, i) => ({ label: day, value: String(i + 1) })), String(community.digest.weekday)),
    select(SETTINGS_BLOCK.digestMonthDay, "Day of the month (monthly)", Array.from({ length: 28 }, (_, i) => ({ label: String(i + 1), value: String(i + 1) })), String(community.digest.monthDay)),
    {
      type: "input",
      block_id: SETTINGS_BLOCK.digestTime,
      label: plain("Time"),
      element: { type: "timepicker", action_id: ACTION.input, initial_time: community.digest.time },
    } as AnyBlock,
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.communitySettings,
    private_metadata: privateMetadata,
    title: plain("Community settings", 24),
    submit: plain("Save", 24),
    close: plain("Cancel", 24),
    blocks,
  } as View;
}
