// /email/<token>: a member's email settings for one community: which emails
// they get (meeting invitations, reminders, digests), and unsubscribing from
// all of them. /email/<token>/unsubscribe is the one-click unsubscribe of
// RFC 8058: every email's List-Unsubscribe header points at it, and a mail
// client POSTs "List-Unsubscribe=One-Click" to it with no page and no form
// token (the link is its own secret). A GET of it (a person clicking the
// visible link) shows a page with one button, since a GET must change nothing:
// mail scanners open links.
import type { EmailChoices } from "../../domain/ports";
import type { Services } from "../../services";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { page, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { bindToLink, openLink } from "./openLink";

const KINDS = [
  {
    field: "emailMeetings",
    text: "Meeting invitations and changes",
    hint: "With a calendar invitation, so the meeting goes in your calendar",
  },
  { field: "emailReminders", text: "Reminders before meetings" },
  {
    field: "emailDigests",
    text: "The digest",
    hint: "What changed in the community since the last one: new problems, meetings and members",
  },
] as const;

const NONE: EmailChoices = { emailMeetings: false, emailReminders: false, emailDigests: false };

async function settingsPage(services: Services, request: PageRequest): Promise<WebResult> {
  const opened = openLink(services, "email-settings", request.params.token, request.now);
  if (!opened.ok) return opened.result;
  const { community, membership } = await services.memberships.emailSettings(opened.link.target, opened.link.person);
  return page("email-settings.njk", {
    pageTitle: `Your emails from ${community.name}`,
    community,
    email: membership.email,
    saved: request.query.get("saved"),
    items: KINDS.map((k) => ({
      value: k.field,
      text: k.text,
      hint: "hint" in k ? { text: k.hint } : undefined,
      checked: membership[k.field],
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
      const chosen = new Set(request.form.getAll("emails"));
      const choices = Object.fromEntries(KINDS.map((k) => [k.field, chosen.has(k.field)])) as unknown as EmailChoices;
      await services.memberships.setEmailChoices(opened.link.target, opened.link.person, choices);
      return redirect(`/email/${request.params.token}?saved=${Object.values(choices).some(Boolean) ? "choices" : "none"}`);
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
      await services.memberships.setEmailChoices(opened.link.target, opened.link.person, NONE);
      // A mail client's one-click POST wants only a status; a person's button gets the settings page, saying so.
      if (request.form.get("List-Unsubscribe") === "One-Click") return { kind: "empty", status: 200 };
      return redirect(`/email/${request.params.token}?saved=none`);
    },
  });
}
