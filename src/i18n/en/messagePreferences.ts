// English: how a member chooses to get each kind of message (Slack, email or
// both), in the same words in Slack's form, on the email settings page and in
// the confirmations, so a choice made in one place reads the same in the others.
import type { MessagePreferenceWords } from "../catalogue";

export const messagePreferenceWords: MessagePreferenceWords = {
  kinds: {
    meetings: {
      label: "Meeting invitations and changes",
      hint: "By email, each comes with a calendar invitation. Meetings are announced in the channel whatever you choose.",
      emailHint: "With a calendar invitation, so the meeting goes in your calendar",
    },
    reminders: {
      label: "Reminders before meetings",
      hint: "Sent before each meeting you are going to, or might go to.",
      emailHint: "Before each meeting you are going to, or might go to",
    },
    digests: {
      label: "The digest",
      hint: "What changed since the last one: new problems, meetings and members. It is posted in the channel whatever you choose.",
      emailHint: "What changed in the community since the last one: new problems, meetings and members",
    },
  },
  deliveries: {
    meetings: { slack: "In Slack", email: "By email", both: "In Slack and by email", none: "Not at all" },
    reminders: { slack: "In Slack", email: "By email", both: "In Slack and by email", none: "Not at all" },
    digests: {
      none: "Only in the channel",
      slack: "Also in a direct message",
      email: "Also by email",
      both: "Also in a direct message and by email",
    },
  },
  /** How a saved choice reads in a list ("The digest: also by email"). */
  chosen: (label, delivery) => `${label}: ${delivery.charAt(0).toLowerCase()}${delivery.slice(1)}`,
  address: (address) =>
    `We email you at ${address}, the address on your Slack profile. To use a different address, change it on your Slack profile, then choose again here.`,
  noAddress: "Slack has not given us an email address for you, so you can get messages in Slack only.",
  refused: (address, reason, community) =>
    `Emails to ${address} cannot be delivered: ${reason}. Until an organiser of ${community} says it is fixed, you get in Slack what you chose to get by email.`,
  onlyYou: (community) => `How you get messages from ${community}. Only you can see this.`,
  alsoByEmail: "You can also change this from the link at the foot of any email we send you.",
  saved: (community) => `You have saved how you get messages from ${community}.`,
  unsubscribedSlack: "You will get meeting invitations, changes and reminders in Slack instead.",
};
