// What a catalogue must hold, for every language: a sentence for every reason
// the domain or the Slack edge may give (src/domain/common/reasons.ts), the
// words for the domain's data, and the bot's ready-written prose. A missing
// entry, or an entry that reads a parameter its reason does not have, is a
// type error.
//
// Reasons' sentences are ready for Slack's mrkdwn: every typed or stored value
// they insert goes through esc(), exactly as when they were written in the
// domain. Labels and prose are plain text: the views escape them.
import type { Reasons } from "../domain/common/reasons";
import type { ContactMethodKind, MeetingCadence } from "../domain/common/vocabulary";
import type { GroupChannelChoiceKind } from "../domain/groups/groupDraft";
import type { NamedProblem } from "../domain/invitations/invitationDraft";
import type { MeetingNote, RecurrenceChoiceRule, ReminderOffset } from "../domain/meetings/meetingDraft";
import type { MonthlyOrdinal, RecurrenceRule } from "../domain/meetings/recurrence";
import type { Delivery, MessageKind } from "../domain/members/messagePreferences";
import type { CommunityRecord, DigestSchedule, ProjectState } from "../domain/ports";
import type { ActivityId } from "../reference/activities";
import type { Division } from "../reference/bankHolidays";

/** One sentence a reason, from its parameters. */
export type ReasonTexts = { [K in keyof Reasons]: (params: Reasons[K]) => string };

/** The words for the domain's data: its fixed vocabularies, schedules and rules. */
export interface Labels {
  /** Monday first (ISO weekday 1). */
  weekdays: readonly string[];
  /** "first" … "last": a monthly meeting's weekday in its month. */
  ordinals: Readonly<Record<MonthlyOrdinal, string>>;
  cadences: Readonly<Record<MeetingCadence, string>>;
  /** Each way of talking between meetings, and the hint under its link input. */
  contactMethods: Readonly<Record<ContactMethodKind, { label: string; linkHint: string }>>;
  reminderOffsets: Readonly<Record<ReminderOffset, string>>;
  groupChannelChoices: Readonly<Record<GroupChannelChoiceKind, string>>;
  /** The parts of the UK whose bank holidays a community can follow. */
  divisions: Readonly<Record<Division, string>>;
  /** Where a change an organisation tells the round about stands ("In policy clearance"). */
  projectStates: Readonly<Record<ProjectState, string>>;
  /** A choice in the meeting modal's "Repeats" picker. */
  recurrenceChoice(rule: RecurrenceChoiceRule): string;
  /** "Every 3 weeks on Tuesday", read in the series' own time zone. */
  describeRule(rule: RecurrenceRule, anchor: Date, zone: string): string;
  /** What an organiser is told about the rule they chose. */
  meetingNote(note: MeetingNote): string;
  /** "Weekly on Monday at 9am UK time". */
  describeSchedule(schedule: DigestSchedule, zone: string): string;
}

/** Who is writing a draft: each part only when it is known. */
export interface DraftWriter {
  name: string | null;
  organisation: string | null;
  /** Their profession, as their role. */
  role: string | null;
}

/** The bot's ready-written texts, which people edit or copy before sending. */
export interface Prose {
  /**
   * The invitation form's prefilled message: plain text, also copied into emails.
   * At the `proposal` stage (no meeting yet) it asks for a first call; later, to join.
   */
  invitationMessage(community: CommunityRecord, problems: NamedProblem[], writer: DraftWriter, proposal: boolean): string;
  /**
   * The draft post for cross-government channels; `missingOrganisations` are who it
   * especially asks for, and `channelName` the community's channel, for readers in the workspace.
   */
  reachOutPost(
    community: CommunityRecord,
    problems: NamedProblem[],
    writer: DraftWriter,
    missingOrganisations?: string[],
    channelName?: string | null,
  ): string;
}

/**
 * Dates and times, every one the bot writes: a language's own order and words,
 * and its way of naming a time zone. Plain text.
 */
