// What the bot says by email: invitations and digests, as EmailDocuments
// (document.ts renders them; meetings and their reminders are in meetingMail.ts).
// Each carries the same facts as its Slack message, with links to the web pages
// where Slack has buttons, and every email to a member ends with why they got it,
// their email settings and an unsubscribe link (bulk.ts).
import type { Digest } from "../../domain/digests/digests";
import { DIGEST_SECTION_ITEMS } from "../../domain/digests/digests";
import { INVITATION_EXPIRES_AFTER_MS } from "../../domain/invitations/invitations";
import type { PlannedEmail } from "../../domain/mail/mail";
import { organisationShortLabel } from "../../domain/members/profiles";
import type { CommunityRecord, InvitationRecord } from "../../domain/ports";
import { dates, labels, webWords } from "../../i18n";
import { SERVICE_COMMUNITIES_URL } from "../../i18n/en/prose";
import { digestLiveProjectParts } from "../digestLiveProjects";
import { digestOutcomeParts } from "../digestOutcomes";
import { meetingTimeText } from "../meetingCard";
import { type MemberLinks, memberFooter } from "./bulk";
import { type EmailDocument, type EmailPart, renderEmail } from "./document";

/** An invitation by email as services.mail.plan takes it: one a person, keyed by the invitation. */
export function invitationEmailToSend(community: CommunityRecord, invitation: InvitationRecord, answerUrl: string): PlannedEmail {
  const doc = invitationEmail({
    community,
    message: invitation.message,
    answerUrl,
    expiresAt: new Date(invitation.createdAt.getTime() + INVITATION_EXPIRES_AFTER_MS),
  });
  return {
    communityId: community.id,
    to: { address: invitation.email ?? "" },
    purpose: "invitation",
    ...renderEmail(doc, webWords.serviceName),
    subjectId: invitation.id,
    dedupeKey: `invitation:${invitation.id}`,
  };
}

/** The typed message as paragraphs: blank lines separate them, single line breaks stay. */
function paragraphs(text: string): EmailPart[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: "paragraph" as const, text: p }));
}

/**
 * An invitation to someone outside Slack: the inviter's own message (from the
 * GDS template for emailing prospective members), then how to answer, and how to
 * join in Slack instead for someone who is in the workspace.
 */
export function invitationEmail(input: { community: CommunityRecord; message: string; answerUrl: string; expiresAt: Date }): EmailDocument {
  const { community } = input;
  return {
    subject: `Invitation to join ${community.name}, a service community`,
    preheader: `You have been invited to join ${community.name}. Accept or decline by ${dates.longDate(input.expiresAt, community.timezone)}.`,
    parts: [
      ...paragraphs(input.message),
      { kind: "heading", text: "Accept or decline" },
      {
        kind: "paragraph",
        text: `Use this link to accept or decline. It works until ${dates.longDate(input.expiresAt, community.timezone)}.`,
      },
      { kind: "link", text: "Accept or decline the invitation", href: input.answerUrl },
      ...(community.slackChannelId
        ? [
            {
              kind: "paragraph" as const,
              text: `If you are in the community's Slack workspace, you can join there instead: type /community join ${community.name}.`,
            },
          ]
        : []),
      { kind: "link", text: "Read about service communities in the Service Manual", href: SERVICE_COMMUNITIES_URL },
      {
        kind: "footer",
        text: `You are getting this email because a member of ${community.name} invited you. If you do not answer, you will not be contacted again.`,
      },
    ],
  };
}

function more(shown: number, total: number): string[] {
  return total > shown ? [`and ${total - shown} more`] : [];
}

/** The digest: the same sections as in Slack, each left out when empty. */
export function digestEmail(input: { digest: Digest; pageUrl: string | null; links: MemberLinks }): EmailDocument {
  const { digest } = input;
  const { community } = digest;
  const parts: EmailPart[] = [
    {
      kind: "paragraph",
      text: `What is new in ${community.name} since ${dates.longDate(digest.since, community.timezone)}. ${labels.describeSchedule(community.digest, community.timezone)}`,
    },
  ];
  const section = (heading: string, items: string[]) => {
    if (items.length) parts.push({ kind: "heading", text: heading }, { kind: "list", items });
  };
  section("New problems", [
    ...digest.newProblems.items.map((p) => p.title),
    ...more(digest.newProblems.items.length, digest.newProblems.total),
  ]);
  section(
    "Most-voted open problems",
    digest.topProblems.map(
      (p) =>
        `${p.title}: ${p.votes} ${p.votes === 1 ? "vote" : "votes"} from ${p.organisations} ${p.organisations === 1 ? "organisation" : "organisations"}`,
    ),
  );
  const objectives = digest.objectives.slice(0, DIGEST_SECTION_ITEMS);
  section("Objectives", [...objectives.map((o) => o.title), ...more(objectives.length, digest.objectives.length)]);
  section("Upcoming meetings", [
    ...digest.meetings.items.map(
      ({ meeting, going, maybe }) => `${meeting.title}, ${meetingTimeText(meeting)}: ${going} going, ${maybe} maybe`,
    ),
    ...more(digest.meetings.items.length, digest.meetings.total),
  ]);
  section(
    "The journey: stages with new problems",
    digest.journey.withNewProblems.slice(0, DIGEST_SECTION_ITEMS).map((n) => `${n.number}. ${n.stage.title}: ${n.newProblems} new`),
  );
  section(
    "The journey: not yet represented",
    digest.journey.notRepresented
      .slice(0, DIGEST_SECTION_ITEMS)
      .map((n) => `${n.number}. ${n.stage.title}: ${n.notRepresented.join(", ")}`),
  );
  for (const part of digestOutcomeParts(digest)) section(part.heading, part.items);
  for (const part of digestLiveProjectParts(digest)) section(part.heading, part.items);
  section("Shared since last time", [
    ...digest.shared.items.map((f) => `${f.title}, from ${organisationShortLabel(f)}${f.link ? ` (${f.link})` : ""}`),
    ...more(digest.shared.items.length, digest.shared.total),
  ]);
  if (digest.newMembers.total) parts.push({ kind: "paragraph", text: `New members since the last digest: ${digest.newMembers.total}.` });
  if (input.pageUrl) parts.push({ kind: "link", text: `See everything on the ${community.name} page`, href: input.pageUrl });
  parts.push(memberFooter(community, input.links, "you get the digest of"));
  return {
    subject: `${community.name} digest: ${digest.newProblems.total} new ${digest.newProblems.total === 1 ? "problem" : "problems"}, ${digest.meetings.total} upcoming ${digest.meetings.total === 1 ? "meeting" : "meetings"}`,
    parts,
  };
}
