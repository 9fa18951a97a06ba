// The invitation DM, if sending it straight after the form did not work.
import * as kinds from "../../domain/outbox";
import { invitationDm as invitationMessage } from "../../views/invitations";
import { dueKind } from "./kind";

export const invitationDm = dueKind(kinds.invitationDm, {
  // The invitee is a person, not the community's channel: the inviter's summary says who was not reached.
  alertOrganisersAs: null,
  async build(row, { invitations }) {
    const invitation = await invitations.undeliveredPending(row.subjectId ?? "");
    if (!invitation) return { kind: "skip", reason: "delivered, or answered" };
    return { kind: "send", message: invitationMessage(await invitations.card(invitation)) };
  },
});
