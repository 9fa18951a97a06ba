import type { View } from "@slack/types";
import { CHANNEL_NAME_MAX } from "../domain/common/text";
import { GROUP_CHANNEL_CHOICES, GROUP_LIMITS, suggestGroupChannelName } from "../domain/groups/groupDraft";
import { labels } from "../i18n";
import { type AnyBlock, context, esc, md, option, plain, textInput } from "./blocks";
import { ACTION, CALLBACK, GROUP_BLOCK } from "./ids";

export interface CreateGroupModalInput {
  community: { name: string; slug: string };
  /** The group's name, when the command gave one. */
  name?: string;
  /** JSON, checked again on submission. */
  privateMetadata: string;
}

/** The create-group modal. Every block_id is the domain field it fills. */
export function createGroupModal(input: CreateGroupModalInput): View {
  const example = suggestGroupChannelName(input.community.slug, input.name || "user research");
  const pattern = suggestGroupChannelName(input.community.slug, "group");
  const choices = GROUP_CHANNEL_CHOICES.map((value) => option(labels.groupChannelChoices[value], value));
  const blocks: AnyBlock[] = [
    context(
      md`A group of *${esc(input.community.name)}* focuses on one area, meets more often and feeds back to the whole community. You will be its first member, and the community's members can join it.`,
    ),
    textInput(GROUP_BLOCK.name, ACTION.input, "Group name", {
      initial: input.name,
      placeholder: "For example, User research",
      max: GROUP_LIMITS.nameMax,
    }),
    textInput(GROUP_BLOCK.focus, ACTION.input, "What the group focuses on", {
      placeholder: "For example, user research across the whole journey",
      hint: "A short line that tells members whether the group is for them.",
      max: GROUP_LIMITS.focusMax,
    }),
    {
      type: "input",
      block_id: GROUP_BLOCK.channel,
      label: plain("Channel for the group"),
      element: { type: "radio_buttons", action_id: ACTION.input, options: choices, initial_option: choices[0] },
    },
    textInput(GROUP_BLOCK.channelName, ACTION.input, "New channel name", {
      optional: true,
      placeholder: example,
      hint: `For a new channel. Leave it empty for ${pattern.replace(/group$/, "<group name>")}.`,
      max: CHANNEL_NAME_MAX,
    }),
    {
      type: "input",
      block_id: GROUP_BLOCK.existingChannel,
      optional: true,
      label: plain("Existing public channel"),
      hint: plain("For a linked channel. This app joins it and invites you.", 150),
      element: {
        type: "conversations_select",
        action_id: ACTION.input,
        filter: { include: ["public"], exclude_bot_users: true, exclude_external_shared_channels: false },
      },
    },
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.createGroup,
    title: plain("Create a group", 24),
    submit: plain("Create"),
    close: plain("Cancel"),
    clear_on_close: true,
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}
