// What every listener gets: the domain services and the clock, never the store.
import type { Logger } from "pino";
import type { Clock } from "./domain/clock";
import type { CommunityService } from "./domain/communities";
import type { CoverageService } from "./domain/coverage";
import type { OnboardingService } from "./domain/onboarding";
import type { MembershipService } from "./domain/memberships";
import type { DigestService } from "./domain/digests";
import type { GroupService } from "./domain/groups";
import type { InvitationService } from "./domain/invitations";
import type { MeetingService } from "./domain/meetings";
import type { ProblemService } from "./domain/problems";
import type { RoleService } from "./domain/roles";
import type { CalendarLinks } from "./web/calendarLinks";
import type { MeetingMessages } from "./app/meetingMessages";

export interface Services {
  communities: CommunityService;
  memberships: MembershipService;
  problems: ProblemService;
  /** Making organisers, stepping down, removing members. */
  roles: RoleService;
  meetings: MeetingService;
  digests: DigestService;
  /** Sub-groups of a community. */
  groups: GroupService;
  /** Who is in a community and which organisations are missing. */
  coverage: CoverageService;
  /** Welcomes people who join a community's channel without joining the community. */
  onboarding: OnboardingService;
  invitations: InvitationService;
  /** Signed links to meetings' calendar files on this server. */
  calendarLinks: CalendarLinks;
  /** Meeting announcements and DMs, shared so bursts of redraws collapse across listeners. */
  meetingMessages: MeetingMessages;
  clock: Clock;
  defaultTimezone: string;
  logger: Logger;
}
