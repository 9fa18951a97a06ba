// `/community activity`: the four activities of step 6, each in two sentences,
// with its guidance and a Plan it button that opens the meeting form written
// for that activity.
import type { CommunityRecord } from "../domain/ports";
import { activityWords } from "../i18n";
import { ACTIVITIES, type ActivityId } from "../reference/activities";
import { type AnyBlock, type BlockMessage, button, context, esc, header, link, md, section } from "./blocks";
import { ACTION } from "./ids";

/** What a Plan it button carries: the community and the activity. */
export function planValue(communityId: string, activity: ActivityId): string {
  return JSON.stringify({ c: communityId, a: activity });
}

export function activitiesMessage(community: CommunityRecord): BlockMessage {
  const blocks: AnyBlock[] = [
    header("Plan an activity"),
    section(
      md`Things *${esc(community.name)}* can do together, from the GOV.UK guidance on setting up a service community. Plan it opens the meeting form, written for that activity.`,
    ),
  ];
  for (const activity of ACTIVITIES) {
    const words = activityWords[activity.id];
    blocks.push(
      section(
        md`*${esc(words.title)}*\n${esc(words.about)}\n${link(activity.guidance, md`Read the guidance`)}`,
        button("Plan it", ACTION.planActivity, planValue(community.id, activity.id)),
      ),
    );
  }
  blocks.push(context(md`After an activity, share what you found with \`/community findings\`, so it shows on the journey.`));
  return { text: md`Activities for ${esc(community.name)}`, blocks };
}
