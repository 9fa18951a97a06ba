// A community's settings, for its organisers.
import type { View } from "@slack/types";
import type { CommunityRecord } from "../domain/ports";
import { ROUND_DAYS_CHOICES } from "../domain/round/roundPlan";
import { dates, labels } from "../i18n";
import { DIVISIONS } from "../reference/bankHolidays";
import { type AnyBlock, button, context, esc, header, md, option, plain, section, selectInput, textInput } from "./blocks";
import { ACTION, CALLBACK, SETTINGS_BLOCK } from "./ids";
import { remindersInput } from "./meetingModal";
import { webPageLine } from "./webPage";

/** The web page's part of the form: who may see it, its address now, and a new address to retire the old ones. */
function webPageBlocks(community: CommunityRecord, pageAddress: string): AnyBlock[] {
  const linkOnly = {
    ...option("Only people with the link", "link_only"),
    description: plain("The address has a key. Give it to the people you want to see the page.", 75),
  };
  const everyone = {
    ...option("Anyone with the address", "public"),
    description: plain("The address has no key, so anyone who finds it can see the page.", 75),
  };
  const newAddress = {
    ...option("Give the page a new address", "yes"),
    description: plain("Links to it given out so far stop working.", 75),
  };
  return [
    header("Web page"),
    context(
      md`People outside Slack can see the charter, objectives, problems, journey and meetings on the community's web page. ${webPageLine(community, pageAddress)}`,
    ),
    {
      type: "input",
      block_id: SETTINGS_BLOCK.pageVisibility,
      label: plain("Who can see the web page"),
      element: {
        type: "radio_buttons",
        action_id: ACTION.input,
        options: [linkOnly, everyone],
        initial_option: community.page.visibility === "public" ? everyone : linkOnly,
      },
    } as AnyBlock,
    {
      type: "input",
      block_id: SETTINGS_BLOCK.pageNewAddress,
      optional: true,
      label: plain("Change the address"),
      element: { type: "checkboxes", action_id: ACTION.input, options: [newAddress] },
    } as AnyBlock,
  ];
}

function roundDaysLabel(days: number): string {
  if (days === 0) return "Off";
  return days === 1 ? "1 working day before each meeting" : `${days} working days before each meeting`;
}

/** `pageAddress`: the community's web page as it is now (src/web/communityPageLinks.ts). */
export function settingsModal(community: CommunityRecord, privateMetadata: string, pageAddress: string): View {
  const canSchedule = option("Members may schedule meetings, not only organisers", "yes");
  const blocks: AnyBlock[] = [
    section(
      md`Settings for *${esc(community.name)}*. Only its organisers can change them.`,
      button("Choose how you get messages", ACTION.openMessages, community.id),
    ),
    {
      type: "input",
      block_id: SETTINGS_BLOCK.membersCanSchedule,
      optional: true,
      label: plain("Meetings"),
      element: {
        type: "checkboxes",
        action_id: ACTION.input,
        options: [canSchedule],
        ...(community.membersCanSchedule ? { initial_options: [canSchedule] } : {}),
      },
    } as AnyBlock,
    remindersInput(
      SETTINGS_BLOCK.reminders,
      "Default reminders for new meetings",
      community.reminderOffsets,
      "Each meeting can change its own in the meeting form.",
    ),
    selectInput(
      SETTINGS_BLOCK.bankHolidays,
      ACTION.input,
      "Bank holidays",
      DIVISIONS.map((division) => ({ label: labels.divisions[division], value: division })),
      community.bankHolidays,
      { hint: "Reminders about actions and the live-projects round skip weekends and these bank holidays." },
    ),
    selectInput(
      SETTINGS_BLOCK.roundDaysBefore,
      ACTION.input,
      "Live-projects round",
      ROUND_DAYS_CHOICES.map((days) => ({ label: roundDaysLabel(days), value: String(days) })),
      String(community.roundDaysBefore),
      {
        hint: "Before each meeting the bot asks each organisation what it has changed, planned or cleared, at 9am on this working day, and posts the answers in the channel.",
      },
    ),
    textInput(SETTINGS_BLOCK.problemThreshold, ACTION.input, "Suggest an objective at this many organisations", {
      initial: String(community.problemThreshold),
      max: 2,
      hint: "When a problem's votes come from this many organisations, organisers are asked whether to make it an objective.",
    }),
    header("Digest"),
    selectInput(
      SETTINGS_BLOCK.digestCadence,
      ACTION.input,
      "How often",
      [
        { label: "Weekly", value: "weekly" },
        { label: "Monthly", value: "monthly" },
        { label: "Off", value: "off" },
      ],
      community.digest.cadence,
      { hint: `Posted in the channel, and by DM to members who ask for it. The time is in ${dates.zoneName(community.timezone)}.` },
    ),
    selectInput(
      SETTINGS_BLOCK.digestWeekday,
      ACTION.input,
      "Day of the week (weekly)",
      labels.weekdays.map((day, i) => ({ label: day, value: String(i + 1) })),
      String(community.digest.weekday),
    ),
    selectInput(
      SETTINGS_BLOCK.digestMonthDay,
      ACTION.input,
      "Day of the month (monthly)",
      Array.from({ length: 28 }, (_, i) => ({ label: String(i + 1), value: String(i + 1) })),
      String(community.digest.monthDay),
    ),
    {
      type: "input",
      block_id: SETTINGS_BLOCK.digestTime,
      label: plain("Time"),
      element: { type: "timepicker", action_id: ACTION.input, initial_time: community.digest.time },
    } as AnyBlock,
    ...webPageBlocks(community, pageAddress),
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
