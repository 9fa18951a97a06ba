// Buttons under a refusal that would otherwise be a dead end: where no
// community is named or there is none yet, the person can make one or see
// them all with one click instead of typing another command.
import type { Reason } from "../domain/common/reasons";
import { type AnyBlock, actions, button, type Message, type Mrkdwn, section } from "./blocks";
import { ACTION } from "./ids";

const SEE_ALL = () => button("See all communities", ACTION.listNext, "0");
const CREATE = () => button("Create a community", ACTION.openCreateModal, "refusal", "primary");

const NEXT_STEPS: Partial<Record<Reason["key"], () => object[]>> = {
  "community.none_yet": () => [CREATE()],
  "community.which": () => [SEE_ALL(), CREATE()],
  "community.unknown": () => [SEE_ALL()],
  "community.gone": () => [SEE_ALL()],
  "community.none_in_channel": () => [SEE_ALL()],
};

/** The refusal's text, with the buttons that lead on from it when it has any. */
export function refusalMessage(reason: Reason, text: Mrkdwn): Message {
  const buttons = NEXT_STEPS[reason.key]?.();
  if (!buttons) return { text };
  const blocks: AnyBlock[] = [section(text), actions(undefined, ...buttons)];
  return { text, blocks };
}
