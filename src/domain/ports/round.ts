// The live-projects round: who was asked before a meeting, for which organisation,
// and what each organisation told (its updates, which over time are its delivery timeline).

export const PROJECT_STATES = ["idea", "policy_clearance", "agreed", "in_delivery", "live"] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export interface RoundAskRecord {
  meetingId: string;
  /** The organisation's key (organisationKey). */
  organisation: string;
  personId: string;
}

export interface ProjectUpdateRecord {
  id: string;
  communityId: string;
  meetingId: string | null;
  organisation: string;
  organisationName: string;
  projectKey: string;
  title: string;
  /** Null for Nothing new. */
  state: ProjectState | null;
  /** "2026-09-30" */
  expectedOn: string | null;
  nothingNew: boolean;
  /** The stages it touches, in the journey's order, with their titles and places in it as they are now. */
  stages: Array<{ id: string; title: string; position: number }>;
  answeredBy: string;
  /** The name a member by email gave when they told it; null for a Slack member. */
  answeredByName: string | null;
  createdAt: Date;
  /** The meeting it was told before, for the timeline. */
  meeting: { id: string; title: string; startsAt: Date; timezone: string } | null;
  /** The group whose meeting's round it was told in; null for the community's own. */
  group: { id: string; name: string } | null;
}

export interface NewProjectUpdate {
  communityId: string;
  meetingId: string | null;
  /** The round's meeting's group, if it is a group's meeting. */
  groupId: string | null;
  organisation: string;
  organisationName: string;
  projectKey: string;
  title: string;
  state: ProjectState | null;
  expectedOn: string | null;
  nothingNew: boolean;
  /** Checked against the community by the store: another community's stage names nothing. */
  stageIds: string[];
  answeredBy: string;
  answeredByName: string | null;
  requestId: string | null;
  now: Date;
}

/** One thing an organisation told about over several rounds: its updates, newest first. */
export interface ProjectHistory {
  projectKey: string;
  organisation: string;
  updates: ProjectUpdateRecord[];
}

/** An organisation active members come from (as stored), and whether any of them is in Slack (not only by email). */
export interface RoundOrganisationRow {
  organisation: string;
  organisationOther: string | null;
  inSlack: boolean;
}

/** A round's meeting as its updates are read with it. */
export interface RoundMeetingRef {
  id: string;
  communityId: string;
  title: string;
  startsAt: Date;
  timezone: string;
  /** The meeting's group, if it is a group's: the updates are its. */
  group?: { id: string; name: string } | null;
}

export interface RoundStore {
  /**
   * The organisations the community's active members come from (only the group's members',
   * given a group): one grouped read, however many members.
   */
  organisations(communityId: string, groupId?: string | null): Promise<RoundOrganisationRow[]>;
  /** Who was asked before the meeting: one query. */
  asks(meetingId: string): Promise<RoundAskRecord[]>;
  /**
   * Writes who is asked, unless the meeting's asks are written already (a retried or
   * reclaimed row): then those stand, and are returned instead.
   */
  recordAsks(meetingId: string, asks: Array<{ organisation: string; personId: string }>, now: Date): Promise<RoundAskRecord[]>;
  /**
   * The updates told before the meeting (only one organisation's, if given), Nothing new too,
   * oldest first: a fixed number of reads, all at once.
   */
  updatesFor(meeting: RoundMeetingRef, organisation?: string): Promise<ProjectUpdateRecord[]>;
  /** Adds an update. Throws UniqueViolation("request") when its requestId was used (the same form twice). */
  add(update: NewProjectUpdate): Promise<ProjectUpdateRecord>;
  findByRequestId(requestId: string): Promise<ProjectUpdateRecord | null>;
  /** Who told each organisation's updates in the community's latest rounds, latest first: organisation -> person ids. */
  recentAnswerers(communityId: string, limit: number): Promise<Map<string, string[]>>;
  /** The organisation's latest update of each thing it told about (not Nothing new), latest first. */
  latestOf(communityId: string, organisation: string, limit: number): Promise<ProjectUpdateRecord[]>;
  /**
   * A page of the community's things told about (of one organisation, or all), the most
   * recently updated first, each with its updates newest first; and how many there are.
   */
  timeline(
    communityId: string,
    organisation: string | null,
    offset: number,
    limit: number,
  ): Promise<{ projects: ProjectHistory[]; total: number }>;
  /** The organisations that have told the community anything, with their names as last told. */
  organisationsWithUpdates(communityId: string): Promise<Array<{ organisation: string; organisationName: string }>>;
}
