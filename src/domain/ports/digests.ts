import type { CommunityRecord } from "./communities";

export interface DigestProblem {
  id: string;
  title: string;
  votes: number;
  organisations: number;
}

/** The reads a digest needs: each a single query, whatever the size of the community. */
export interface DigestStore {
  newProblems(communityId: string, since: Date, limit: number): Promise<{ items: DigestProblem[]; total: number }>;
  topOpenProblems(communityId: string, limit: number): Promise<DigestProblem[]>;
  newMembers(communityId: string, since: Date, limit: number): Promise<{ items: string[]; total: number }>;
  /** Organisations of members who joined since, that no earlier member came from. */
  newOrganisations(communityId: string, since: Date): Promise<string[]>;
  /** RSVP counts of several meetings in one go. */
  tallies(meetingIds: string[]): Promise<Map<string, { going: number; maybe: number; notGoing: number }>>;
  /** Active members who asked for the digest by DM, or who chose it by email while their address refuses mail. */
  dmSubscribers(communityId: string): Promise<string[]>;
  /** Communities whose digest is on, with their schedules. */
  scheduled(): Promise<CommunityRecord[]>;
}
