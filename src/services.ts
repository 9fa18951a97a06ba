// What listeners and the scheduler get: the domain services, the messengers they
// share, and the clock; never the store. buildServices is the one place they are made.
import type { Logger } from "pino";
import type { Config } from "./config";
import type { Clock } from "./domain/common/clock";
import { CharterService } from "./domain/communities/charterChanges";
import { CommunityService } from "./domain/communities/communities";
import { CommunityPageService } from "./domain/communities/communityPage";
import { CommunityDirectory } from "./domain/communities/directory";
import { LifecycleService } from "./domain/communities/lifecycle";
import { DigestService } from "./domain/digests/digests";
import { FindingService } from "./domain/findings/findings";
import { GroupService } from "./domain/groups/groups";
import { InvitationService } from "./domain/invitations/invitations";
import { JourneyService } from "./domain/journey/journey";
import { MailService } from "./domain/mail/mail";
import { ActionService } from "./domain/meetings/actions";
import { AgendaService } from "./domain/meetings/agenda";
import { FirstMeetingService } from "./domain/meetings/firstMeeting";
import { MeetingMailService } from "./domain/meetings/meetingMail";
import { MeetingService } from "./domain/meetings/meetings";
import { OutcomeService } from "./domain/meetings/outcomes";
import { CoverageService } from "./domain/members/coverage";
import { MembershipService } from "./domain/members/memberships";
import { MessageChoiceService } from "./domain/members/messageChoices";
import { OnboardingService } from "./domain/members/onboarding";
import { RoleService } from "./domain/members/roles";
import type { Store } from "./domain/ports";
import { ProblemService } from "./domain/problems/problems";
import { ProblemVotes } from "./domain/problems/votes";
import { RoundAnswers } from "./domain/round/answers";
import { RoundService } from "./domain/round/round";
import { DeliveryTimeline } from "./domain/round/timeline";
import { MeetingMessages } from "./messaging/meetingMessages";
import { CalendarLinks } from "./web/calendarLinks";
import { CommunityPageLinks } from "./web/communityPageLinks";
import { ExportLinks } from "./web/exportLinks";
import { webSecret } from "./web/linkSecret";
import { PersonalLinkMaker } from "./web/personalLinkMaker";
import { PersonalLinks } from "./web/personalLinks";

export interface Services {
  communities: CommunityService;
  /** What a community's web page shows. */
  communityPages: CommunityPageService;
  /** Organisers' edits to a charter, and its history. */
  charter: CharterService;
  /** Archiving, unarchiving and deleting communities. */
  lifecycle: LifecycleService;
  memberships: MembershipService;
  /** How each member gets each kind of message (Slack, email or both), unsubscribing, and refused addresses. */
  messageChoices: MessageChoiceService;
  problems: ProblemService;
  /** "This affects us too". */
  problemVotes: ProblemVotes;
  /** Making organisers, stepping down, removing members. */
  roles: RoleService;
  meetings: MeetingService;
  /** Who gets a meeting's invitations, changes, cancellation and reminders by email. */
  meetingMail: MeetingMailService;
  /** Meetings' agendas: items from anywhere, reordered by organisers. */
  agenda: AgendaService;
  /** What the meeting form offers a community that has never met. */
  firstMeeting: FirstMeetingService;
  /** What came out of meetings: notes, decisions and actions. */
  outcomes: OutcomeService;
  /** Actions from meetings: their owners close them or move their dates, and are reminded. */
  actions: ActionService;
  /** The live-projects round before each meeting: questions, reminder and post (src/domain/round/). */
  round: RoundService;
  /** Answers to the round: the form, an update, Nothing new. */
  roundAnswers: RoundAnswers;
  /** Each organisation's updates over time (/community updates). */
  timeline: DeliveryTimeline;
  digests: DigestService;
  /** Sub-groups of a community. */
  groups: GroupService;
  /** Who is in a community and which organisations are missing. */
  coverage: CoverageService;
  /** Welcomes people who join a community's channel without joining the community. */
  onboarding: OnboardingService;
  invitations: InvitationService;
  /** The service journey: its stages, who owns them, who works on them. */
  journey: JourneyService;
  /** Findings and outputs members share, by stage. */
  findings: FindingService;
  /** Signed links to meetings' calendar files on this server. */
  calendarLinks: CalendarLinks;
  /** Short-lived signed links to a journey's exports on this server. */
  exportLinks: ExportLinks;
  /** Signed, expiring links to the web pages for one person, one purpose and one thing (src/web/personalLinks.ts). */
  personalLinks: PersonalLinks;
  /** The personal links handed out (to accept an invitation, answer a meeting…), each with its lifetime. */
  pageLinks: PersonalLinkMaker;
  /** Community web pages' addresses: signed for a link-only page, and retired when organisers ask (src/web/communityPageLinks.ts). */
  communityPageLinks: CommunityPageLinks;
  /** Meeting announcements and DMs, shared so bursts of redraws collapse across listeners. */
  meetingMessages: MeetingMessages;
  /** Planning emails through the outbox, and what refused addresses mean (src/domain/mail/mail.ts). */
  mail: MailService;
  clock: Clock;
  defaultTimezone: string;
  logger: Logger;
}

