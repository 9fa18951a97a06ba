// /meeting/<token>: a member answers a meeting without Slack: Going, Maybe or
// Can't go, with the meeting's details and its calendar file. Answering again
// replaces the answer, as the buttons in Slack do, and the meeting's card in
// the channel is redrawn with the new counts.
import type { WebClient } from "@slack/web-api";
import { AppError } from "../../domain/common/errors";
import type { MeetingCard } from "../../domain/meetings/meetings";
import { hasEnded } from "../../domain/meetings/occurrences";
import type { RsvpAnswer } from "../../domain/ports";
import { dates, webFormWords } from "../../i18n";
import type { Services } from "../../services";
import { formErrors } from "../kit/formErrors";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { errorPage, page, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { bindToLink, openLink } from "./openLink";

const RSVP_ANSWERS: readonly RsvpAnswer[] = ["going", "maybe", "not_going"];

function gone(title: string, paragraphs: string[]): WebResult {
  return errorPage({ status: 410, title, paragraphs });
}

/** A cancelled or past meeting takes no answers: the page says which, and what to do instead. */
function closedPage(card: MeetingCard, now: Date): WebResult | null {
  const { meeting, community } = card;
  if (meeting.status === "cancelled")
    return gone(`${meeting.title} was cancelled`, [`It takes no answers. Look out for the next meeting of ${community.name}.`]);
  if (hasEnded(meeting, now)) return gone(`${meeting.title} has already happened`, ["It takes no more answers."]);
  return null;
}

async function meetingPage(services: Services, request: PageRequest, error?: string): Promise<WebResult> {
  const opened = openLink(services, "answer-meeting", request.params.token, request.now);
  if (!opened.ok) return opened.result;
  const { person, target } = opened.link;
  const card = await services.meetings.card(target);
  const closed = closedPage(card, request.now);
  if (closed) return closed;
  const { meeting, community, tally } = card;
  const answer = await services.meetings.answerOf(meeting.id, person);
  const zone = community.timezone;
  const end = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  const errors = formErrors(error ? [{ field: "answer", message: error }] : []);
  return page(
    "meeting.njk",
    {
      pageTitle: meeting.title,
      hasErrors: errors.hasErrors,
      errors,
      meeting,
      community,
      when: dates.timeSpan(meeting.startsAt, end, zone),
      counts: tally,
      answer: answer ? webFormWords.rsvpAnswers[answer] : null,
      saved: request.query.get("saved") === "1" && answer ? webFormWords.rsvpAnswers[answer] : null,
      choices: RSVP_ANSWERS.map((value) => ({ value, text: webFormWords.rsvpAnswers[value], checked: value === answer })),
      calendarUrl: services.calendarLinks.url(meeting.id),
      csrfToken: request.csrfToken(),
    },
    errors.hasErrors ? 400 : 200,
  );
}

export function meetingPageRoute(services: Services, kit: WebKit, slack: WebClient) {
  return pageRoute(kit, {
    path: "/meeting/:token",
    csrf: bindToLink,
    get: (request) => meetingPage(services, request),
    async post(request) {
      const opened = openLink(services, "answer-meeting", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      const answer = request.form.get("answer") as RsvpAnswer | null;
      if (!answer || !RSVP_ANSWERS.includes(answer)) return meetingPage(services, request, "Select whether you are going");
      try {
        await services.meetings.answer(null, opened.link.target, opened.link.person, answer);
      } catch (error) {
        if (error instanceof AppError && error.code === "gone") {
          const closed = closedPage(await services.meetings.card(opened.link.target), request.now);
          if (closed) return closed;
        }
        throw error;
      }
      await services.meetingMessages.refresh(slack, opened.link.target);
      return redirect(`/meeting/${request.params.token}?saved=1`);
    },
  });
}
