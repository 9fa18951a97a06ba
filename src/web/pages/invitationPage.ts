// /invitation/<token>: someone invited at their email address accepts or
// declines, without Slack. Accepting asks their name, organisation and
// profession (the same lists and rules as Slack's form) and makes them a member
// by email; the channel and the inviter hear of it as they would from Slack.
// The link works once: after an answer, it shows that it has been used.
import type { WebClient } from "@slack/web-api";
import { AppError, ValidationError } from "../../domain/common/errors";
import { INVITATION_EXPIRES_AFTER_MS } from "../../domain/invitations/invitations";
import { organisationLabel } from "../../domain/members/profiles";
import type { InvitationRecord } from "../../domain/ports";
import { dates } from "../../i18n";
import { afterInvitationAccepted } from "../../messaging/invitationAccepted";
import { afterInvitationDeclined } from "../../messaging/invitationDeclined";
import { welcomeNewMember } from "../../messaging/welcome";
import type { Services } from "../../services";
import { formErrors } from "../kit/formErrors";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { errorPage, page, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { bindToLink, openLink } from "./openLink";
import { pageErrors, profileChoices, profileFromForm } from "./profileForm";

const FIELDS = ["displayName", "organisation", "organisationOther", "profession", "professionOther"] as const;

/** The invitation the link is for, if it can still be answered; else the page that says why not. */
async function openInvitation(services: Services, request: PageRequest) {
  const opened = openLink(services, "accept-invitation", request.params.token, request.now);
  if (!opened.ok) return opened;
  const { person, target } = opened.link;
  try {
    const found = await services.invitations.toAnswer(null, target, person);
    return { ok: true as const, person, ...found };
  } catch (error) {
    // Answered, expired or closed: the link has done its work.
    if (error instanceof AppError && error.code === "gone") return { ok: false as const, result: errorPage("link_used") };
    throw error;
  }
}

async function invitationPage(services: Services, request: PageRequest, form: URLSearchParams, errors = formErrors([])) {
  const opened = await openInvitation(services, request);
  if (!opened.ok) return opened.result;
  const { invitation, community } = opened;
  const charter = await services.communities.charter(community.id);
  return page(
    "invitation.njk",
    {
      pageTitle: `Join ${community.name}`,
      hasErrors: errors.hasErrors,
      errors,
      community,
      purpose: charter.community.purpose,
      message: invitation.message,
      expires: dates.longDate(invitationExpiresAt(invitation), community.timezone),
      values: Object.fromEntries(FIELDS.map((f) => [f, form.get(f) ?? ""])),
      ...profileChoices(form),
      csrfToken: request.csrfToken(),
    },
    errors.hasErrors ? 400 : 200,
  );
}

function invitationExpiresAt(invitation: InvitationRecord): Date {
  return new Date(invitation.createdAt.getTime() + INVITATION_EXPIRES_AFTER_MS);
}

export function invitationPageRoute(services: Services, kit: WebKit, slack: WebClient) {
  return pageRoute(kit, {
    path: "/invitation/:token",
    csrf: bindToLink,
    get: (request) => invitationPage(services, request, new URLSearchParams()),
    async post(request): Promise<WebResult> {
      const opened = await openInvitation(services, request);
      if (!opened.ok) return opened.result;
      const { person, invitation: open } = opened;
      const target = open.id;
      if (request.form.get("answer") === "decline") {
        const { invitation, community } = await services.invitations.decline(null, target, person);
        await afterInvitationDeclined(slack, services, invitation, community);
        return redirect(`/invitation/${request.params.token}/declined`);
      }
      try {
        const { invitation, community, membership, alreadyMember } = await services.invitations.accept(null, target, person, {
          displayName: request.form.get("displayName"),
          ...profileFromForm(request.form),
        });
        if (!alreadyMember) await welcomeNewMember(slack, services.logger, community, membership, invitation.inviterId);
        await afterInvitationAccepted(slack, services, invitation, community, membership);
        return redirect(`/invitation/${request.params.token}/joined`);
      } catch (error) {
        if (error instanceof ValidationError) {
          return invitationPage(services, request, request.form, pageErrors(error.fieldErrors, FIELDS));
        }
        throw error;
      }
    },
  });
}

/**
 * /invitation/<token>/joined and /declined: where the answer lands (after a
 * redirect, so reloading sends nothing again). Shown only to the link's holder,
 * and only once the invitation has that answer.
 */
export function invitationAnsweredRoute(services: Services, kit: WebKit) {
  return pageRoute(kit, {
    path: "/invitation/:token/:answer",
    async get(request) {
      const answer = request.params.answer;
      if (answer !== "joined" && answer !== "declined") return errorPage("not_found");
      // An expired link still shows what it did: the answer was given while it worked.
      const check = services.personalLinks.check("accept-invitation", request.params.token ?? "", request.now);
      if (check.status === "invalid") return errorPage("link_invalid");
      const { person, target } = check.link;
      const invitation = await services.invitations.answeredBy(target, person);
      const wanted = answer === "joined" ? "accepted" : "declined";
      if (!invitation || invitation.status !== wanted) return errorPage("not_found");
      const community = await services.communities.byId(invitation.communityId);
      const membership = answer === "joined" ? await services.memberships.membership(community.id, person) : null;
      return page(`invitation-${answer}.njk`, {
        pageTitle: answer === "joined" ? `You have joined ${community.name}` : "You have declined the invitation",
        community,
        organisation: membership ? organisationLabel(membership) : "",
        emailSettings: membership ? services.pageLinks.emailSettings(person, community.id, request.now) : null,
      });
    },
  });
}
