// English: the bot's ready-written texts, which people edit or copy before sending.
import { listWithMore } from "../../domain/common/text";
import type { NamedProblem } from "../../domain/invitations/invitationDraft";
import type { CommunityRecord } from "../../domain/ports";
import type { Prose } from "../catalogue";
import { labels } from "./labels";

/** "• problem" lines. */
function problemLines(problems: NamedProblem[]): string {
  return problems.map((p) => `• ${p.title}`).join("\n");
}

/**
 * In the spirit of the Service Manual's email to prospective members: why we
 * are in touch, the problems we share, the ask.
 */
function invitationMessage(community: CommunityRecord, problems: NamedProblem[]): string {
  const challenges = problems.length
    ? `Our users face challenges like:\n${problemLines(problems)}\n\n`
    : "Our users run into problems that no single organisation can fix on its own.\n\n";
  const cadence = labels.cadences[community.meetingCadence]?.toLowerCase() ?? "regularly";
  return (
    "Hello,\n\n" +
    `I'm getting in touch because we work on services whose users are trying to do connected things: ${community.service}. ` +
    challenges +
    `We have set up ${community.name}, a service community for people from different organisations and professions who work on ${community.service}, ` +
    "so that we can understand these problems together and fix them across our organisational boundaries." +
    (community.purpose ? ` ${community.purpose}` : "") +
    `\n\nWould you like to join us? We meet ${community.meetingCadence === "as_needed" ? "when there is something to work on" : cadence} and talk between meetings in Slack.`
  );
}

/** In the spirit of the Service Manual's template: who we are, the problems, who we are looking for, how to join. */
function reachOutPost(community: CommunityRecord, problems: NamedProblem[], missingOrganisations: string[] = []): string {
  const lines = [
    `Do you work on ${community.service}?`,
    "",
    `We're a cross-government service community, ${community.name}: people from different organisations and professions who work on ${community.service}, whichever part of the journey they look after.`,
    "",
    problems.length
      ? `Our users are trying to do connected things, and run into problems like:\n${problemLines(problems)}`
      : "Our users are trying to do connected things, and the problems they meet cross our organisations' boundaries.",
    "",
    "We'd like to hear from anyone in policy, operations, design, research, technology or any other profession who works on part of this service." +
      (missingOrganisations.length
        ? ` We especially want to hear from people at ${listWithMore(missingOrganisations, { maxItems: 5 })}.`
        : ""),
    "",
    `To join, type /community join ${community.name} in Slack${community.slackChannelId ? `, or say hello in our channel` : ""}.`,
  ];
  return lines.join("\n");
}

export const prose: Prose = { invitationMessage, reachOutPost };
