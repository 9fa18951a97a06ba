// The organisers' DM about email that cannot be delivered (src/domain/outbox/emailAlert.ts):
// an address that refuses mail, or an email the provider refused. Written at send time
// from the community as it is now.
import * as kinds from "../../domain/outbox";
import { section } from "../../views/blocks";
import { emailRefusalsButton } from "../../views/emailRefusals";
import { esc, md } from "../../views/mrkdwn";
import type { Outcome } from "../dispatcher";
import { communityOrNull, dueKind } from "./kind";

export const emailAlert = dueKind(kinds.emailAlert, {
  // An alert that cannot be delivered does not beget another.
  alertOrganisersAs: null,
  async build(row, services): Promise<Outcome> {
    const community = row.communityId ? await communityOrNull(services, row.communityId) : null;
    if (!community) return { kind: "skip", reason: "the community no longer exists" };
    const { address, addressRefused, reason } = row.payload;
    if (addressRefused) {
      const text = md`:warning: Emails from *${esc(community.name)}* to ${esc(address)} cannot be delivered: ${esc(reason)}. This app will not email that address again until an organiser says it is fixed (Check email addresses, also under \`/community members\`). If they have another address, invite them again with it.`;
      return { kind: "send", message: { text, blocks: [section(text, emailRefusalsButton(community.id))] } };
    }
    const text = md`:warning: This app could not send an email from *${esc(community.name)}* to ${esc(address)}: ${esc(reason)}. It will not try that email again. This is the only message you will get about this problem.`;
    return { kind: "send", message: { text } };
  },
});
