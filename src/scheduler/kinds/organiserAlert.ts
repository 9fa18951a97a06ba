// Telling a community's organisers, one DM each, that Slack refused one of its
// messages for good, and why. The text is written when the refusal happens and
// sent as it is written.
import * as kinds from "../../domain/outbox";
import type { NewOutboxRow, OutboxRow } from "../../domain/ports";
import { refusalReason } from "../../messaging/slackErrors";
import { channelLink, esc, md, storedMrkdwn, userLink } from "../../views/mrkdwn";
import { dueKind, type KindServices } from "./kind";

export const organiserAlert = dueKind(kinds.organiserAlert, {
  // An alert that cannot be delivered does not beget another.
  alertOrganisersAs: null,
  // Kept in the row as mrkdwn when it was planned (organiserAlerts, below).
  build: async (row) => ({ kind: "send", message: { text: storedMrkdwn(row.payload.text) } }),
});

/** One alert row for each of the community's organisers, once per target and error (the dedupe key). */
export async function organiserAlerts(
  row: OutboxRow & { communityId: string },
  code: string,
  what: string,
  services: KindServices,
): Promise<NewOutboxRow[]> {
  const { communities, memberships, clock } = services;
  let community;
  try {
    community = await communities.byId(row.communityId);
  } catch {
    return [];
  }
  const where = row.target.startsWith("C") || row.target.startsWith("G") ? channelLink(row.target) : userLink(row.target);
  const text = md`:warning: This app could not deliver ${esc(what)} for *${esc(community.name)}* to ${where}: ${esc(refusalReason(code) ?? "Slack refused it")}. Slack's code for this is \`${esc(code)}\`. This app will not try to send that message again, and this is the only message you will get about it.`;
  const organisers = await memberships.organisers(community.id);
  return organisers.map((organiser) =>
    kinds.organiserAlert.row({
      target: organiser,
      communityId: community.id,
      subjectId: community.id,
      payload: { text },
      dueAt: clock.now(),
      dedupeKey: `alert:${community.id}:${row.target}:${code}:${organiser}`,
    }),
  );
}
