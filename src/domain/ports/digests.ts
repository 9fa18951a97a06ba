import type { CommunityRecord } from "./communities";
import type { ProjectState } from "./round";

export interface DigestProblem {
  id: string;
  title: string;
  votes: number;
  organisations: number;
}

/** One thing an organisation told a live-projects round (never Nothing new). */
export interface DigestUpdate {
  id: string;
  organisationName: string;
  title: string;
  state: ProjectState;
  expectedOn: string | null;
}

/** What one place's rounds were told since the last digest: the community's own (group null), or a group's. */
export interface DigestLiveProjects {
  group: { id: string; name: string } | null;
  /** The first told, up to the limit asked for. */
  items: DigestUpdate[];
  /** Updates told (Nothing new left out). */
  total: number;
  /** Organisations that told them. */
  organisations: number;
  /** Organisations that said Nothing new and told nothing else. */
  nothingNew: number;
}

/** The reads a digest needs: each a single query, whatever the size of the community. */
export interface DigestStore {
  newProblems(communityId: string, since: Date, limit: number): Promise<{ items: DigestProblem[]; total: number }>;
  topOpenProblems(communityId: string, limit: number): Promise<DigestProblem[]>;
  newMembers(communityId: string, since: Date, limit: number): Promise<{ items: string[]; total: number }>;
  /** Organisations of members who joined since, that no earlier member came from. */
  newOrganisations(communityId: string, since: Date): Promise<string[]>;
  /**
   * What the community's and its groups' live-projects rounds were told since: one grouped
   * read, each place's counts with its first `limit` updates, in no particular order.
   */
  liveProjectsSince(communityId: string, since: Date, limit: number): Promise<DigestLiveProjects[]>;
  /** RSVP counts of several meetings in one go. */
  tallies(meetingIds: string[]): Promise<Map<string, { going: number; maybe: number; notGoing: number }>>;
  /** Active members who asked for the digest by DM, or who chose it by email while their address refuses mail. */
  dmSubscribers(communityId: string): Promise<string[]>;
  /** Communities whose digest is on, with their schedules. */
  scheduled(): Promise<CommunityRecord[]>;
}
