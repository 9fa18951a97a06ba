// /action/<token>: an action's owner who takes part by email does what the two
// buttons of their DM do in Slack: marks it done, or moves its due date (its
// reminders move with it). Marking it done again changes nothing, and the
// meeting's thread in Slack is told once, as when the button is clicked.
import type { WebClient } from "@slack/web-api";
import { ValidationError } from "../../domain/common/errors";
import type { ActionInContext } from "../../domain/ports";
import { dates } from "../../i18n";
import { afterActionDone } from "../../messaging/actionMessages";
import type { Services } from "../../services";
import { dueText } from "../../views/outcomes";
import { type FormErrors, formErrors } from "../kit/formErrors";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { page, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { dateFromForm, dateItems } from "./dateInput";
import { bindToLink, openLink } from "./openLink";
import { pageErrors } from "./profileForm";

function actionPage(
  item: ActionInContext,
  request: PageRequest,
  errors: FormErrors = formErrors([]),
  typed: URLSearchParams = new URLSearchParams(),
): WebResult {
  const { action, meeting, community } = item;
  return page("action.njk", {
    pageTitle: action.title,
    hasErrors: errors.hasErrors,
    errors,
    action,
    due: dueText(action.dueOn),
    meeting: { title: meeting.title, held: dates.longDate(meeting.startsAt, meeting.timezone) },
    community,
    doneOn: action.doneAt ? dates.longDate(action.doneAt, community.timezone) : null,
    saved: request.query.get("saved"),
    dateItems: dateItems("dueOn", typed, action.dueOn, errors.hasErrors),
    csrfToken: request.csrfToken(),
  });
}

export function actionPageRoute(services: Services, kit: WebKit, slack: WebClient) {
  return pageRoute(kit, {
    path: "/action/:token",
    csrf: bindToLink,
    async get(request) {
      const opened = openLink(services, "manage-action", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      return actionPage(await services.actions.inWorkspace(null, opened.link.target), request);
    },
    async post(request) {
      const opened = openLink(services, "manage-action", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      const { person, target } = opened.link;
      const item = await services.actions.inWorkspace(null, target);
      // Done twice (a second tab, the back button): it is done, so say so rather than fail.
      if (item.action.status === "done") return redirect(`/action/${request.params.token}?saved=done`);
      if (request.form.get("do") === "done") {
        const done = await services.actions.complete(null, target, person);
        await afterActionDone(slack, services, done, person);
        return redirect(`/action/${request.params.token}?saved=done`);
      }
      try {
        await services.actions.changeDate(null, target, person, dateFromForm(request.form, "dueOn"));
        return redirect(`/action/${request.params.token}?saved=date`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // Every box of the date input is the field: the summary links to the first.
        const errors = pageErrors({ "dueOn-day": error.fieldErrors.dueOn! }, ["dueOn-day"]);
        return actionPage(item, request, errors, request.form);
      }
    },
  });
}
