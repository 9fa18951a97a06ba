// English: the live-projects round for someone asked outside Slack: its email (the
// question, and its reminder) and its web page (the form, and why it is closed).
// Plain text: the email views and the page's template escape it.
import type { RoundWords } from "../catalogue";

const people = (n: number) => (n === 1 ? "1 other person" : `${n} other people`);

export const roundWords: RoundWords = {
  // A group's round asks about the group's last meeting, so its members know which meeting the answer is for.
  question: (organisation, service, group) =>
    group
      ? `What has ${organisation} changed, planned or cleared since the last meeting of the ${group} that affects ${service}?`
      : `What has ${organisation} changed, planned or cleared since the last meeting that affects ${service}?`,
  subject: {
    ask: (meeting, group) => `Live projects before ${meeting}${group ? ` (${group})` : ""}`,
    reminder: (meeting, group) => `Reminder: live projects before ${meeting}${group ? ` (${group})` : ""}`,
  },
  intro: (community, meeting, group) =>
    group
      ? `Before ${meeting}, the ${group} of ${community} asks each of its organisations about their live projects.`
      : `Before ${meeting}, ${community} asks each of its organisations about their live projects.`,
  reminderIntro: (organisation) => `This is a reminder: nobody has answered for ${organisation} yet.`,
  examples:
    "For example, a policy in clearance, a form that is changing or a service going live. If nothing has changed, say so: that is useful to know too.",
  shared: (time, day, group) =>
    `The answers are shared with the ${group ?? "community"} at ${time} on ${day}, and kept in the community's delivery timeline.`,
  askedWith: (others, organisation) =>
    `${people(others)} at ${organisation} ${others === 1 ? "was" : "were"} asked too: one answer for ${organisation} is enough.`,
  toldHeading: (organisation) => `What ${organisation} has told so far`,
  nothingNew: (organisation) => `${organisation} has nothing new this time. Thank you.`,
  notYet: (organisation) => `Nobody has answered for ${organisation} yet.`,
  told: (title, state) => `${title}: ${state}`,
  stages: (titles) => `Stages: ${titles}`,
  more: (count) => `And ${count} more`,
  answerLink: (told) => (told ? "Tell us about another change" : "Tell us about a change, or say there is nothing new"),
  linkUntil: (time, day) => `The link is yours alone. It works until the meeting starts at ${time} on ${day}.`,
  why: "you were asked about your organisation's live projects before a meeting of",
  page: {
    caption: (community, meeting) => `${community}: before ${meeting}`,
    formHeading: (told) => (told ? "Tell us about another change" : "Tell us about a change"),
    fields: {
      title: { label: "What is it?", hint: "For example, new online form for registering a company" },
      earlier: { label: "Is it something you told us about before?", hint: "Choose it, and its history shows in one place." },
      stages: { label: "Which stages of the journey does it touch?", hint: "Select all that apply." },
      state: { label: "Where is it now?" },
      expectedOn: {
        label: "When is it expected?",
        hint: "The next step or going live, for example 30 10 2026. Leave it empty if you do not know yet.",
      },
    },
    earlierNone: "No, it is something new",
    send: "Send",
    nothingNewHeading: "Nothing new",
    nothingNewHint: (organisation, service) =>
      `If ${organisation} has changed, planned or cleared nothing that affects ${service} since the last meeting, tell us so.`,
    nothingNewButton: "Nothing new",
    saved: {
      change: (organisation) => `Thank you. Your change has been added to what ${organisation} has told.`,
      nothing: (organisation) => `Thank you. We have noted that ${organisation} has nothing new this time.`,
    },
    closed: (meeting, why, community) => {
      const title = "This live-projects round is closed";
      switch (why) {
        case "started":
          return {
            title,
            paragraphs: [
              `${meeting} has started, so its live-projects round takes no more answers.`,
              "Tell the community at the meeting instead. The next round asks again before the next meeting.",
            ],
          };
        case "cancelled":
          return { title, paragraphs: [`${meeting} was cancelled, so there is no live-projects round for it.`] };
        case "left":
          return { title, paragraphs: [`You are no longer a member of ${community}, so you cannot answer its live-projects round.`] };
        case "organisation":
          return {
            title,
            paragraphs: [
              `Your profile in ${community} now names another organisation than the one you were asked about.`,
              "The next round will ask you about your organisation as it is now.",
            ],
          };
        default:
          return { title, paragraphs: ["The meeting no longer exists, so there is no live-projects round for it."] };
      }
    },
  },
};
