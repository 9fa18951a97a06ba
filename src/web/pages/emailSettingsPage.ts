// /email/<token>: a member's email settings for one community. A member by
// email ticks the emails they get (meeting invitations, reminders, digests); a
// Slack member (whose link came in an email they chose) chooses Slack, email or
// both for each, as in Slack's "Your messages". /email/<token>/unsubscribe is
// the one-click unsubscribe of RFC 8058: every bulk email's List-Unsubscribe
// header points at it, and a mail client POSTs "List-Unsubscribe=One-Click" to
// it with no page and no form token (the link is its own secret). A GET of it (a
// person clicking the visible link) shows a page with one button, since a GET
// must change nothing: mail scanners open links.
import { ValidationError } from "../../domain/common/errors";
import type { FieldErrors } from "../../domain/common/reasons";
import { DELIVERIES, MESSAGE_KINDS, type MessageKind } from "../../domain/members/messagePreferences";
import { isEmailPerson } from "../../domain/members/people";
import type { EmailChoices } from "../../domain/ports";
import { messageWords } from "../../i18n";
import type { Services } from "../../services";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { page, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { bindToLink, openLink } from "./openLink";
import { pageErrors } from "./profileForm";

/** A member by email's checkboxes: one a kind of email. */
const EMAIL_FIELDS: Record<MessageKind, keyof EmailChoices> = {
  meetings: "emailMeetings",
  reminders: "emailReminders",
  digests: "emailDigests",
};

async function settingsPage(services: Services, request: PageRequest, errors: FieldErrors = {}): Promise<WebResult> {
  const opened = openLink(services, "email-settings", request.params.token, request.now);
  if (!opened.ok) return opened.result;
  const { community, membership } = await services.memberships.emailSettings(opened.link.target, opened.link.person);
  const slack = !isEmailPerson(membership.slackUserId);
  const { choices } = await services.messageChoices.of(community, membership.slackUserId).catch(() => ({ choices: null }));
  const posted = Object.keys(errors).length ? request.form : null;
  return page("email-settings.njk", {
    pageTitle: slack ? `How you get messages from ${community.name}` : `Your emails from ${community.name}`,
    hasErrors: Object.keys(errors).length > 0,
    errors: pageErrors(errors, MESSAGE_KINDS),
    community,
    slack,
    email: membership.email,
    saved: request.query.get("saved"),
    backInSlack: messageWords.unsubscribedSlack,
    // A member by email: checkboxes.
    items: MESSAGE_KINDS.map((kind) => ({
      value: EMAIL_FIELDS[kind],
      text: messageWords.kinds[kind].label,
      hint: { text: messageWords.kinds[kind].emailHint },
      checked: membership[EMAIL_FIELDS[kind]],
    })),
    // A Slack member: a question a kind, answered as in Slack.
    questions: MESSAGE_KINDS.map((kind) => ({
      name: kind,
      legend: messageWords.kinds[kind].label,
      hint: messageWords.kinds[kind].hint,
      items: DELIVERIES[kind].map((delivery) => ({
        value: delivery,
        text: messageWords.deliveries[kind][delivery],
        checked: (posted?.get(kind) ?? choices?.[kind]) === delivery,
      })),
    })),
    unsubscribeUrl: `/email/${request.params.token}/unsubscribe`,
    csrfToken: request.csrfToken(),
  });
}

export function emailSettingsPageRoute(services: Services, kit: WebKit) {
  return pageRoute(kit, {
    path: "/email/:token",
    csrf: bindToLink,
    get: (request) => settingsPage(services, request),
    async post(request) {
      const opened = openLink(services, "email-settings", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      const { community } = await services.memberships.emailSettings(opened.link.target, opened.link.person);
      let input: Parameters<typeof services.messageChoices.chooseOnWeb>[2];
      if (isEmailPerson(opened.link.person)) {
        const chosen = new Set(request.form.getAll("emails"));
        input = {
          emails: Object.fromEntries(MESSAGE_KINDS.map((k) => [EMAIL_FIELDS[k], chosen.has(EMAIL_FIELDS[k])])) as unknown as EmailChoices,
        };
      } else {
        input = { deliveries: Object.fromEntries(MESSAGE_KINDS.map((k) => [k, request.form.get(k)])) };
      }
      try {
        const { membership } = await services.messageChoices.chooseOnWeb(community, opened.link.person, input);
        const anyEmail = membership.emailMeetings || membership.emailReminders || membership.emailDigests;
        return redirect(`/email/${request.params.token}?saved=${anyEmail ? "choices" : "none"}`);
      } catch (error) {
        if (error instanceof ValidationError) return settingsPage(services, request, error.fieldErrors);
        throw error;
      }
    },
  });
}

export function unsubscribeRoute(services: Services, kit: WebKit) {
  return pageRoute(kit, {
    path: "/email/:token/unsubscribe",
    // RFC 8058: mail clients post with no form token; the signed link is the secret, and unsubscribing is all it can do.
    csrf: false,
    async get(request) {
      const opened = openLink(services, "email-settings", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      const { community } = await services.memberships.emailSettings(opened.link.target, opened.link.person);
      return page("unsubscribe.njk", {
        pageTitle: `Unsubscribe from ${community.name}`,
        community,
        settingsUrl: `/email/${request.params.token}`,
      });
    },
    async post(request) {
      const opened = openLink(services, "email-settings", request.params.token, request.now);
      if (!opened.ok) return opened.result;
      const { backInSlack } = await services.messageChoices.unsubscribe(opened.link.target, opened.link.person);
      // A mail client's one-click POST wants only a status; a person's button gets the settings page, saying so.
      if (request.form.get("List-Unsubscribe") === "One-Click") return { kind: "empty", status: 200 };
      return redirect(`/email/${request.params.token}?saved=${backInSlack ? "slack" : "none"}`);
    },
  });
}
