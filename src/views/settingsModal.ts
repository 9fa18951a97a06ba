// A community's settings, for its organisers.
import type { View } from "@slack/types";
import { REMINDER_OFFSETS } from "../domain/meetingDraft";
import type { CommunityRecord } from "../domain/ports";
import { context, esc, option, plain, textInput, type AnyBlock } from "./blocks";
import { ACTION, CALLBACK, SETTINGS_BLOCK } from "./ids";

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