export interface Dates {
  /** "Tuesday 9 December 2026", in `zone`. */
  longDate(at: Date, zone: string): string;
  /** A date with no time of day, stored as midnight UTC (a target date). */
  calendarDate(date: Date): string;
  /** "10am", "2:30pm", "midday", in `zone`. */
  clockTime(at: Date, zone: string): string;
  /** A wall-clock "HH:mm" (a digest's time) as people say it: "9am". */
  wallClock(hhmm: string): string;
  /** "UK time", "New York time". */
  zoneName(zone: string): string;
  /** "Tuesday 9 December 2026 at 2:30pm UK time". */
  dateAndTime(at: Date, zone: string): string;
  /** "Tuesday 9 December 2026, 10am to 11am UK time". */
  timeSpan(start: Date, end: Date, zone: string): string;
  /** "5am to 6am New York time": the times alone, on another clock. */
  timeSpanOnly(start: Date, end: Date, zone: string): string;
  /** A choice in the time zone picker: "New York, America, UTC−5". */
  zoneChoice(zone: string, at: Date): string;
}

/** The words in a meeting's calendar file, and what its link answers when it has no file. */
export interface CalendarWords {
  /** The event's description: the agenda, how to join, and whose meeting it is. */
  description(meeting: { agenda: string; videoLink: string | null; community: string }): string;
  /** The organiser's name in the file. */
  organiser(community: string): string;
  /** The link is not a signed link to a meeting. */
  notFound: string;
  /** The meeting was deleted with its community. */
  meetingGone: string;
  /** Anything else. */
  failed: string;
}

/** The words in the journey's exports, and what their links answer when there is no file to give. */
export interface ExportWords {
  stepByStepTitle(service: string): string;
  stepByStepIntroduction(service: string): string;
  /** The service landscape's column headings, in order. */
  landscapeHeadings: readonly string[];
  landscapeRoles: Readonly<Record<"owns" | "delivers" | "affected", string>>;
  /** The link is not a signed link to an export. */
  notFound: string;
  /** The link was good, and its hour is over. */
  expired: string;
  communityGone: string;
  failed: string;
}

/** One activity of step 6: its name, what it is and when it helps, and what "Plan it" writes into the meeting form. */
export interface ActivityText {
  title: string;
  about: string;
  meetingTitle: string;
  agenda: readonly string[];
}

export type ActivityWords = Readonly<Record<ActivityId, ActivityText>>;

/** The error pages a web page can answer with; each has its HTTP status in src/web/kit/errorPages.ts. */
export type WebErrorKind =
  | "not_found"
  | "link_invalid"
  | "link_expired"
  | "link_used"
  | "gone"
  | "bad_request"
  | "form_expired"
  | "too_large"
  | "too_many"
  | "server_error";

/** An error page's words: its heading (also the page's title) and what to do next. Plain text: the templates escape it. */
export interface ErrorPageWords {
  title: string;
  paragraphs: readonly string[];
}

/** A community's web page: the words its presenter fills in (its headings are in its template). */
export interface CommunityPageWords {
  /** A link-only page opened without its key. */
  private: ErrorPageWords;
  /** A key for an address organisers have since replaced. */
  retired: ErrorPageWords;
  archived(community: string): ErrorPageWords;
  /** An objective's progress, by its status (open, in_progress, done). */
  objectiveStatus: Readonly<Record<string, string>>;
  count(n: number, one: string, many?: string): string;
  /** "HMRC, DWP and Companies House". */
  list(items: readonly string[]): string;
  /** Who owns a stage and who delivers part of it: "Owned by HMRC. DWP delivers part of it." */
  stageOwners(owners: readonly string[], deliverers: readonly string[]): string;
  /** Above the objectives table when it shows only some. */
  objectivesShown(shown: number, total: number): string;
  /** Under the problems table when it shows only some. */
  problemsShown(shown: number, total: number): string;
  meetingsShown(shown: number, total: number): string;
  /** "HMRC (12 members)". */
  organisationWithMembers(label: string, members: number): string;
  /** "HMRC, named on 3 problems". */
  missingOrganisation(label: string, problems: number): string;
  /** Where the meeting is: its place, a video call, or both. */
  meetingPlace(place: string | null, hasVideo: boolean): string;
}

