// After 30 days unanswered the invitation expires (a conditional update, so an
// Accept at the same moment wins or loses cleanly), and the inviter hears so.
import * as kinds from "../../domain/outbox";
import { esc, md, userLink } from "../../views/mrkdwn";
import { communityOrNull, dueKind } from "./kind";

export const invitationExpiry = dueKind(kinds.invitationExpiry, {
  // The inviter is a person, not the community's channel.
  alertOrganisersAs: null,
  async build(row, services) {
    const invitation = await services.invitations.expire(row.subjectId ?? "");
    if (!invitation) return { kind: "skip", reason: "the invitation was answered" };
    const community = await communityOrNull(services, invitation.communityId);
    if (!community) return { kind: "skip", reason: "the community no longer exists" };
    return {
      kind: "send",
      message: {
        text: md`Your invitation to ${userLink(invitation.inviteeId)} to join *${esc(community.name)}* has expired: 30 days passed without an answer. If you still think they could help, invite them again (type \`/community invite\` and choose them), or get in touch another way.`,
      },
    };
  },
});
