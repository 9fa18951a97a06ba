// What every listener gets: the domain services and the clock, never the store.
import type { Logger } from "pino";
import type { Clock } from "../domain/clock";
import type { CommunityService } from "../domain/communities";
import type { MembershipService } from "../domain/memberships";
import type { DigestService } from "../domain/digests";
import type { MeetingService } from "../domain/meetings";
import type { ProblemService } from "../domain/problems";
import type { CalendarLinks } from "./calendarLinks";
import type { MeetingMessages } from "./meetingMessages";

export interface Services {
  communities: CommunityService;
  memberships: MembershipService;
  problems: ProblemService;
  meetings: MeetingService;
  digests: DigestService;
  /** Signed links to meetings' calendar files on this server. */
  calendarLinks: CalendarLinks;
  /** Meeting announcements and DMs, shared so bursts of redraws collapse across listeners. */
  meetingMessages: MeetingMessages;
  clock: Clock;
  defaultTimezone: string;
  logger: Logger;
}
