// English: the personal-link pages' field errors, in the GOV.UK design system's
// words for error messages ("Enter…", "Select…"), and the names of the answers.
import type { WebFormWords } from "../catalogue";

export const webFormWords: WebFormWords = {
  fieldErrors: {
    "invitation.name_missing": "Enter your name",
    "invitation.name_too_long": "Your name must be 80 characters or fewer",
    "profile.organisation_missing": "Select your organisation, or enter its name if it is not in the list",
    "profile.organisation_unknown": "Select your organisation from the list, or enter its name if it is not in the list",
    "profile.organisation_other_missing": "Enter the name of your organisation",
    "profile.profession_missing": "Select your profession, or enter it if it is not in the list",
    "profile.profession_unknown": "Select your profession from the list, or enter it if it is not in the list",
    "profile.profession_other_missing": "Enter your profession",
    "profile.other_too_long": "This must be 100 characters or fewer",
    "outcomes.action_due": "Enter the new due date as a real date, for example 27 3 2027",
    "action.due_passed": "The due date must be today or in the future",
    "action.due_too_far": "The due date must be within the next 3 years",
    "round.title": "Enter what it is, in 3 to 150 characters",
    "round.state": "Select where it is now",
    "round.expected_on": "Enter the date it is expected as a real date in the next 10 years, for example 30 10 2026, or leave it empty",
    "messages.choose": "Select how you want to get these",
    "messages.no_address": "To get these by email, choose email in Slack first, so we can use the address on your Slack profile",
    "messages.address_taken": "Another member of this community already gets email at the address on your Slack profile",
  },
  rsvpAnswers: { going: "Going", maybe: "Maybe", not_going: "Can't go" },
};
