// The fixed vocabularies the database stores as strings (no enums, so one schema
// serves SQLite and PostgreSQL), in the order pickers offer them. What people
// read for each is the catalogue's (src/i18n).

export const MEETING_CADENCES = ["monthly", "every_two_months", "quarterly", "as_needed"] as const;
export type MeetingCadence = (typeof MEETING_CADENCES)[number];
export const DEFAULT_MEETING_CADENCE: MeetingCadence = "every_two_months";

/** How members talk between meetings. */
export const CONTACT_METHODS = ["slack_channel", "mailing_list", "regular_calls", "trello"] as const;
export type ContactMethodKind = (typeof CONTACT_METHODS)[number];
/** The kinds that carry a link (the Slack channel is the community's own channel). */
export const LINKED_CONTACT_METHODS = ["mailing_list", "regular_calls", "trello"] as const satisfies readonly ContactMethodKind[];

export type Role = "organiser" | "member";

/**
 * "removed": an organiser removed them. Anything but "active" counts as not a
 * member; someone who left may join again, someone removed only on an organiser's invitation.
 */
export type MembershipStatus = "active" | "left" | "removed";

export function isMeetingCadence(value: string): value is MeetingCadence {
  return (MEETING_CADENCES as readonly string[]).includes(value);
}

export function isContactMethodKind(value: string): value is ContactMethodKind {
  return (CONTACT_METHODS as readonly string[]).includes(value);
}

/** Who may open a community's web page: anyone with its address, or only holders of its signed address (the default). */
export const PAGE_VISIBILITIES = ["link_only", "public"] as const;
export type PageVisibility = (typeof PAGE_VISIBILITIES)[number];

export function isPageVisibility(value: string): value is PageVisibility {
  return (PAGE_VISIBILITIES as readonly string[]).includes(value);
}
