// Why something was refused, as data: a key and its parameters, never words.
// The domain (and the Slack edge, for what only it can check) throws an
// AppError carrying one of these; src/i18n turns it into a sentence in the
// reader's language. Adding a key here without its sentence in every
// catalogue, or with parameters a catalogue does not expect, is a type error.
import type { ProblemStatus } from "../ports/problems";

/** What only organisers may do, for "Only the organisers of X can …". */
export type OrganiserAction =
  | "promote"
  | "step_down"
  | "remove"
  | "change_settings"
  | "create_groups"
  | "mark_duplicate"
  | "set_objective"
  | "promote_problem"
  | "solve_problem"
  | "reopen_problem"
  | "edit_charter"
  | "archive"
  | "unarchive"
  | "delete"
  | "edit_journey"
  | "manage_email_refusals";

/** What only a meeting's organisers or its scheduler may do. */
export type MeetingAction = "change" | "cancel" | "record";

/** The forms that create or link a channel (their words for "use an existing channel" differ). */
export type ChannelForm = "community" | "group";

/** A reason whose sentence needs nothing but its key. */
type NoParams = Record<never, never>;

/** Every reason, by key, with the parameters its sentence needs. Names are as stored (not escaped). */
export interface Reasons {
  // Communities
  "community.gone": NoParams;
  "community.none_yet": NoParams;
  "community.archived": { community: string };
  "community.not_archived": { community: string };
  "community.no_archived": NoParams;
  "community.unknown_archived": { typed: string; suggestions: string[] };
  "community.delete_confirm_missing": { community: string };
  "community.delete_confirm_mismatch": { community: string };
  "community.other_workspace": NoParams;
  "community.none_in_channel": { channelId: string };
  /** `usage` is the command's own usage line, given by the Slack edge. */
  "community.which": { usage: string };
  "community.unknown": { typed: string; suggestions: string[] };
  "community.name_race": NoParams;
  "community.name_taken": { name: string };
  "community.channel_taken": { owner: string | null };
  "community.name_too_short": { min: number };
  "community.service_missing": NoParams;
  "community.too_many_problems": { max: number };
  "community.problem_too_long": { line: number; max: number };
  "community.cadence": NoParams;
  "community.contact_methods": NoParams;
  "community.timezone": NoParams;
  "settings.threshold": NoParams;
  "settings.page_visibility": NoParams;
  "settings.bank_holidays": NoParams;
  "settings.round_days": NoParams;
  // The service journey
  "stage.title_missing": { min: number };
  "stage.too_many_owners": { max: number };
  "journey.members_only": { community: string };
  "journey.too_many_stages": { max: number };
  "journey.stage_gone": NoParams;
  "journey.not_a_suggestion": NoParams;
  "journey.order_busy": NoParams;
  "journey.has_stages": { community: string };
  "activity.unreadable": NoParams;
  "finding.members_only": { community: string };
  "finding.title_missing": { min: number };
  "finding.race": NoParams;
  "finding.pager_unreadable": NoParams;
  "finding.no_such_stage": { number: number; stages: number };
  "journey.nothing_to_draft": { community: string };
  "journey.draft_empty": NoParams;
  "problem.stage_gone": NoParams;
  // Shared by several forms
  "text.name_too_long": { max: number; length: number };
  "text.this_too_long": { max: number; length: number };
  "text.this_too_long_short": { max: number };
  "link.not_link": NoParams;
  "link.not_link_or_email": NoParams;
  "reminders.from_list": NoParams;
  "channel_name.missing": NoParams;
  "channel_name.too_long": { max: number };
  "channel_name.invalid": NoParams;
  // Digests
  "digest.cadence": NoParams;
  "digest.weekday": NoParams;
  "digest.month_day": NoParams;
  "digest.time": NoParams;
  "digest.members_only": { community: string };
  // Members and organisers
  "profile.organisation_missing": NoParams;
  "profile.organisation_unknown": NoParams;
  "profile.organisation_other_missing": NoParams;
  "profile.profession_missing": NoParams;
  "profile.profession_unknown": NoParams;
  "profile.profession_other_missing": NoParams;
  "profile.other_too_long": { max: number };
  "member.removed": { community: string; organiserIds: string[] };
  "member.not_in_to_leave": { community: string };
  "member.last_organiser_leave": { community: string };
  "member.last_organiser_step_down": { community: string };
  "member.too_many_named": { max: number };
  "member.list_unreadable": NoParams;
  "organisers.only": { community: string; action: OrganiserAction };
  // How members get messages (src/domain/members/messageChoices.ts)
  "messages.members_only": { community: string };
  "messages.choose": NoParams;
  "messages.no_address": NoParams;
  "messages.address_taken": NoParams;
  "messages.not_refused": NoParams;
  // Meetings
  "meeting.schedulers_only": { community: string; membersCanSchedule: boolean; isMember: boolean };
  "meeting.gone": NoParams;
  "meeting.community_gone": NoParams;
  "meeting.editors_only": { community: string; action: MeetingAction };
  "meeting.cancelled_no_change": { title: string };
  "meeting.changed_meanwhile": NoParams;
  "meeting.already_cancelled": { title: string };
  "meeting.cancelled_no_answers": { title: string };
  "meeting.over": { title: string };
  "meeting.title_missing": NoParams;
  "meeting.title_too_long": { max: number; length: number };
  "meeting.start_missing": NoParams;
  "meeting.start_passed": { startsAt: Date; zone: string };
  "meeting.duration": NoParams;
  "meeting.link_too_long": { max: number };
  "meeting.link_not_https": NoParams;
  "meeting.place_too_long": { max: number };
  "meeting.where_missing": NoParams;
  "meeting.agenda_too_long": { max: number; length: number };
  "meeting.recurrence": NoParams;
  "meeting.ordinal": NoParams;
  /** The first meeting is the `actual`-th of its weekday (and perhaps the last), not the `wanted`-th (-1: the last). */
  "meeting.ordinal_mismatch": { startsAt: Date; zone: string; wanted: 1 | 2 | 3 | 4 | 5 | -1; actual: 1 | 2 | 3 | 4 | 5; isLast: boolean };
  "meeting.recurrence_needs_following": NoParams;
  // Agendas
  /** `group`: the group whose next meeting it would be, when asked in its channel. */
  "agenda.no_meeting": { community: string; group: string | null };
  "agenda.members_only": { community: string };
  "agenda.meeting_started": { title: string };
  "agenda.full": { title: string; max: number };
  "agenda.title_missing": { min: number };
  "agenda.item_gone": NoParams;
  "agenda.arrangers_only": { community: string; doing: "arrange" | "remove" };
  "agenda.order_busy": NoParams;
  "agenda.choose_meeting": NoParams;
  "agenda.no_meetings_anywhere": NoParams;
  // What came out of a meeting
  "outcomes.not_started": { title: string; startsAt: Date; zone: string };
  "outcomes.cancelled": { title: string };
  "outcomes.already_recorded": { title: string; by: string };
  "outcomes.nothing": NoParams;
  "outcomes.too_many_decisions": { max: number };
  "outcomes.decision_too_long": { line: number; max: number };
  "outcomes.action_title": { min: number; max: number };
  "outcomes.action_owner": NoParams;
  "outcomes.action_two_owners": NoParams;
  "outcomes.action_owner_not_member": { community: string };
  "outcomes.action_due": NoParams;
  "outcomes.action_due_before": { startsAt: Date; zone: string };
  // Actions
  "action.gone": NoParams;
  "action.owner_only": { community: string };
  "action.already_done": { title: string };
  "action.due_passed": NoParams;
  "action.due_too_far": NoParams;
  "action.filter": { typed: string };
  "agenda.unreadable": NoParams;
  // The live-projects round and the delivery timeline
  "round.members_only": { community: string };
  "round.closed": { title: string; why: "started" | "cancelled" | "gone" | "organisation" };
  "round.no_round": { community: string };
  "round.title": { min: number; max: number };
  "round.state": NoParams;
  "round.expected_on": NoParams;
  "round.unreadable": NoParams;
  "updates.unknown_organisation": { typed: string; known: string[] };
  // Problems
  "problem.gone": NoParams;
  "problem.community_gone": NoParams;
  "problem.cannot_move": { title: string; status: ProblemStatus; to: "objective" | "solved" | "open" };
  "problem.changed_meanwhile": NoParams;
  "problem.changed_meanwhile_look_again": NoParams;
  "problem.not_objective": { title: string };
  "problem.owner_from_list": NoParams;
  "problem.owner_not_member": { community: string };
  "problem.target_date": NoParams;
  "problem.progress": NoParams;
  "problem.duplicate_of_missing": NoParams;
  "problem.duplicate_of_other": NoParams;
  "problem.duplicate_of_duplicate": NoParams;
  "problem.already_closed": { title: string; status: ProblemStatus };
  "problem.closed_no_votes": { title: string; status: "solved" | "duplicate" };
  "problem.author_only": NoParams;
  "problem.join_to_vote": { community: string };
  "problem.title_missing": NoParams;
  "problem.title_too_long": { max: number; length: number };
  "problem.description_too_long": { max: number; length: number };
  "problem.affects_unknown": NoParams;
  "problem.affects_too_many": { max: number };
  // Invitations
  "invitation.emails_invalid": { invalid: string[] };
  "invitation.nobody": NoParams;
  "invitation.too_many": { max: number; users: number; emails: number };
  "invitation.message_missing": NoParams;
  "invitation.message_too_long": { max: number; length: number };
  "invitation.members_only": { community: string };
  "invitation.not_found": NoParams;
  "invitation.name_missing": NoParams;
  "member.not_found_for_email": NoParams;
  "invitation.name_too_long": { max: number };
  "invitation.already_accepted": { community: string };
  "invitation.declined": { community: string };
  "invitation.expired": { community: string };
  "invitation.closed": { community: string };
  "invitation.answered_meanwhile": NoParams;
  "invitation.already_answered": { community: string };
  "invitation.not_member_anywhere": NoParams;
  // Groups
  "group.gone": NoParams;
  "group.no_communities": NoParams;
  /** `usage` is the command's own usage line, given by the Slack edge. */
  "group.which": { usage: string };
  "group.ambiguous": { name: string; communities: string[]; usage: string };
  "group.unknown_anywhere": { typed: string; usage: string };
  "group.members_only": { community: string; group: string };
  "group.not_in_to_leave": { community: string; group: string };
  "group.name_taken": { community: string; name: string };
  "group.channel_is_community": { community: string };
  "group.channel_of_community": { community: string };
  "group.channel_of_group": { group: string };
  "group.none_yet": { community: string };
  "group.unknown": { community: string; typed: string; suggestions: string[] };
  "group.name_missing": NoParams;
  "group.focus_missing": NoParams;
  "group.focus_too_long": { max: number; length: number };
  "group.channel_choice": NoParams;
  "group.existing_channel_missing": NoParams;
  // The Slack edge: commands, forms, and Slack's own refusals
  "command.too_long": { length: number; max: number };
  "command.say_who_to_promote": NoParams;
  "command.say_who_to_remove": NoParams;
  "command.step_down_takes_no_mention": NoParams;
  "workspace.required": NoParams;
  "form.unreadable": NoParams;
  "form.unreadable_answer": NoParams;
  "form.expired": {
    reopen:
      | "problem"
      | "settings"
      | "invitation"
      | "meeting_menu"
      | "charter"
      | "delete"
      | "finding"
      | "journey"
      | "action"
      | "messages"
      | "round";
  };
  "form.lost_community": NoParams;
  "form.choose_community": { for: "invite" | "join" | "problem" | "meeting" };
  "slack.no_channel_returned": NoParams;
  "slack.channel_name_taken": { name: string; form: ChannelForm };
  "slack.channel_name_invalid": NoParams;
  "slack.channels_restricted": { form: ChannelForm };
  "slack.channel_not_created": { code?: string };
  "slack.channel_archived": NoParams;
  "slack.channel_not_public": NoParams;
  "slack.channel_not_found": NoParams;
  "slack.channel_not_joined": { code?: string };
  /** `name`: the channel's name as Slack gave it, if it did. */
  "slack.channel_general": { name: string | null };
  "slack.channel_read_only": { name: string | null };
  "slack.busy": { seconds: number };
  "slack.no_answer": NoParams;
}

export type ReasonKey = keyof Reasons;

/** One reason: its key and, beside it, its parameters. */
export type Reason = { [K in ReasonKey]: { key: K } & Reasons[K] }[ReasonKey];

/** Per-field reasons for a modal, keyed by the domain's field names (which are the modal's block ids). */
export type FieldErrors = Record<string, Reason>;
