// The one-week nudge to an invitee, with the buttons again, unless they have answered.
import * as kinds from "../../domain/outbox";
import { invitationDm as invitationMessage } from "../../views/invitations";
import { dueKind } from "./kind";

export const invitationReminder = dueKind(kinds.invitationReminder, {
  // The invitee is a person, not the community's channel.
  alertOrganisersAs: null,
  async build(row, { invitations }) {
    const invitation = await invitations.stillPending(row.subjectId ?? "");
    if (!invitation) return { kind: "skip", reason: "the invitation was answered" };
    return { kind: "send", message: invitationMessage(await invitations.card(invitation), { reminder: true }) };
  },
});
