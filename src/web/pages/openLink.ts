// Every personal-link page starts here: the token in its address is checked for
// the page's purpose before anything is read. A link that is not ours, was
// changed or was made for another page gets "This link does not work"; one past
// its time gets "This link has expired". Neither says more than that, so a
// guessed or tampered link learns nothing.
import type { Services } from "../../services";
import type { WebResult } from "../kit/results";
import { errorPage } from "../kit/results";
import type { LinkPurpose, PersonalLink } from "../personalLinks";

export type Opened = { ok: true; link: PersonalLink } | { ok: false; result: WebResult };

export function openLink(services: Services, purpose: LinkPurpose, token: string | undefined, now: Date): Opened {
  const check = services.personalLinks.check(purpose, token ?? "", now);
  if (check.status === "ok") return { ok: true, link: check.link };
  return { ok: false, result: errorPage(check.status === "expired" ? "link_expired" : "link_invalid") };
}

/** The token of the page's own address, which its form tokens are bound to: only the link's holder has it. */
export const bindToLink = (request: { params: Readonly<Record<string, string>> }): string => request.params.token ?? "";
