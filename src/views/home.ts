import type { View } from "@slack/types";
import type { JourneySummary } from "../domain/journey/summary";
import type { UpcomingMeeting } from "../domain/meetings/meetings";
import type { CoverageSummary } from "../domain/members/coverage";
import type { HomeEntry } from "../domain/members/memberships";
import { type AnyBlock, actions, button, channelLink, context, divider, esc, header, lines, link, md, plural, section } from "./blocks";
import { objectiveLine } from "./charter";
import { SERVICE_MANUAL_URL } from "./help";
import { ACTION, BLOCK } from "./ids";
import { journeyHomeLines } from "./journey";
import { meetingLine } from "./meetingCard";
import { coverageLine } from "./members";
import { serviceIsName } from "./serviceName";

/** A community on App Home; `coverage` only where the viewer organises it; `journey` since its last digest. */
export type HomeCommunity = HomeEntry & { coverage?: CoverageSummary; journey?: JourneySummary };

/**
 * Home tabs allow 100 blocks. Each community takes two, and so does each of the
 * next five meetings, so we show this many communities.
 */
export const HOME_COMMUNITIES_SHOWN = 35;

export function homeView(
  entries: HomeCommunity[],
  meetings: UpcomingMeeting[] = [],
  calendarUrl: (meetingId: string) => string = () => "",
  /** The reader's open actions (views/actions.ts draws them), under their meetings. */
  actionBlocks: AnyBlock[] = [],
): View {
  const blocks: AnyBlock[] = [
    header("Service Communities"),
    section(
      md`Work with people across government on the services your users rely on: log the problems you share, agree what to fix, and meet regularly.`,
    ),
    actions(
      BLOCK.homeActions,
      button("Create a community", ACTION.openCreateModal, "home", "primary"),
      // No value: the join modal asks which community.
      button("Join a community", ACTION.joinCommunity),
    ),
    divider(),
  ];
  if (meetings.length) {
    blocks.push(section(md`*Your next meetings*`));
    for (const upcoming of meetings) blocks.push(...meetingLine(upcoming, calendarUrl(upcoming.card.meeting.id)));
    blocks.push(divider());
  }
  if (actionBlocks.length) blocks.push(...actionBlocks, divider());
  if (entries.length === 0) {
    blocks.push(section(md`*Your communities*\nYou are not in any community yet. Join one, or type \`/community list\` to see them all.`));
  } else {
    blocks.push(section(md`*Your communities* (${entries.length})`));
    for (const { community, membership, memberCount, objectives, coverage, journey } of entries.slice(0, HOME_COMMUNITIES_SHOWN)) {
      // "Objectives" in words: the :dart: beside each is decoration, which a screen reader may skip.
      const goals = objectives.length
        ? md`\nObjectives:\n${lines(objectives.slice(0, 5).map(objectiveLine))}${objectives.length > 5 ? md`\n…and ${objectives.length - 5} more objectives` : md``}`
        : md``;
      const service = serviceIsName(community) ? md`` : md`\n_${esc(community.service)}_`;
      // The journey rides in the same section: each community stays two blocks.
      const stages = journey ? journeyHomeLines(journey, { slug: community.slug, organiser: membership.role === "organiser" }) : [];
      const journeyText = stages.length ? md`\n${lines(stages)}` : md``;
      // "How you get messages" rides as the section's button: each community stays two blocks.
      blocks.push(
        section(
          md`*${esc(community.name)}*  ·  ${channelLink(community.slackChannelId)}${service}${goals}${journeyText}`,
          button("Choose how you get messages", ACTION.openMessages, community.id),
        ),
      );
      // Coverage rides in the same context line: each community stays two blocks.
      const covered = coverage ? md`  ·  ${coverageLine(coverage)}` : md``;
      blocks.push(
        context(
          md`You are ${membership.role === "organiser" ? md`an organiser` : md`a member`}  ·  ${plural(memberCount, "member")}${covered}`,
        ),
      );
    }
    if (entries.length > HOME_COMMUNITIES_SHOWN) {
      blocks.push(context(md`…and ${entries.length - HOME_COMMUNITIES_SHOWN} more. Type \`/community list\` to see them all.`));
    }
  }
  blocks.push(divider());
  blocks.push(
    context(md`Type \`/community help\` for every command. Guidance: ${link(SERVICE_MANUAL_URL, md`How to set up a service community`)}.`),
  );
  return { type: "home", blocks } as View;
}
