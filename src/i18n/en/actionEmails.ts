// English: the emails to an action's owner who takes part by email (an owner
// in Slack gets the same as DMs). Plain text: the email views escape it for HTML.
import type { ActionEmailWords } from "../catalogue";

export const actionEmails: ActionEmailWords = {
  subject: {
    assigned: (title, due) => `Your action: ${title}, due ${due}`,
    before: (title, due) => `Reminder: ${title} is due on ${due}`,
    overdue: (title, due) => `Overdue: ${title} was due on ${due}`,
  },
  assignedIntro: (community, meeting, held) => `At ${meeting} on ${held}, ${community} agreed an action for you.`,
  beforeIntro: (due) => `Your action is due on ${due}.`,
  overdueIntro: (due) => `Your action was due on ${due}. It is on the agenda of the next meeting, so the community can help.`,
  action: (title) => `Action: ${title}`,
  due: (day) => `Due: ${day}`,
  about: (kind, title) => (kind === "stage" ? `Stage of the journey: ${title}` : `Problem: ${title}`),
  recordedBy: (name) => `Recorded by ${name}.`,
  remindedBefore: "You will get a reminder the working day before it is due.",
  manageLink: "Mark it as done or change its date",
  why: "you own an action agreed at a meeting of",
};
