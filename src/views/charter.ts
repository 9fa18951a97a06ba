import type { Charter } from "../domain/communities/communities";
import { organisationShortLabel } from "../domain/members/profiles";
import type { CommunityRecord, ObjectiveSummary } from "../domain/ports";
import { dates, labels } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  channelLink,
  concat,
  context,
  divider,
  esc,
  header,
  joinMd,
  lines,
  link,
  type Mrkdwn,
  md,
  plural,
  section,
  userLink,
} from "./blocks";
import { ACTION, BLOCK } from "./ids";
import { organiserCharterButtons } from "./lifecycle";

/** "Slack channel (#sc-x) · Mailing list (link)" */
export function contactLine(charter: Charter): Mrkdwn {
  const { community } = charter;
  const parts = community.contactMethods.map((m) => {
    const label = esc(labels.contactMethods[m.kind]?.label ?? m.kind);
    if (m.kind === "slack_channel") return md`${label} (${channelLink(community.slackChannelId)})`;
    if (m.link) return link(m.link, label);
    return label;
  });
  return parts.length ? joinMd(parts, md`  ·  `) : channelLink(community.slackChannelId);
}

const OBJECTIVE_STATUS: Record<string, string> = { open: "not started", in_progress: "in progress", done: "done" };

/** "• :dart: Title — owner @x, by 1 June, in progress" */
export function objectiveLine(o: ObjectiveSummary): Mrkdwn {
  const details = [
    o.ownerId ? md`owner ${userLink(o.ownerId)}` : null,
    o.targetDate ? md`by ${esc(dates.calendarDate(o.targetDate))}` : null,
    esc(OBJECTIVE_STATUS[o.objectiveStatus] ?? o.objectiveStatus),
  ].filter((d): d is Mrkdwn => d !== null);
  return md`• :dart: ${esc(o.title)} (${joinMd(details, md`, `)})`;
}

/** The community's charter: service, aims, objectives, problems, ways of working. */
export function charterBlocks(charter: Charter, options: { viewerIsMember?: boolean } = {}): AnyBlock[] {
  const { community, problems } = charter;
  const blocks: AnyBlock[] = [header(community.name)];
  blocks.push(
    section(
      md`*Service:* ${esc(community.service)}${community.purpose ? md`\n*What we want to achieve:* ${esc(community.purpose)}` : md``}`,
    ),
  );
  if (charter.objectives.length > 0) blocks.push(section(md`*Our objectives*\n${lines(charter.objectives.map(objectiveLine))}`));
  if (problems.total > 0) {
    const titles = problems.items.map((p) => md`• ${esc(p.title)}`);
    const more = problems.total - problems.items.length;
    blocks.push(section(md`*Problems we are tackling*\n${lines(titles)}${more > 0 ? md`\n…and ${more} more` : md``}`));
  } else {
    blocks.push(section(md`*Problems we are tackling*\nNone logged yet.`));
  }
  blocks.push(
    section(
      concat(
        md`*How we work*\nWe meet: ${esc(labels.cadences[community.meetingCadence] ?? community.meetingCadence)}\n`,
        md`Between meetings: ${contactLine(charter)}\nMeeting times: ${esc(dates.zoneName(community.timezone))}`,
      ),
    ),
  );
  // The short name: "HM Revenue & Customs (HMRC)" inside these brackets would nest them.
  const organisers = charter.organisers.map((o) => md`${userLink(o.slackUserId)} (${esc(organisationShortLabel(o))})`);
  blocks.push(
    context(
      md`${plural(charter.memberCount, "member")}  ·  Organised by ${organisers.length ? joinMd(organisers, md`, `) : md`nobody yet`}  ·  Started on ${esc(dates.longDate(community.createdAt, community.timezone))}`,
    ),
  );
  if (options.viewerIsMember === false) {
    blocks.push(actions(undefined, button("Join this community", ACTION.joinCommunity, community.id, "primary")));
  }
  return blocks;
}

/** `/community info`: the charter, with what the reader can do next (organisers change it; anyone reads its history). */
export function charterMessage(charter: Charter, viewer: { isMember: boolean; isOrganiser: boolean }): BlockMessage {
  const blocks = charterBlocks(charter, { viewerIsMember: viewer.isMember });
  blocks.push(
    viewer.isOrganiser
      ? actions(BLOCK.charterActions, ...organiserCharterButtons(charter.community))
      : actions(BLOCK.charterActions, button("Charter history", ACTION.charterHistory, charter.community.id)),
  );
  return { text: md`The charter of ${esc(charter.community.name)}`, blocks };
}

/** Posted in the channel when the community is created. */
export function welcomeMessage(charter: Charter): BlockMessage {
  const { community } = charter;
  return {
    text: md`Welcome to ${esc(community.name)}`,
    blocks: [
      section(
        concat(
          md`:wave: *Welcome to ${esc(community.name)}.* This channel is the community's home between meetings. `,
          md`${userLink(community.createdBy)} started it for everyone who works on _${esc(community.service)}_, whichever organisation they are in.`,
        ),
      ),
      divider(),
      ...charterBlocks(charter),
      divider(),
      section(md`New here? Join so others know your organisation and profession:`),
      actions(undefined, button("Join this community", ACTION.joinCommunity, community.id, "primary")),
    ],
  };
}

/** The channel topic: short, so it fits Slack's 250-character limit. */
export function channelTopic(community: Pick<CommunityRecord, "service">): string {
  return `Service community for ${community.service}`.slice(0, 250);
}

export function channelPurpose(community: Pick<CommunityRecord, "service" | "purpose">): string {
  const purpose = community.purpose || `People across government working together on ${community.service}.`;
  return purpose.slice(0, 250);
}
