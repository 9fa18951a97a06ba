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
  | "reopen_problem";

/** What only a meeting's organisers or its scheduler may do. */
export type MeetingAction = "change" | "cancel";

/** The forms that create or link a channel (their words for "use an existing channel" differ). */
export type ChannelForm = "community" | "group";

/** Every reason, by key, with the parameters its sentence needs. Names are as stored (not escaped). */
export interface Reasons {
  // Communities
  "community.gone": {};
  "community.other_workspace": {};
  "community.none_in_channel": { channelId: string };
  /** `usage` is the command's own usage line, given by the Slack edge. */
  "community.which": { usage: string };
  "community.unknown": { typed: string; suggestions: string[] };
  "community.name_race": {};
  "community.name_taken": { name: string };
  "community.channel_taken": { owner: string | null };
  "community.name_too_short": { min: number };
  "community.service_missing": {};
  "community.too_many_problems": { max: number };
  "community.problem_too_long": { line: number; max: number };
  "community.cadence": {};
  "community.contact_methods": {};
  "community.timezone": {};
  "settings.threshold": {};
  // Shared by several forms
  "text.name_too_long": { max: number; length: number };
  "text.this_too_long": { max: number; length: number };
  "text.this_too_long_short": { max: number };
  "link.not_link": {};
  "link.not_link_or_email": {};
  "reminders.from_list": {};
  "channel_name.missing": {};
  "channel_name.too_long": { max: number };
  "channel_name.invalid": {};
  // Digests
  "digest.cadence": {};
  "digest.weekday": {};
  "digest.month_day": {};
  "digest.time": {};
  "digest.members_only": { community: string };
  // Members and organisers
  "profile.organisation_missing": {};
  "profile.organisation_unknown": {};
  "profile.organisation_other_missing": {};
  "profile.profession_missing": {};
  "profile.profession_unknown": {};
  "profile.profession_other_missing": {};
  "profile.other_too_long": { max: number };
  "member.removed": { community: string; organiserIds: string[] };
  "member.not_in_to_leave": { community: string };
  "member.last_organiser_leave": { community: string };
  "member.last_organiser_step_down": { community: string };
  "member.too_many_named": { max: number };
  "organisers.only": { community: string; action: OrganiserAction };
  // Meetings
  "meeting.schedulers_only": { community: string; membersCanSchedule: boolean; isMember: boolean };
  "meeting.gone": {};
  "meeting.community_gone": {};
  "meeting.editors_only": { community: string; action: MeetingAction };
  "meeting.cancelled_no_change": { title: string };
  "meeting.changed_meanwhile": {};
  "meeting.already_cancelled": { title: string };
  "meeting.cancelled_no_answers": { title: string };
  "meeting.over": { title: string };
  "meeting.title_missing": {};
  "meeting.title_too_long": { max: number; length: number };
  "meeting.start_missing": {};
  "meeting.start_passed": { startsAt: Date; zone: string };
  "meeting.duration": {};
  "meeting.link_too_long": { max: number };
  "meeting.link_not_https": {};
  "meeting.place_too_long": { max: number };
  "meeting.where_missing": {};
  "meeting.agenda_too_long": { max: number; length: number };
  "meeting.recurrence": {};
  "meeting.ordinal": {};
  /** The first meeting is the `actual`-th of its weekday (and perhaps the last), not the `wanted`-th (-1: the last). */
  "meeting.ordinal_mismatch": { startsAt: Date; zone: string; wanted: 1 | 2 | 3 | 4 | 5 | -1; actual: 1 | 2 | 3 | 4 | 5; isLast: boolean };
  "meeting.recurrence_needs_following": {};
  // Problems
  "problem.gone": {};
  "problem.community_gone": {};
  "problem.cannot_move": { title: string; status: ProblemStatus; to: "objective" | "solved" | "open" };
  "problem.changed_meanwhile": {};
  "problem.changed_meanwhile_look_again": {};
  "problem.not_objective": { title: string };
  "problem.owner_from_list": {};
  "problem.owner_not_member": { community: string };
  "problem.target_date": {};
  "problem.progress": {};
  "problem.duplicate_of_missing": {};
  "problem.duplicate_of_other": {};
  "problem.duplicate_of_duplicate": {};
  "problem.already_closed": { title: string; status: ProblemStatus };
  "problem.closed_no_votes": { title: string; status: "solved" | "duplicate" };
  "problem.author_only": {};
  "problem.join_to_vote": { community: string };
  "problem.title_missing": {};
  "problem.title_too_long": { max: number; length: number };
  "problem.description_too_long": { max: number; length: number };
  "problem.affects_unknown": {};
  "problem.affects_too_many": { max: number };
  // Invitations
  "invitation.emails_invalid": { invalid: string[] };
  "invitation.nobody": {};
  "invitation.too_many": { max: number; users: number; emails: number };
  "invitation.message_missing": {};
  "invitation.message_too_long": { max: number; length: number };
  "invitation.members_only": { community: string };
  "invitation.not_found": {};
  "invitation.already_accepted": { community: string };
  "invitation.declined": { community: string };
  "invitation.expired": { community: string };
  "invitation.closed": { community: string };
  "invitation.answered_meanwhile": {};
  "invitation.already_answered": { community: string };
  "invitation.not_member_anywhere": {};
  // Groups
  "group.gone": {};
  "group.no_communities": {};
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
  "group.name_missing": {};
  "group.focus_missing": {};
  "group.focus_too_long": { max: number; length: number };
  "group.channel_choice": {};
  "group.existing_channel_missing": {};
  // The Slack edge: commands, forms, and Slack's own refusals
  "command.too_long": { length: number; max: number };
  "command.say_who_to_promote": {};
  "command.say_who_to_remove": {};
  "command.step_down_takes_no_mention": {};
  "workspace.required": {};
  "form.unreadable": {};
  "form.unreadable_answer": {};
  "form.expired": { reopen: "problem" | "settings" | "invitation" | "meeting_menu" };
  "form.lost_community": {};
  "form.choose_community": { for: "invite" | "join" | "problem" | "meeting" };
  "slack.no_channel_returned": {};
  "slack.channel_name_taken": { name: string; form: ChannelForm };
  "slack.channel_name_invalid": {};
  "slack.channels_restricted": { form: ChannelForm };
  "slack.channel_not_created": { code?: string };
  "slack.channel_archived": {};
  "slack.channel_not_public": {};
  "slack.channel_not_found": {};
  "slack.channel_not_joined": { code?: string };
  /** `name`: the channel's name as Slack gave it, if it did. */
  "slack.channel_general": { name: string | null };
  "slack.channel_read_only": { name: string | null };
  "slack.busy": { seconds: number };
  "slack.no_answer": {};
}

export type ReasonKey = keyof Reasons;

/** One reason: its key and, beside it, its parameters. */
export type Reason = { [K in ReasonKey]: { key: K } & Reasons[K] }[ReasonKey];

/** Per-field reasons for a modal, keyed by the domain's field names (which are the modal's block ids). */
export type FieldErrors = Record<string, Reason>;
