// The digest by email: one email for each member who gets it by email (members
// by email, and Slack members who chose email), written when the digest is
// posted in the channel, with the same sections as the channel's (as HTML with a
// plain-text part), the community's web page, and the member's own settings and
// unsubscribe links (memberEmailToSend). Planned as the digest row's `then`, so
// they are planned once however often the digest is retried; each is checked
// again when it is sent (the address refusing mail, the member turning the digest
// off or leaving).
import type { Digest } from "../../domain/digests/digests";
import type { NewOutboxRow } from "../../domain/ports";
import { memberEmailToSend } from "../../views/email/bulk";
import { digestEmail } from "../../views/email/emails";
import type { KindServices } from "./kind";

export async function digestEmailRows(digestKey: string, digest: Digest, services: KindServices): Promise<NewOutboxRow[]> {
  const { community } = digest;
  const recipients = await services.messageChoices.emailRecipients(community.id, "digests");
  if (!recipients.length) return [];
  const now = services.clock.now();
  const pageUrl = services.communityPageLinks.url(community);
  return services.mail.rows(
    recipients.map((member) => {
      const links = services.pageLinks.memberEmailLinks(member.slackUserId, community.id, now);
      return memberEmailToSend({
        community,
        to: { address: member.email! },
        doc: digestEmail({ digest, pageUrl, links }),
        links,
        purpose: "digest",
        consent: "digests",
        subjectId: community.id,
        dedupeKey: `${digestKey}:${member.slackUserId}`,
      });
    }),
  );
}
