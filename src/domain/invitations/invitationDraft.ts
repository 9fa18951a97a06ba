// What an inviter writes: the people and message on the invitation form,
// checked, and the ready-written texts (the invitation and the reach-out post)
// that start them off.
import type { CommunityRecord } from "../ports";
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { MEETING_CADENCES } from "../common/vocabulary";
import { cleanText, listWithMore } from "../common/text";

/** The most people one invitation form may invite. */
export const INVITE_LIMIT = 100;
// Short enough that the copy-ready email (message plus how to join) fits one 3000-character section.
export const INVITE_MESSAGE_MAX = 2500;

export interface NamedProblem {
  id: string;
  title: string;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * Checks what the inviter typed. Field errors are keyed people, emails and
 * message (the modal's block ids). Email addresses are de-duplicated ignoring case.
 */
export function checkInvitationDraft(input: { users: string[]; emails: string | null; message: string | null }): { users: string[]; emails: string[]; message: string } {
  const errors: FieldErrors = {};
  const users = [...new Set(input.users)];
  const tokens = cleanText(input.emails ?? "", "lines").split(/[\s,;]+/).map((t) => t.trim().replace(/^<|>$/g, "").replace(/^mailto:/i, "")).filter(Boolean);
  const invalid = tokens.filter((t) => !EMAIL.test(t));
  const emails = [...new Map(tokens.filter((t) => EMAIL.test(t)).map((t) => [t.toLowerCase(), t])).values()];
  if (invalid.length) errors.emails = { key: "invitation.emails_invalid", invalid };
  const total = users.length + emails.length;
  if (total === 0 && !invalid.length) errors.people = { key: "invitation.nobody" };
  if (total > INVITE_LIMIT) {
    errors.people = { key: "invitation.too_many", max: INVITE_LIMIT, users: users.length, emails: emails.length };
  }
  const message = cleanText(input.message ?? "", "lines").trim();
  if (!message) errors.message = { key: "invitation.message_missing" };
  else if (message.length > INVITE_MESSAGE_MAX) errors.message = { key: "invitation.message_too_long", max: INVITE_MESSAGE_MAX, length: message.length };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { users, emails, message };
}

/** "• problem" lines, or a sentence for a community with none logged yet. */
function problemLines(problems: NamedProblem[]): string {
  return problems.map((p) => `• ${p.title}`).join("\n");
}

/**
 * The prefilled invitation, in the spirit of the Service Manual's email to
 * prospective members: why we are in touch, the problems we share, the ask.
 * Plain text (no mrkdwn), because it is also copied into emails.
 */
export function invitationMessage(community: CommunityRecord, problems: NamedProblem[]): string {
  const challenges = problems.length
    ? `Our users face challenges like:\n${problemLines(problems)}\n\n`
    : "Our users run into problems that no single organisation can fix on its own.\n\n";
  const cadence = MEETING_CADENCES[community.meetingCadence]?.toLowerCase() ?? "regularly";
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

/**
 * The draft post for cross-government channels, in the spirit of the Service
 * Manual's template: who we are, the problems, who we are looking for, how to join.
 */
export function reachOutPost(community: CommunityRecord, problems: NamedProblem[], missingOrganisations: string[] = []): string {
  const lines = [
    `Do you work on ${community.service}?`,
    "",
    `We're a cross-government service community, ${community.name}: people from different organisations and professions who work on ${community.service}, whichever part of the journey they look after.`,
    "",
    problems.length ? `Our users are trying to do connected things, and run into problems like:\n${problemLines(problems)}` : "Our users are trying to do connected things, and the problems they meet cross our organisations' boundaries.",
    "",
    "We'd like to hear from anyone in policy, operations, design, research, technology or any other profession who works on part of this service." +
      (missingOrganisations.length ? ` We especially want to hear from people at ${listWithMore(missingOrganisations, { maxItems: 5 })}.` : ""),
    "",
    `To join, type /community join ${community.name} in Slack${community.slackChannelId ? `, or say hello in our channel` : ""}.`,
  ];
  return lines.join("\n");
}