/** The address in MAIL_FROM (`Name <address>` or the address alone); with Notify, which sends from its own, no-reply at PUBLIC_URL's host. */
function calendarOrganiser(config: Config): string {
  if (config.mail && config.mail.provider !== "notify") return (config.mail.from.match(/<([^>]+)>/)?.[1] ?? config.mail.from).trim();
  return `no-reply@${new URL(config.publicUrl).hostname}`;
}

/** `carriesCalendar`: whether the mail adapter in use delivers calendar parts (all but Notify). */
export function buildServices({
  config,
  store,
  clock,
  logger,
  carriesCalendar,
}: {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  carriesCalendar?: boolean;
}): Services {
  const directory = new CommunityDirectory({ store, clock });
  const meetings = new MeetingService({ store, clock });
  const communities = new CommunityService({ store, clock, directory });
  const memberships = new MembershipService({ store, clock, directory });
  const problems = new ProblemService({ store, clock });
  const actions = new ActionService({ store, clock, communities });
  const messageChoices = new MessageChoiceService({ store, clock });
  const round = new RoundService({ store, clock });
  // Socket Mode has no signing secret; the bot token then keys the links.
  const personalLinks = new PersonalLinks(config.publicUrl, webSecret(config));
  const calendarLinks = new CalendarLinks(config.publicUrl, config.slackSigningSecret ?? config.slackBotToken);
  return {
    communities,
    communityPages: new CommunityPageService({ store, clock }),
    charter: new CharterService({ store, clock, directory, communities }),
    lifecycle: new LifecycleService({ store, clock, directory, communities }),
    memberships,
    messageChoices,
    invitations: new InvitationService({ store, clock, communities, memberships }),
    journey: new JourneyService({ store, clock, communities }),
    findings: new FindingService({ store, clock, communities }),
    problems,
    problemVotes: new ProblemVotes({ store, clock, problems }),
    roles: new RoleService({ store, clock, directory }),
    meetings,
    meetingMail: new MeetingMailService({ store, clock }),
    agenda: new AgendaService({ store, clock, communities }),
    firstMeeting: new FirstMeetingService({ store, clock }),
    outcomes: new OutcomeService({ store, clock, meetings }),
    actions,
    round,
    roundAnswers: new RoundAnswers({ store, clock, round }),
    timeline: new DeliveryTimeline({ store }),
    digests: new DigestService({ store, clock }),
    groups: new GroupService({ store, clock, communities }),
    coverage: new CoverageService({ store }),
    onboarding: new OnboardingService({ store, clock }),
    calendarLinks,
    exportLinks: new ExportLinks(config.publicUrl, config.slackSigningSecret ?? config.slackBotToken),
    personalLinks,
    pageLinks: new PersonalLinkMaker(personalLinks),
    communityPageLinks: new CommunityPageLinks(config.publicUrl, webSecret(config)),
    meetingMessages: new MeetingMessages({ meetings, actions, calendarLinks, messageChoices, logger }),
    mail: new MailService({
      store,
      clock,
      carriesCalendar: carriesCalendar ?? config.mail?.provider !== "notify",
      organiserAddress: calendarOrganiser(config),
    }),
    clock,
    defaultTimezone: config.defaultTimezone,
    logger,
  };
}
