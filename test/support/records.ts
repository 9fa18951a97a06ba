// Pieces of domain records that view and domain tests build by hand.

/** A Slack member's email fields: no address, no name of their own, no emails; meetings and reminders in Slack. */
export const NO_EMAIL = {
  email: null,
  displayName: null,
  emailMeetings: false,
  emailReminders: false,
  emailDigests: false,
  emailFailedAt: null,
  emailFailure: null,
  slackMeetings: true,
  slackReminders: true,
} as const;
