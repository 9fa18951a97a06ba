// The fixed vocabularies the database stores as strings (no enums, so one schema
// serves SQLite and PostgreSQL). Labels are what people read in Slack.

export const MEETING_CADENCES = {
  monthly: "Monthly",
  every_two_months: "Every two months",
  quarterly: "Quarterly",
  as_needed: "As needed",
} as const;
export type MeetingCadence = keyof typeof MEETING_CADENCES;
export const DEFAULT_MEETING_CADENCE: MeetingCadence = "every_two_months";

/** How members talk between meetings. `linkHint` is shown under the link input. */
export const CONTACT_METHODS = {
  slack_channel: { label: "Slack channel", linkHint: "" },
  mailing_list: { label: "Mailing list", linkHint: "A sign-up link or the list's email address" },
  regular_calls: { label: "Regular calls", linkHint: "A meeting link, e.g. Teams or Google Meet" },
  trello: { label: "Trello", linkHint: "The board's link" },
} as const;
export type ContactMethodKind = keyof typeof CONTACT_METHODS;
/** The kinds that carry a link (the Slack channel is the community's own channel). */
export const LINKED_CONTACT_METHODS = ["mailing_list", "regular_calls", "trello"] as const satisfies readonly ContactMethodKind[];

export const ROLES = { organiser: "Organiser", member: "Member" } as const;
export type Role = keyof typeof ROLES;

/**
 * "removed": an organiser removed them. Anything but "active" counts as not a
 * member; someone who left may join again, someone removed only on an organiser's invitation.
 */
export type MembershipStatus = "active" | "left" | "removed";

export function isMeetingCadence(value: string): value is MeetingCadence {
  return Object.hasOwn(MEETING_CADENCES, value);
}

export function isContactMethodKind(value: string): value is ContactMethodKind {
  return Object.hasOwn(CONTACT_METHODS, value);
}
