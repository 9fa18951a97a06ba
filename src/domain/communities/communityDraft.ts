// Checks what an organiser typed into the create modal (or the edit charter
// modal, which asks for the charter's fields again) and turns it into a draft
// the service can store. Every problem is reported at once, per field.
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { channelNameProblem, cleanText, normaliseName, parseWebLink, parseWebLinkOrEmail } from "../common/text";
import { isValidTimezone } from "../common/timezones";
import {
  CONTACT_METHODS,
  type ContactMethodKind,
  isContactMethodKind,
  isMeetingCadence,
  LINKED_CONTACT_METHODS,
  type MeetingCadence,
} from "../common/vocabulary";
import { checkProfile, type ProfileInput } from "../members/profiles";
import type { ContactMethodRecord, MemberProfile } from "../ports";

export const LIMITS = {
  nameMin: 3,
  nameMax: 80,
  serviceMin: 3,
  serviceMax: 150,
  purposeMax: 1000,
  problemMax: 150,
  problemsMax: 20,
} as const;

/** What the charter's own fields arrive as, from the create or the edit charter modal. */
export interface CharterInput {
  name?: string | null;
  service?: string | null;
  purpose?: string | null;
  cadence?: string | null;
  contactMethods?: string[] | null;
  links?: Partial<Record<ContactMethodKind, string | null>>;
}

/** What a community says about itself, and what an organiser may change later (src/domain/communities/charterChanges.ts). */
export interface CharterFields {
  name: string;
  service: string;
  purpose: string;
  cadence: MeetingCadence;
  contactMethods: ContactMethodRecord[];
}

export interface CommunityDraftInput extends ProfileInput, CharterInput {
  /** One problem a line. */
  problems?: string | null;
  newChannelName?: string | null;
  existingChannelId?: string | null;
  timezone?: string | null;
}

export type ChannelChoice = { kind: "new"; name: string } | { kind: "existing"; channelId: string };

export interface CommunityDraft extends CharterFields {
  problems: string[];
  channel: ChannelChoice;
  timezone: string;
  organiser: MemberProfile;
}

/** Field keys in errors: name, service, purpose, problems, cadence, contactMethods,
 * link_<kind>, channel, timezone, and the profile's keys. */
export function checkCommunityDraft(input: CommunityDraftInput): CommunityDraft {
  const errors: FieldErrors = {};
  const charter = checkCharterFields(input, errors);

  const problems = cleanText(input.problems ?? "", "lines")
    .split("\n")
    .map((line) => normaliseName(line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "")))
    .filter(Boolean);
  const longProblem = problems.findIndex((p) => p.length > LIMITS.problemMax);
  if (problems.length > LIMITS.problemsMax) {
    errors.problems = { key: "community.too_many_problems", max: LIMITS.problemsMax };
  } else if (longProblem >= 0) {
    errors.problems = { key: "community.problem_too_long", line: longProblem + 1, max: LIMITS.problemMax };
  }

  let channel: ChannelChoice | null = null;
  const existing = cleanText(input.existingChannelId ?? "", "line").trim();
  if (existing) {
    channel = { kind: "existing", channelId: existing };
  } else {
    const channelName = cleanText(input.newChannelName ?? "", "line")
      .trim()
      .replace(/^#/, "");
    const problem = channelNameProblem(channelName);
    if (problem) errors.channel = problem;
    else channel = { kind: "new", name: channelName };
  }

  const timezone = cleanText(input.timezone ?? "", "line").trim();
  if (!isValidTimezone(timezone)) errors.timezone = { key: "community.timezone" };

  const organiser = checkProfile(input, errors);

  if (Object.keys(errors).length > 0 || !charter || !channel || !organiser) throw new ValidationError(errors);
  return { ...charter, problems, channel, timezone, organiser };
}

/** The edit charter modal's fields, checked by the same rules as when the community was created. */
export function checkCharterEdit(input: CharterInput): CharterFields {
  const errors: FieldErrors = {};
  const charter = checkCharterFields(input, errors);
  if (Object.keys(errors).length > 0 || !charter) throw new ValidationError(errors);
  return charter;
}

/** The charter's fields, or null with the reasons added to `errors` (keys name, service, purpose, cadence, contactMethods, link_<kind>). */
function checkCharterFields(input: CharterInput, errors: FieldErrors): CharterFields | null {
  const before = Object.keys(errors).length;
  const name = normaliseName(input.name ?? "");
  if (name.length < LIMITS.nameMin) errors.name = { key: "community.name_too_short", min: LIMITS.nameMin };
  else if (name.length > LIMITS.nameMax) errors.name = { key: "text.name_too_long", max: LIMITS.nameMax, length: name.length };

  const service = normaliseName(input.service ?? "");
  if (service.length < LIMITS.serviceMin) {
    errors.service = { key: "community.service_missing" };
  } else if (service.length > LIMITS.serviceMax) {
    errors.service = { key: "text.this_too_long", max: LIMITS.serviceMax, length: service.length };
  }

  const purpose = cleanText(input.purpose ?? "", "lines").trim();
  if (purpose.length > LIMITS.purposeMax) errors.purpose = { key: "text.this_too_long", max: LIMITS.purposeMax, length: purpose.length };

  const cadence = input.cadence ?? "";
  if (!isMeetingCadence(cadence)) errors.cadence = { key: "community.cadence" };

  const kinds = new Set<ContactMethodKind>();
  for (const kind of input.contactMethods ?? []) {
    if (isContactMethodKind(kind)) kinds.add(kind);
    else errors.contactMethods = { key: "community.contact_methods" };
  }
  const links: Partial<Record<ContactMethodKind, string>> = {};
  for (const kind of LINKED_CONTACT_METHODS) {
    const raw = cleanText(input.links?.[kind] ?? "", "line").trim();
    if (!raw) continue;
    const link = kind === "mailing_list" ? parseWebLinkOrEmail(raw) : parseWebLink(raw);
    if (!link) {
      errors[`link_${kind}`] = { key: kind === "mailing_list" ? "link.not_link_or_email" : "link.not_link" };
      continue;
    }
    links[kind] = link;
    // A link typed for a method that was not ticked still means "we use this".
    kinds.add(kind);
  }
  const contactMethods = CONTACT_METHODS.filter((kind) => kinds.has(kind)).map((kind) => ({ kind, link: links[kind] ?? null }));

  if (Object.keys(errors).length > before || !isMeetingCadence(cadence)) return null;
  return { name, service, purpose, cadence, contactMethods };
}
