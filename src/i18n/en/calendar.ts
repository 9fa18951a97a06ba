// English: the words in a meeting's calendar file, and what its link answers
// when there is no file to give. Plain text: a calendar app shows it as it is.
import type { CalendarWords } from "../catalogue";

export const calendar: CalendarWords = {
  description: ({ agenda, videoLink, community }) =>
    [agenda, videoLink ? `Join the call: ${videoLink}` : "", `A meeting of ${community}, a service community.`]
      .filter(Boolean)
      .join("\n\n"),
  organiser: (community) => `${community}, Service Communities`,
  notFound: "There is no calendar file at this link. Use the Add to calendar button on the meeting in Slack.",
  meetingGone: "That meeting no longer exists.",
  failed: "Something went wrong, so there is no calendar file. Try again in a moment.",
};
