import type { Charter } from "../domain/communities/communities";
import { type BlockMessage, channelLink, divider, esc, md, section } from "./blocks";
import { charterBlocks } from "./charter";

/** The DM to someone who joined a community's channel without joining the community: its charter and a Join button. */
export function onboardingDm(charter: Charter): BlockMessage {
  const { community } = charter;
  return {
    text: md`Welcome to ${esc(community.name)}: join the community to take part`,
    blocks: [
      section(
        md`:wave: You joined ${channelLink(community.slackChannelId)}, the channel of *${esc(community.name)}*: people across government who work on _${esc(community.service)}_, whichever organisation they are in. Here is what the community is about. Join it so others know your organisation and profession, and you can vote on its problems and hear about its meetings.`,
      ),
      divider(),
      // Not a member (or the welcome would not have been sent): the charter ends with the Join button.
      ...charterBlocks(charter, { viewerIsMember: false }),
    ],
  };
}
