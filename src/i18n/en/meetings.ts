// English: why a meeting or a problem was refused.
import { DateTime } from "luxon";
import type { MeetingAction } from "../../domain/common/reasons";
import type { ProblemStatus } from "../../domain/ports";
import { esc } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";
import { dateAndTime } from "./dates";
import { labels } from "./labels";

const ORDINAL_WORDS = labels.ordinals;

const MEETING_ACTIONS: Record<MeetingAction, string> = {
  change: "change this meeting",
  cancel: "cancel this meeting",
  record: "record what came out of this meeting",
};

const STATUS_NOUNS: Record<ProblemStatus, string> = { open: "open", objective: "an objective", solved: "solved", duplicate: "a duplicate" };
const STATUS_PAST = { objective: "promoted", solved: "marked solved", open: "reopened" } as const;

export const meetingReasons = {
  "meeting.schedulers_only": ({ community, membersCanSchedule, isMember }) =>
    `Only the ${membersCanSchedule ? "members" : "organisers"} of *${esc(community)}* can schedule its meetings.` +
    (isMember
      ? " Ask an organiser to schedule it, or to let members schedule in `/community settings`."
      : " Join it first with `/community join`."),
  "meeting.gone": () => "That meeting no longer exists. `/community meetings` shows the upcoming ones.",
  "meeting.community_gone": () => "That meeting's community no longer exists.",
  "meeting.editors_only": ({ community, action }) =>
    `Only the organisers of *${esc(community)}*, or whoever scheduled it, can ${MEETING_ACTIONS[action]}. Nothing was changed.`,
  "meeting.cancelled_no_change": ({ title }) => `*${esc(title)}* was cancelled, so it cannot be changed. Schedule a new meeting instead.`,
  "meeting.changed_meanwhile": () =>
    "This meeting was changed or cancelled since you opened the form. Close it and open the meeting's menu again.",
  "meeting.already_cancelled": ({ title }) => `*${esc(title)}* is already cancelled.`,
  "meeting.cancelled_no_answers": ({ title }) => `*${esc(title)}* was cancelled, so it takes no answers.`,
  "meeting.over": ({ title }) => `*${esc(title)}* has already happened.`,
  "meeting.title_missing": () => "Give the meeting a title, for example Quarterly show and tell.",
  "meeting.title_too_long": ({ max, length }) => `Keep the title to ${max} characters (it has ${length}). Put the detail in the agenda.`,
  "meeting.start_missing": () => "Pick the date and time the meeting starts.",
  "meeting.start_passed": ({ startsAt, zone }) => `${dateAndTime(startsAt, zone)} has already passed. Pick a time in the future.`,
  "meeting.duration": () => "Choose a length between 30 minutes and 4 hours.",
  "meeting.link_too_long": ({ max }) => `That link is too long: keep it to ${max} characters.`,
  "meeting.link_not_https": () =>
    "Use the meeting's full link, starting with https:// (for example https://teams.microsoft.com/l/meetup-join/…).",
  "meeting.place_too_long": ({ max }) => `Keep the place to ${max} characters.`,
  "meeting.where_missing": () => "Add a video link, a place, or both, so people know where to go.",
  "meeting.agenda_too_long": ({ max, length }) => `Keep the agenda to ${max} characters (it has ${length}). Link to a document for more.`,
  "meeting.recurrence": () => "Choose how the meeting repeats from the list.",
  "meeting.ordinal": () => "Choose first, second, third, fourth, fifth or last.",
  "meeting.ordinal_mismatch": ({ startsAt, zone, wanted, actual, isLast }) => {
    const local = DateTime.fromJSDate(startsAt, { zone }).setLocale("en-GB");
    const actualWord = ORDINAL_WORDS[actual];
    const choices = isLast ? `“${actualWord}” or “${ORDINAL_WORDS[-1]}”,` : `“${actualWord}”`;
    return `${local.toFormat("cccc d LLLL")} is the ${actualWord} ${local.toFormat("cccc")} of its month, not the ${ORDINAL_WORDS[wanted]}. Choose ${choices} or change the start.`;
  },
  "meeting.recurrence_needs_following": () => "To change how the meetings repeat, choose “This and all following meetings” above.",

  "problem.gone": () => "That problem no longer exists.",
  "problem.community_gone": () => "That problem's community no longer exists.",
  "problem.cannot_move": ({ title, status, to }) => `*${esc(title)}* is ${STATUS_NOUNS[status]}, so it cannot be ${STATUS_PAST[to]} now.`,
  "problem.changed_meanwhile": () =>
    "Someone changed this problem at the same moment. Look at it again, and try again if you still need to.",
  "problem.changed_meanwhile_look_again": () => "Someone changed this problem at the same moment. Look at it again.",
  "problem.not_objective": ({ title }) => `*${esc(title)}* is not an objective any more.`,
  "problem.owner_from_list": () => "Choose the owner from the list.",
  "problem.owner_not_member": ({ community }) => `The owner must be a member of ${community}. Ask them to join first, or pick a member.`,
  "problem.target_date": () => "Pick a date from the calendar.",
  "problem.progress": () => "Choose open, in progress or done.",
  "problem.duplicate_of_missing": () => "Choose the problem this one repeats.",
  "problem.duplicate_of_other": () => "Choose another problem of the same community.",
  "problem.duplicate_of_duplicate": () => "That one is a duplicate itself: choose the problem it repeats.",
  "problem.already_closed": ({ title, status }) => `*${esc(title)}* is ${STATUS_NOUNS[status]} already.`,
  "problem.closed_no_votes": ({ title, status }) =>
    `*${esc(title)}* is closed (${status === "solved" ? "solved" : "a duplicate"}), so it takes no more votes.`,
  "problem.author_only": () => "Only the person who logged a problem can change its title or description. Nothing was changed.",
  "problem.join_to_vote": ({ community }) => `Join *${esc(community)}* to say this problem affects you too.`,
  "problem.title_missing": () => "Give the problem a short title, for example People register with HMRC and Companies House separately.",
  "problem.title_too_long": ({ max, length }) =>
    `Keep the title to ${max} characters (it has ${length}). Put the detail in the description.`,
  "problem.description_too_long": ({ max, length }) => `Keep the description to ${max} characters (it has ${length}).`,
  "problem.affects_unknown": () => "Pick organisations from the list. Type a few letters, for example HMRC or DWP.",
  "problem.affects_too_many": ({ max }) => `Pick at most ${max} organisations.`,
} satisfies Partial<ReasonTexts>;