/** The words of the web pages outside their templates. Plain text: the templates escape it. */
export interface WebWords {
  serviceName: string;
  communityPage: CommunityPageWords;
  errors: Readonly<Record<WebErrorKind, ErrorPageWords>>;
  /** What the error summary is headed. */
  errorSummaryTitle: string;
  /** Put before a page's title when its form has errors, as GOV.UK asks. */
  errorTitlePrefix: string;
}

/**
 * The words of the personal-link pages' forms and answers. A field's error is
 * worded for a web form (GOV.UK: "Select your organisation"), where Slack's
 * says how to use its pickers; the rules behind both are the same.
 */
export interface WebFormWords {
  /** By reason key: the message shown in the error summary and beside the field. */
  fieldErrors: Readonly<Partial<Record<keyof Reasons, string>>>;
  /** What each answer to a meeting is called on the page. */
  rsvpAnswers: Readonly<Record<"going" | "maybe" | "not_going", string>>;
}

/** The words of the meeting emails: invitations, changes, cancellations and reminders. Plain text: the email views escape it. */
export interface MeetingEmailWords {
  subject: {
    invitation(title: string, when: string): string;
    update(title: string, when: string): string;
    cancellation(title: string, when: string): string;
    reminder(title: string, when: string): string;
  };
  invitationIntro(community: string, title: string): string;
  updateIntro(community: string, title: string): string;
  cancellationIntro(title: string, when: string): string;
  /** "in 2 days", "tomorrow": how long is left (views/reminders.ts's timeLeftText), and their answer so far. */
  reminderIntro(community: string, title: string, left: string, answer: string | null): string;
  when(text: string): string;
  where(place: string): string;
  joinCall: string;
  agendaHeading: string;
  answerHeading: string;
  answerLink(answered: boolean): string;
  calendarLink: string;
  /** With the calendar attached (SMTP, files): what opening it does, and that a calendar's reply does not reach the organisers. */
  attachedInvitation: string;
  attachedUpdate: string;
  attachedCancellation: string;
  /** With Notify (no attachments): the cancellation must be removed by hand. */
  removeByHand: string;
  /** Why they got it, before the community's name: "You are getting this email because <why> <community>." */
  why: { meetings: string; reminders: string; invited: string };
}

/** The emails to an action's owner by email: when it is recorded, the working day before it is due, and once it is overdue. Plain text. */
export interface ActionEmailWords {
  subject: {
    assigned(title: string, due: string): string;
    before(title: string, due: string): string;
    overdue(title: string, due: string): string;
  };
  assignedIntro(community: string, meeting: string, held: string): string;
  beforeIntro(due: string): string;
  overdueIntro(due: string): string;
  /** The lines about the action: what it is, when it is due, what it is about. */
  action(title: string): string;
  due(day: string): string;
  about(kind: "stage" | "problem", title: string): string;
  recordedBy(name: string): string;
  remindedBefore: string;
  manageLink: string;
  /** Why they got it (completes "You are getting this email because …"). */
  why: string;
}

/** How a member gets each kind of message: the same words in Slack's form, on the email settings page and in confirmations. Plain text. */
export interface MessagePreferenceWords {
  /** `hint` beside Slack's choices; `emailHint` beside a member by email's checkbox (they have no Slack). */
  kinds: Readonly<Record<MessageKind, { label: string; hint: string; emailHint: string }>>;
  /** What each choice is called, by kind (the digest's are "also", beside the channel's post). */
  deliveries: Readonly<Record<MessageKind, Readonly<Record<Delivery, string>>>>;
  /** A saved choice in a list: "The digest: also by email". */
  chosen(label: string, delivery: string): string;
  /** Where we email a Slack member, and how to change it. */
  address(address: string): string;
  noAddress: string;
  refused(address: string, reason: string, community: string): string;
  onlyYou(community: string): string;
  alsoByEmail: string;
  saved(community: string): string;
  /** After unsubscribing, for a Slack member whose meetings or reminders came only by email. */
  unsubscribedSlack: string;
}

