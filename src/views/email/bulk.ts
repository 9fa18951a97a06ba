// What every bulk email to a member carries, in one place so no email can
// forget part of it: the visible footer (why they got it, their email settings,
// Unsubscribe), the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369
// and RFC 8058's one-click: mail clients show their own Unsubscribe button and
// POST to the address with no page), and Reply-To. The footer's link and the
// headers' address are the same personal link (services.pageLinks.memberEmailLinks),
// so they cannot disagree.
//
//   const links = services.pageLinks.memberEmailLinks(personId, community.id, now);
//   const doc = digestEmail({ digest, pageUrl, links });      // its footer is memberFooter(…, links, …)
//   await services.mail.plan([memberEmailToSend({ community, to: { address: membership.email }, doc, links,
//     purpose: "digest", consent: "digests", dedupeKey: `digest:…:${personId}` })]);
//
// Invitations are not bulk email (one person, once, about joining), so they carry none of it.
import type { PlannedEmail } from "../../domain/mail/mail";
import type { CalendarPart, CommunityRecord } from "../../domain/ports";
import { webWords } from "../../i18n";
import { type EmailDocument, type EmailPart, renderEmail } from "./document";

/** The links every email to a member ends with: their email settings page, and one-click unsubscribe from it. */
export interface MemberLinks {
  settingsUrl: string;
  /** The settings link's own token under /unsubscribe: a GET shows one button, a POST unsubscribes (RFC 8058). */
  unsubscribeUrl: string;
}

/** The foot of every email to a member: why they got it, and their settings and unsubscribe links. */
export function memberFooter(community: Pick<CommunityRecord, "name">, links: MemberLinks, why: string): EmailPart {
  return {
    kind: "footer",
    text: `You are getting this email because ${why} ${community.name}.`,
    links: [
      { text: "Choose which emails you get", href: links.settingsUrl },
      { text: "Unsubscribe", href: links.unsubscribeUrl },
    ],
  };
}

/** RFC 2369's List-Unsubscribe with RFC 8058's one-click: only the https address, which takes the POST. */
export function unsubscribeHeaders(links: Pick<MemberLinks, "unsubscribeUrl">): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * Where a reply goes: the community's mailing list, when its charter gives the list's
 * address (stored as a mailto: link), so a member answering an email reaches the
 * community rather than the bot. Otherwise none, and replies go to MAIL_REPLY_TO or
 * MAIL_FROM (or Notify's reply-to address).
 */
export function communityReplyTo(community: Pick<CommunityRecord, "contactMethods">): string | undefined {
  const list = community.contactMethods.find((m) => m.kind === "mailing_list" && m.link?.toLowerCase().startsWith("mailto:"));
  return list?.link?.slice("mailto:".length) || undefined;
}

/** Whether the document ends with the member footer for these links (its visible unsubscribe link). */
function hasVisibleUnsubscribe(doc: EmailDocument, links: MemberLinks): boolean {
  return doc.parts.some((p) => p.kind === "footer" && p.links?.some((l) => l.href === links.unsubscribeUrl));
}

/** A bulk email to one member, as services.mail.plan and mail.rows take it. */
export function memberEmailToSend(input: {
  community: Pick<CommunityRecord, "id" | "name" | "contactMethods">;
  /** The member's address when it is to hand (a digest reads every membership at once), or their person id. */
  to: PlannedEmail["to"];
  /** Its footer must be memberFooter(…, links, …): a bulk email without a visible unsubscribe link is a bug. */
  doc: EmailDocument;
  links: MemberLinks;
  purpose: PlannedEmail["purpose"];
  /**
   * The setting it needs, checked again when it is sent. null only where it must go whatever the
   * member chose since: a meeting's cancellation to those sent its invitation, which takes out of
   * their calendar what an earlier email put in.
   */
  consent: NonNullable<PlannedEmail["consent"]> | null;
  dedupeKey: string;
  subjectId?: string;
  dueAt?: Date;
  calendar?: CalendarPart;
}): PlannedEmail {
  if (!hasVisibleUnsubscribe(input.doc, input.links)) {
    throw new Error(`a bulk email ("${input.doc.subject}") must end with memberFooter for its links`);
  }
  const replyTo = communityReplyTo(input.community);
  return {
    communityId: input.community.id,
    to: input.to,
    purpose: input.purpose,
    ...(input.consent ? { consent: input.consent } : {}),
    ...renderEmail(input.doc, webWords.serviceName),
    headers: unsubscribeHeaders(input.links),
    ...(replyTo ? { replyTo } : {}),
    ...(input.calendar ? { calendar: input.calendar } : {}),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    ...(input.dueAt ? { dueAt: input.dueAt } : {}),
    dedupeKey: input.dedupeKey,
  };
}
