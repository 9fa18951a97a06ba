// Checks what an organiser typed into the create modal and turns it into a
// draft the service can store. Every problem is reported at once, per field.
import { ValidationError } from "../common/errors";
import { checkProfile, type ProfileInput } from "../members/profiles";
import type { ContactMethodRecord, MemberProfile } from "../ports";
import { channelNameProblem, cleanText, normaliseName, parseWebLink, parseWebLinkOrEmail } from "../common/text";
import { isValidTimezone } from "../common/timezones";
import {
  CONTACT_METHODS,
  isContactMethodKind,
  isMeetingCadence,
  LINKED_CONTACT_METHODS,
  type ContactMethodKind,
  type MeetingCadence,
} from "../common/vocabulary";

export const LIMITS = {
  nameMin: 3,
  nameMax: 80,
  serviceMin: 3,
  serviceMax: 150,
  purposeMax: 1000,
  problemMax: 150,
  problemsMax: 20,
} as const;

export interface CommunityDraftInput extends ProfileInput {
  name?: string | null;
  service?: string | null;
  purpose?: string | null;
  /** One problem a line. */
  problems?: string | null;
  cadence?: string | null;
  contactMethods?: string[] | null;
  links?: Partial<Record<ContactMethodKind, string | null>>;
  newChannelName?: string | null;
  existingChannelId?: string | null;
  timezone?: string | null;
}

export type ChannelChoice = { kind: "new"; name: string } | { kind: "existing"; channelId: string };

export interface CommunityDraft {
  name: string;
  service: string;
  purpose: string;
  problems: string[];
  cadence: MeetingCadence;
  contactMethods: ContactMethodRecord[];
  channel: ChannelChoice;
  timezone: string;
  organiser: MemberProfile;
}

/** Field keys in errors: name, service, purpose, problems, cadence, contactMethods,
 * link_<kind>, channel, timezone, and the profile's keys. */
export function checkCommunityDraft(input: CommunityDraftInput): CommunityDraft {
  const errors: Record<string, string> = {};

  const name = normaliseName(input.name ?? "");
  if (name.length < LIMITS.nameMin) errors.name = `Give the community a name of at least ${LIMITS.nameMin} characters.`;
  else if (name.length > LIMITS.nameMax) errors.name = `Keep the name to ${LIMITS.nameMax} characters (it has ${name.length}).`;

  const service = normaliseName(input.service ?? "");
  if (service.length < LIMITS.serviceMin) {
    errors.service = "Say which service or user journey the community is about, e.g. Starting a business.";
  } else if (service.length > LIMITS.serviceMax) {
    errors.service = `Keep this to ${LIMITS.serviceMax} characters (it has ${service.length}).`;
  }

  const purpose = cleanText(input.purpose ?? "", "lines").trim();
  if (purpose.length > LIMITS.purposeMax) errors.purpose = `Keep this to ${LIMITS.purposeMax} characters (it has ${purpose.length}).`;

  const problems = cleanText(input.problems ?? "", "lines")
    .split("\n")
    .map((line) => normaliseName(line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "")))
    .filter(Boolean);
  const longProblem = problems.findIndex((p) => p.length > LIMITS.problemMax);
  if (problems.length > LIMITS.problemsMax) {
    errors.problems = `List at most ${LIMITS.problemsMax} problems here; you can log more later.`;
  } else if (longProblem >= 0) {
    errors.problems = `Problem ${longProblem + 1} is longer than ${LIMITS.problemMax} characters: put one short problem on each line.`;
  }

  const cadence = input.cadence ?? "";
  if (!isMeetingCadence(cadence)) errors.cadence = "Choose how often the community will meet.";

  const kinds = new Set<ContactMethodKind>();
  for (const kind of input.contactMethods ?? []) {
    if (isContactMethodKind(kind)) kinds.add(kind);
    else errors.contactMethods = "Choose from the listed ways of talking.";
  }
  const links: Partial<Record<ContactMethodKind, string>> = {};
  for (const kind of LINKED_CONTACT_METHODS) {
    const raw = cleanText(input.links?.[kind] ?? "", "line").trim();
    if (!raw) continue;
    const link = kind === "mailing_list" ? parseWebLinkOrEmail(raw) : parseWebLink(raw);
    if (!link) {
      errors[`link_${kind}`] =
        kind === "mailing_list"
          ? "That is not a link or an email address. Use a full link (https://…) or an address like team@example.gov.uk."
          : "That is not a link. Use a full link that starts with https://";
      continue;
    }
    links[kind] = link;
    // A link typed for a method that was not ticked still means "we use this".
    kinds.add(kind);
  }
  const contactMethods = (Object.keys(CONTACT_METHODS) as ContactMethodKind[])
    .filter((kind) => kinds.has(kind))
    .map((kind) => ({ kind, link: links[kind] ?? null }));

  let channel: ChannelChoice | null = null;
  const existing = cleanText(input.existingChannelId ?? "", "line").trim();
  if (existing) {
    channel = { kind: "existing", channelId: existing };
  } else {
    const channelName = cleanText(input.newChannelName ?? "", "line").trim().replace(/^#/, "");
    const problem = channelNameProblem(channelName);
    if (problem) errors.channel = problem;
    else channel = { kind: "new", name: channelName };
  }

  const timezone = cleanText(input.timezone ?? "", "line").trim();
  if (!isValidTimezone(timezone)) errors.timezone = "Pick a time zone from the list, e.g. Europe/London.";

  const organiser = checkProfile(input, errors);

  if (Object.keys(errors).length > 0 || !channel || !organiser) throw new ValidationError(errors);
  return { name, service, purpose, problems, cadence: cadence as MeetingCadence, contactMethods, channel, timezone, organiser };
}
