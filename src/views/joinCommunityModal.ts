import type { View } from "@slack/types";
import { type AnyBlock, esc, md, plain, section } from "./blocks";
import { ACTION, CALLBACK, PROFILE_BLOCK } from "./ids";
import { type ProfileDefaults, profileBlocks } from "./profileFields";
import { serviceIsName } from "./serviceName";
import { stagePickerBlock } from "./stageModal";

export interface JoinModalInput {
  /** The community, when known; otherwise the modal asks which one. */
  community?: { id: string; name: string; service: string };
  /** The title of the problem whose vote button opened the form: the vote counts once they join. */
  voteFor?: string;
  defaults?: ProfileDefaults;
  /** The community's journey, when it has one: which stages they work on (optional), `chosenStages` already chosen. */
  stages?: Array<{ id: string; title: string }>;
  chosenStages?: string[];
  privateMetadata: string;
}

export function joinCommunityModal(input: JoinModalInput): View {
  const blocks: AnyBlock[] = [];
  if (input.community) {
    const { name, service } = input.community;
    const community = serviceIsName(input.community)
      ? md`*${esc(name)}*, a service community`
      : md`*${esc(name)}*, the community for _${esc(service)}_`;
    blocks.push(
      section(
        input.voteFor
          ? md`To say *${esc(input.voteFor)}* affects you too, join ${community}. Tell the other members where you work and what you do, and your vote counts for your organisation.`
          : md`You are joining ${community}.\nTell the other members where you work and what you do.`,
      ),
    );
  } else {
    blocks.push({
      type: "input",
      block_id: PROFILE_BLOCK.community,
      label: plain("Community"),
      // An external select: a workspace may have more communities than a static select holds.
      element: {
        type: "external_select",
        action_id: ACTION.community,
        min_query_length: 0,
        placeholder: plain("Search communities"),
      },
    } as AnyBlock);
  }
  blocks.push(...profileBlocks("your", input.defaults));
  if (input.stages?.length) blocks.push(stagePickerBlock(input.stages, input.chosenStages ?? [], "Stages of the journey you work on"));
  return {
    type: "modal",
    callback_id: CALLBACK.joinCommunity,
    title: plain("Join a community", 24),
    submit: plain("Join"),
    close: plain("Cancel"),
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}