/** Why the round's web page takes no answer: the meeting started, was cancelled or is gone, or they left or changed organisation. */
export type RoundClosedWhy = "started" | "cancelled" | "gone" | "left" | "organisation";

/**
 * The live-projects round by email and on its web page, for someone asked outside Slack. Plain
 * text, except the question, which Slack asks too: its names come as they are to be shown
 * (escaped and marked for Slack, plain for an email), and its own words hold no markup.
 */
export interface RoundWords {
  /**
   * "What has HMRC changed, planned or cleared since the last meeting that affects Starting a business?";
   * a group's round names the group (`group`: "Licensing group").
   */
  question(organisation: string, service: string, group: string | null): string;
  /** `group`: a group's round names the group ("Licensing group"), as the question does. */
  subject: { ask(meeting: string, group: string | null): string; reminder(meeting: string, group: string | null): string };
  intro(community: string, meeting: string, group: string | null): string;
  reminderIntro(organisation: string): string;
  examples: string;
  /** When the answers are shared (a clock time, a day), and with whom: the community, or the group. */
  shared(time: string, day: string, group: string | null): string;
  /** How many others were asked about the same organisation. */
  askedWith(others: number, organisation: string): string;
  toldHeading(organisation: string): string;
  nothingNew(organisation: string): string;
  notYet(organisation: string): string;
  /** One update told: its title, and where it is ("In policy clearance, expected …"). */
  told(title: string, state: string): string;
  stages(titles: string): string;
  /** After the updates listed, how many more there are. */
  more(count: number): string;
  answerLink(told: boolean): string;
  linkUntil(time: string, day: string): string;
  /** Completes "You are getting this email because …". */
  why: string;
  page: {
    caption(community: string, meeting: string): string;
    formHeading(told: boolean): string;
    fields: Readonly<Record<"title" | "earlier" | "stages" | "state" | "expectedOn", { label: string; hint?: string }>>;
    earlierNone: string;
    send: string;
    nothingNewHeading: string;
    nothingNewHint(organisation: string, service: string): string;
    nothingNewButton: string;
    saved: { change(organisation: string): string; nothing(organisation: string): string };
    closed(meeting: string, why: RoundClosedWhy, community: string): ErrorPageWords;
  };
}

/**
 * The digest's section on what organisations told the live-projects rounds since the last
 * one. The titles and names given come as they are to be shown (escaped for Slack, plain
 * for an email); the words around them hold no markup, so the same sentence serves both.
 */
export interface DigestLiveProjectWords {
  heading: string;
  /** "3 updates from 2 organisations" */
  told(updates: number, organisations: number): string;
  /** "2 organisations had nothing new" */
  nothingNew(organisations: number): string;
  /** One update: what it is, who told it, and where it stands ("In policy clearance, expected …"). */
  update(title: string, organisation: string, state: string): string;
  /** "and 3 more updates" */
  moreUpdates(count: number): string;
  /** "and 2 more groups": groups not listed. */
  moreGroups(count: number): string;
}

export interface Catalogue {
  reasons: ReasonTexts;
  labels: Labels;
  prose: Prose;
  dates: Dates;
  calendar: CalendarWords;
  exports: ExportWords;
  activities: ActivityWords;
  web: WebWords;
  webForms: WebFormWords;
  meetingEmails: MeetingEmailWords;
  actionEmails: ActionEmailWords;
  round: RoundWords;
  messagePreferences: MessagePreferenceWords;
  digestLiveProjects: DigestLiveProjectWords;
}
