import type { ProblemStatus } from "./problems";

/**
 * The reads behind "who is in, who is missing" for several communities at
 * once (App Home): each one grouped query, however many communities or members.
 */
export interface CoverageStore {
  /** Active members per community and organisation as stored (an id, or "other" with the typed name). */
  organisations(
    communityIds: string[],
  ): Promise<Array<{ communityId: string; organisation: string; organisationOther: string | null; members: number }>>;
  /** The organisations (as stored) one or more active members come from, each once: cheaper than counting them. */
  represented(communityId: string): Promise<Array<{ organisation: string; organisationOther: string | null }>>;
  /** Active members per community and profession as stored. */
  professions(
    communityIds: string[],
  ): Promise<Array<{ communityId: string; profession: string; professionOther: string | null; members: number }>>;
  /** Organisations named on the communities' problems in these statuses, with how many such problems name each. */
  problemOrganisations(
    communityIds: string[],
    statuses: ProblemStatus[],
  ): Promise<Array<{ communityId: string; organisation: string; problems: number }>>;
}
