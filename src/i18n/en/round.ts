// English: why something about the live-projects round or the delivery timeline was refused.
import { esc } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";

export const roundReasons = {
  "round.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can answer its live-projects round. Join it first with \`/community join\`.`,
  "round.closed": ({ title, why }) =>
    why === "started"
      ? `*${esc(title)}* has started, so its live-projects round is closed. Tell the community in its channel instead.`
      : why === "cancelled"
        ? `*${esc(title)}* was cancelled, so there is no live-projects round for it.`
        : why === "organisation"
          ? `You were asked about another organisation than the one on your profile now, so that question about *${esc(title)}* is closed.`
          : "That meeting no longer exists, so there is no live-projects round for it.",
  "round.no_round": ({ community }) =>
    `No organisation has told *${esc(community)}* about a change yet. The live-projects round asks each organisation before every meeting.`,
  "round.title": ({ min, max }) => `Say what it is in ${min} to ${max} characters, for example New online form for registering a company.`,
  "round.state": () => "Choose where it is: an idea, in policy clearance, agreed, in delivery or live.",
  "round.expected_on": () => "Pick a date in the next 10 years, or leave the date empty.",
  "round.unreadable": () =>
    "That button has expired. Wait for the next round, or type `/community updates` to see what organisations have told.",
  "updates.unknown_organisation": ({ typed, known }) =>
    known.length
      ? `No organisation called “${esc(typed)}” has told this community anything. Try one of: ${known.map(esc).join(", ")}.`
      : `No organisation called “${esc(typed)}” has told this community anything, and none has yet.`,
} satisfies Partial<ReasonTexts>;
