// Turns what the domain and the Slack edge say as data (a reason: a key and its
// parameters) into words. English is the only language so far; a second one is
// a catalogue beside en/ and a choice made here.
import type { Reason } from "../domain/common/reasons";
import type { Catalogue } from "./catalogue";

export type { RoundClosedWhy } from "./catalogue";

import { en } from "./en";

export const catalogue: Catalogue = en;

/** The words for the domain's data (vocabularies, rules, schedules), for the views. */
export const labels = catalogue.labels;

/** The bot's ready-written texts (the prefilled invitation, the reach-out post). */
export const prose = catalogue.prose;

/** Dates and times as people read them: "Tuesday 9 December 2026, 10am to 11am UK time". */
export const dates = catalogue.dates;

/** The words in a meeting's calendar file. */
export const calendarWords = catalogue.calendar;

/** The words in the journey's exports (the step by step draft, the service landscape). */
export const exportWords = catalogue.exports;

/** The activities of step 6, in words. */
export const activityWords = catalogue.activities;

/** The web pages' words outside their templates (error pages, the error summary). */
export const webWords = catalogue.web;

/** The personal-link pages' field errors and answers. */
export const webFormWords = catalogue.webForms;

/** The words of the meeting emails (invitations, changes, cancellations, reminders). */
export const meetingEmailWords = catalogue.meetingEmails;

/** How members choose to get each kind of message (Slack, email or both). */
export const messageWords = catalogue.messagePreferences;

/** The sentence for a reason, as mrkdwn-ready text (typed values escaped). */
export function reasonText(reason: Reason): string {
  // Each key's entry takes exactly its own reason's parameters (see ReasonTexts); the union loses that pairing.
  const render = catalogue.reasons[reason.key] as (params: Reason) => string;
  return render(reason);
}

/** The words of the emails to an action's owner by email. */
export const actionEmailWords = catalogue.actionEmails;

/** The live-projects round by email and on its web page. */
export const roundWords = catalogue.round;

/** The digest's section on what organisations told the live-projects rounds. */
export const digestLiveProjectWords = catalogue.digestLiveProjects;
