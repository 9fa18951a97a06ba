// /problem/<token>: a member without Slack says a problem affects their
// organisation too (the vote), or takes that back. The vote is set, not
// toggled, so reloading or sending the form twice never undoes it; the
// problem's card in Slack is redrawn, and organisers are told when enough
// organisations are affected, exactly as a click in Slack does.
import type { WebClient } from "@slack/web-api";
import { organisationLabel } from "../../domain/members/profiles";
import { afterVote } from "../../messaging/problemMessages";
import { findOrganisation } from "../../reference/organisations";
import type { Services } from "../../services";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { errorPage, page, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { bindToLink, openLink } from "./openLink";

async function problemPage(services: Services, request: PageRequest): Promise<WebResult> {
  const opened = openLink(services, "vote-problem", request.params.token, request.now);
  if (!opened.ok) return opened.result;
  const { person, target } = opened.link;
  // The card says whose community it is; the membership is read after it
  // rather than beside it, so the card is built once a view.
  const { card, voted, open } = await services.problemVotes.voteState(target, person);
  const { problem, community, tally } = card;
  const membership = await services.memberships.membership(community.id, person);
  if (membership?.status !== "active")
    return errorPage({
      status: 403,
      title: "Only members can say a problem affects them",
      paragraphs: [`You are not a member of ${community.name}.`],
    });
  if (!open)
    return errorPage({
      status: 410,
      title: `${problem.title} is closed`,
      paragraphs: ["It has been solved or closed, so it takes no more votes."],
    });
  return page("problem.njk", {
    pageTitle: problem.title,
    problem,
    community,
    affects: problem.affects.map((id) => findOrganisation(id)?.name ?? id),
    tally,
    voted,
    saved: request.query.get("saved"),
    organisation: organisationLabel(membership),
    csrfToken: request.csrfToken(),
  });
}

export function problemPageRoute(services: Services, kit: WebKit, slack: WebClient) {
  return pageRoute(kit, {
    path: "/problem/:token",
    csrf: bindToLink,
    get: (request) => problemPage(services, request),
    async post(request) {
      const opened = openLink(services, "vote-problem", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      const on = request.form.get("vote") !== "off";
      const { card, suggestTo } = await services.problemVotes.setVote(opened.link.target, opened.link.person, on);
      await afterVote(slack, card, suggestTo, undefined, services.logger);
      return redirect(`/problem/${request.params.token}?saved=${on ? "on" : "off"}`);
    },
  });
}
