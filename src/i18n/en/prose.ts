// English: the bot's ready-written texts, which people edit or copy before
// sending. Both follow the GDS templates in alphagov/service-communities-templates
// ("How to email prospective community members" and "How to reach out to
// cross-government channels"): who is writing, the problem the community exists
// to solve, what a service community is (with the Service Manual's link), and
// one clear ask.
import { listWithMore } from "../../domain/common/text";
import type { ContactMethodKind } from "../../domain/common/vocabulary";
import type { NamedProblem } from "../../domain/invitations/invitationDraft";
import type { CommunityRecord } from "../../domain/ports";
import type { DraftWriter, Prose } from "../catalogue";
import { labels } from "./labels";

/** The Service Manual's page on what a service community is, as the templates link it. */
export const SERVICE_COMMUNITIES_URL = "https://www.gov.uk/service-manual/design/service-communities";

/** "• problem" lines. */
function problemLines(problems: NamedProblem[]): string {
  return problems.map((p) => `• ${p.title}`).join("\n");
}

/** "I'm Ann Smith. I work in user research at HM Revenue & Customs (HMRC)." (as much of it as is known). */
function introduction(writer: DraftWriter): string {
  // "Policy" reads "policy" mid-sentence; "IT operations" keeps its capitals.
  const field = writer.role && !/^.[A-Z]/.test(writer.role) ? writer.role.charAt(0).toLowerCase() + writer.role.slice(1) : writer.role;
  const work = field
    ? `I work in ${field}${writer.organisation ? ` at ${writer.organisation}` : ""}.`
    : writer.organisation
      ? `I work at ${writer.organisation}.`
      : "";
  return [writer.name ? `I'm ${writer.name}.` : "", work].filter(Boolean).join(" ");
}

/** How members keep in touch between meetings, as a sentence needs it. */
const BETWEEN: Record<ContactMethodKind, string> = {
  slack_channel: "our Slack channel",
  mailing_list: "a mailing list",
  regular_calls: "regular calls",
  trello: "a Trello board",
};

/** "our Slack channel and a mailing list" */
function between(community: CommunityRecord): string {
  const ways = community.contactMethods.map((m) => BETWEEN[m.kind]);
  if (!ways.length) return "Slack";
  return ways.length > 1 ? `${ways.slice(0, -1).join(", ")} and ${ways[ways.length - 1]}` : ways[0];
}

function invitationMessage(community: CommunityRecord, problems: NamedProblem[], writer: DraftWriter, proposal: boolean): string {
  const intro = introduction(writer);
  const challenges = problems.length
    ? `I think we might have similar challenges in making the service work as well as possible for users, and as efficiently as possible for government. Challenges like:\n${problemLines(problems)}`
    : "I think we might have similar challenges in making the service work as well as possible for users, and as efficiently as possible for government.";
  const aims = community.purpose ? `\n\nWhat we want to achieve: ${community.purpose}` : "";
  const what =
    "Service communities are a Cabinet Office led initiative that makes it easier for people like us to work together across organisational boundaries on shared challenges, " +
    `to make public services better to use and more effective to run. You can read more about them in the Service Manual: ${SERVICE_COMMUNITIES_URL}`;
  const cadence =
    community.meetingCadence === "as_needed"
      ? "when there is something to work on"
      : labels.cadences[community.meetingCadence].toLowerCase();
  const ask = proposal
    ? "Would you like to discuss the problems we share and how a service community might help? I suggest a 30-minute call to agree our objectives and how we will work together."
    : `Would you like to join our service community, ${community.name}? We meet ${cadence}, and keep in touch between meetings through ${between(community)}.`;
  return [
    "Hello",
    `${intro ? `${intro} ` : ""}I'm getting in touch because we work on services whose users are trying to do connected things: ${community.service}. ${challenges}${aims}`,
    what,
    ask,
    writer.name ? `Thanks\n${writer.name}` : "Thanks",
  ].join("\n\n");
}

function reachOutPost(
  community: CommunityRecord,
  problems: NamedProblem[],
  writer: DraftWriter,
  missingOrganisations: string[] = [],
  channelName: string | null = null,
): string {
  const who = writer.organisation ? `I work at ${writer.organisation} on ${community.service}.` : `I work on ${community.service}.`;
  const affected = problems.length
    ? `I'm looking for people who are affected by problems like these:\n${problemLines(problems)}`
    : `I'm looking for people who are affected by the problems our users meet in ${community.service}, whichever part of it they work on.`;
  const especially = missingOrganisations.length
    ? `\n\nWe especially want to hear from people at ${listWithMore(missingOrganisations, { maxItems: 5 })}.`
    : "";
  // Someone reading this elsewhere cannot run the bot's commands: they message the writer, or find the channel.
  const contact = channelName
    ? `If this sounds relevant to your work, please message me${writer.name ? ` (${writer.name})` : ""}, or join #${channelName} if you are in this Slack workspace.`
    : `If this sounds relevant to your work, please message me${writer.name ? ` (${writer.name})` : ""}.`;
  return [
    "Hello",
    `${who} ${affected}${especially}`,
    `${contact} We have started a service community, ${community.name}, so that we can tackle these problems together. You can read more about service communities here: ${SERVICE_COMMUNITIES_URL}`,
  ].join("\n\n");
}

export const prose: Prose = { invitationMessage, reachOutPost };
