// A community's digest, posted in its channel: built from what happened since
// the last one, skipped when there is nothing new or it is 12 hours late (the
// next one is nearer). Once posted, each member who gets it in Slack gets it by
// DM (digestDm.ts, each DM built when it is sent), and each who gets it by email
// an email of the same digest (digestEmails.ts), planned with the DMs.

import type { Digest } from "../../domain/digests/digests";
import { DIGEST_USEFUL_FOR_MS } from "../../domain/digests/digests";
import * as kinds from "../../domain/outbox";
import type { CommunityRecord } from "../../domain/ports";
import { digestMessage } from "../../views/digest";
import type { Outcome } from "../dispatcher";
import { digestEmailRows } from "./digestEmails";
import { dueKind, type KindServices } from "./kind";

export const TOO_LATE = { afterMs: DIGEST_USEFUL_FOR_MS, reason: "too late: the next digest is nearer" };

/** The community a digest row is for, or null if it is gone. */
export async function digestCommunity(communityId: string | null, { communities }: KindServices): Promise<CommunityRecord | null> {
  try {
    return await communities.byId(communityId ?? "");
  } catch {
    return null;
  }
}

/** The digest for the period, or a skip when nothing is new. */
export async function builtDigest(
  community: CommunityRecord,
  since: string,
  { digests }: KindServices,
): Promise<Digest | { skip: string }> {
  const digest = await digests.build(community, new Date(since));
  return digest.empty ? { skip: "nothing new" } : digest;
}

/** The digest message for the period, or a skip when nothing is new. */
export async function digestOf(
  community: CommunityRecord,
  since: string,
  services: KindServices,
): Promise<Extract<Outcome, { kind: "send" | "skip" }>> {
  const digest = await builtDigest(community, since, services);
  if ("skip" in digest) return { kind: "skip", reason: digest.skip };
  return { kind: "send", message: digestMessage(digest) };
}

export const digest = dueKind(kinds.digest, {
  alertOrganisersAs: "the digest",
  tooLate: TOO_LATE,
  async build(row, services) {
    const community = await digestCommunity(row.subjectId, services);
    if (!community) return { kind: "skip", reason: "the community no longer exists" };
    const built = await builtDigest(community, row.payload.since, services);
    if ("skip" in built) return { kind: "skip", reason: built.skip };
    const subscribers = await services.digests.dmSubscribers(community.id);
    const dms = subscribers.map((user) =>
      kinds.digestDm.row({
        target: user,
        communityId: community.id,
        subjectId: community.id,
        payload: row.payload,
        dueAt: services.clock.now(),
        dedupeKey: `${row.dedupeKey}:dm:${user}`,
      }),
    );
    const then = [...dms, ...(await digestEmailRows(row.dedupeKey, built, services))];
    return { kind: "send", message: digestMessage(built), then };
  },
});
