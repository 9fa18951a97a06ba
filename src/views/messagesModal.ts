// "Your messages": how one member gets each kind of message from one community
// (Slack, email or both), opened from App Home, /community messages and the
// organisers' settings. Only the member sees it, so it may show their address.
import type { View } from "@slack/types";
import { DELIVERIES, type DeliveryChoices, MESSAGE_KINDS, type MessageKind } from "../domain/members/messagePreferences";
import type { CommunityRecord } from "../domain/ports";
import { messageWords as words } from "../i18n";
import { type AnyBlock, context, esc, md, option, plain, section } from "./blocks";
import { ACTION, CALLBACK, MESSAGES_BLOCK } from "./ids";

export interface MessagesModalInput {
  community: Pick<CommunityRecord, "name">;
  choices: DeliveryChoices;
  /** The address on their Slack profile, or null when Slack gives none. */
  address: string | null;
  /** Why their address refuses mail, when it does. */
  refusal: string | null;
}

function deliveryInput(kind: MessageKind, chosen: DeliveryChoices): AnyBlock {
  const options = DELIVERIES[kind].map((delivery) => option(words.deliveries[kind][delivery], delivery));
  return {
    type: "input",
    block_id: MESSAGES_BLOCK[kind],
    label: plain(words.kinds[kind].label),
    hint: plain(words.kinds[kind].hint, 150),
    element: {
      type: "radio_buttons",
      action_id: ACTION.input,
      options,
      initial_option: options.find((o) => o.value === chosen[kind]) ?? options[0],
    },
  } as AnyBlock;
}

export function messagesModal(input: MessagesModalInput, privateMetadata: string): View {
  const name = input.community.name;
  const blocks: AnyBlock[] = [context(md`${esc(words.onlyYou(name))}`)];
  if (input.address && input.refusal) blocks.push(section(md`:warning: ${esc(words.refused(input.address, input.refusal, name))}`));
  else blocks.push(section(esc(input.address ? words.address(input.address) : words.noAddress)));
  for (const kind of MESSAGE_KINDS) blocks.push(deliveryInput(kind, input.choices));
  blocks.push(context(esc(words.alsoByEmail)));
  return {
    type: "modal",
    callback_id: CALLBACK.messages,
    private_metadata: privateMetadata,
    title: plain("Your messages", 24),
    submit: plain("Save", 24),
    close: plain("Cancel", 24),
    blocks,
  } as View;
}

/** What the form becomes once saved: what they chose, in the same words. */
export function messagesSavedModal(input: Omit<MessagesModalInput, "refusal">): View {
  const chosen = MESSAGE_KINDS.map((kind) => `• ${words.chosen(words.kinds[kind].label, words.deliveries[kind][input.choices[kind]])}`);
  const emailed = MESSAGE_KINDS.some((k) => input.choices[k] === "email" || input.choices[k] === "both");
  return {
    type: "modal",
    title: plain("Your messages", 24),
    close: plain("Done", 24),
    blocks: [
      section(md`:white_check_mark: ${esc(words.saved(input.community.name))}\n${esc(chosen.join("\n"))}`),
      ...(emailed && input.address ? [context(esc(words.address(input.address)))] : []),
    ],
  } as View;
}
