// What every listener gets: the domain services and the clock, never the store.
import type { Logger } from "pino";
import type { Clock } from "../domain/clock";
import type { CommunityService } from "../domain/communities";
import type { MembershipService } from "../domain/memberships";
import type { ProblemService } from "../domain/problems";

export interface Services {
  communities: CommunityService;
  memberships: MembershipService;
  problems: ProblemService;
  clock: Clock;
  defaultTimezone: string;
  logger: Logger;
}
