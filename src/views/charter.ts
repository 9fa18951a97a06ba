import type { Charter } from "../domain/communities";
import type { ObjectiveSummary } from "../domain/ports";
import { organisationLabel } from "../domain/profiles";
import { CONTACT_METHODS, MEETING_CADENCES } from "../domain/vocabulary";
import { actions, button, channelLink, context, divider, esc, header, plural, section, slackDate, userLink, type AnyBlock } from "./blocks";
import { ACTION } from "./ids";

/** "Slack channel (#sc-x) · Mailing list (link)" */
export function contactLine(charter: Charter): string {
  const { community } = charter;
  const parts = community.contactMethods.map((m) => {
    const label = CONTACT_METHODS[m.kind]?.label ?? m.kind;
    if (m.kind === "slack_channel") return `${label} (${channelLink(community.slackChannelId)})`;
    if (m.link) return `<${m.link}|${label}>`;
    return label;
  });
  return parts.length ? parts.join("  ·  ") : channelLink(community.slackChannelId);
}

const OBJECTIVE_STATUS: Record<string, string> = { open: "not started", in_progress: "in progress", done: "done" };

/** "• :dart: Title — owner @x, by 1 June, in progress" */
export function objectiveLine(o: ObjectiveSummary): string {
  const details = [
    o.ownerId ? `owner ${userLink(o.ownerId)}` : null,
    o.targetDate ? `by ${slackDate(o.targetDate)}` : null,
    OBJECTIVE_STATUS[o.objectiveStatus] ?? o.objectiveStatus,
  ].filter(Boolean);
  return `• :dart: ${esc(o.title)} (${details.join(", ")})`;
}

/** The community's charter: service, aims, objectives, problems, ways of working. */
export function charterBlocks(charter: Charter, options: { viewerIsMember?: boolean } = {}): AnyBlock[] {
  const { community, problems } = charter;
  const blocks: AnyBlock[] = [header(community.name)];
  blocks.push(section(`*Service:* ${esc(community.service)}${community.purpose ? `\n*What we want to achieve:* ${esc(community.purpose)}` : ""}`));
  if (charter.objectives.length > 0) blocks.push(section(`*Our objectives*\n${charter.objectives.map(objectiveLine).join("\n")}`));
  if (problems.total > 0) {
    const lines = problems.items.map((p) => `• ${esc(p.title)}`);
    const more = problems.total - problems.items.length;
    blocks.push(section(`*Problems we are tackling*\n${lines.join("\n")}${more > 0 ? `\n…and ${more} more` : ""}`));
  } else {
    blocks.push(section("*Problems we are tackling*\nNone logged yet."));
  }
  blocks.push(
    section(
      `*How we work*\nWe meet: ${MEETING_CADENCES[community.meetingCadence] ?? community.meetingCadence}\n` +
        `Between meetings: ${contactLine(charter)}\nTime zone: ${community.timezone.replace(/_/g, " ")}`,
    ),
  );
  const organisers = charter.organisers.map((o) => `${userLink(o.slackUserId)} (${esc(organisationLabel(o))})`);
  blocks.push(
    context(
      `${plural(charter.memberCount, "member")}  ·  Organised by ${organisers.join(", ") || "nobody yet"}  ·  Started ${slackDate(community.createdAt)}`,
    ),
  );
  if (options.viewerIsMember === false) {
    blocks.push(actions(undefined, button("Join this community", ACTION.joinCommunity, community.id, "primary")));
  }
  return blocks;
}

export function charterMessage(charter: Charter, viewerIsMember: boolean): { text: string; blocks: AnyBlock[] } {
  return { text: `${esc(charter.community.name)}: ${esc(charter.community.service)}`, blocks: charterBlocks(charter, { viewerIsMember }) };
}

/** Posted in the channel when the community is created. */
export function welcomeMessage(charter: Charter): { text: string; blocks: AnyBlock[] } {
  const { community } = charter;
  return {
    text: `Welcome to ${esc(community.name)}`,
    blocks: [
      section(
        `:wave: *Welcome to ${esc(community.name)}!* This channel is the community's home between meetings. ` +
          `${userLink(community.createdBy)} started it for everyone who works on _${esc(community.service)}_, whichever organisation they are in.`,
      ),
      divider(),
      ...charterBlocks(charter),
      divider(),
      section("New here? Join so others know your organisation and profession:"),
      actions(undefined, button("Join this community", ACTION.joinCommunity, community.id, "primary")),
    ],
  };
}

/** The channel topic: short, so it fits Slack's 250-character limit. */
export function channelTopic(charter: Charter): string {
  return `Service community for ${charter.community.service}`.slice(0, 250);
}

export function channelPurpose(charter: Charter): string {
  const purpose = charter.community.purpose || `People across government working together on ${charter.community.service}.`;
  return purpose.slice(0, 250);
}
