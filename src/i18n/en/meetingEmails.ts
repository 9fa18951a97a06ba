// English: the meeting emails (an invitation, a change, a cancellation, a
// reminder). Plain text: the email views escape it for HTML.
import type { MeetingEmailWords } from "../catalogue";

export const meetingEmails: MeetingEmailWords = {
  subject: {
    invitation: (title, when) => `Invitation: ${title}, ${when}`,
    update: (title, when) => `Changed: ${title}, ${when}`,
    cancellation: (title, when) => `Cancelled: ${title}, ${when}`,
    reminder: (title, when) => `Reminder: ${title}, ${when}`,
  },
  invitationIntro: (community, title) => `${community} has a meeting: ${title}.`,
  updateIntro: (community, title) => `${title}, a meeting of ${community}, has changed. These are its details now.`,
  cancellationIntro: (title, when) => `${title} on ${when} has been cancelled.`,
  reminderIntro: (community, title, left, answer) =>
    `${title}, a meeting of ${community}, is ${left}. ${answer ? `You said: ${answer}.` : "You have not said whether you are going."}`,
  when: (text) => `When: ${text}`,
  where: (place) => `Where: ${place}`,
  joinCall: "Join the video call",
  agendaHeading: "Agenda",
  answerHeading: "Are you going?",
  answerLink: (answered) => (answered ? "Change your answer" : "Say whether you are going"),
  calendarLink: "Add it to your calendar",
  attachedInvitation:
    "The calendar invitation is attached. Answering it in your calendar changes only your calendar: to tell the organisers, use the link above.",
  attachedUpdate:
    "The calendar update is attached. If the meeting is in your calendar, it moves it there. Answering it in your calendar changes only your calendar: to tell the organisers, use the link above.",
  attachedCancellation: "The calendar cancellation is attached. If the meeting is in your calendar, it removes it there.",
  removeByHand: "If you added it to your calendar, delete it there.",
  why: {
    meetings: "you get meeting emails from",
    reminders: "you get meeting reminders from",
    invited: "you were sent the invitation to this meeting of",
  },
};
