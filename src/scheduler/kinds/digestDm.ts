// The digest by DM to one member who gets it in Slack, unless they have since
// stopped (chose email only, or left).
import * as kinds from "../../domain/outbox";
import { digestCommunity, digestOf, TOO_LATE } from "./digest";
import { dueKind } from "./kind";

export const digestDm = dueKind(kinds.digestDm, {
  alertOrganisersAs: "the digest by DM",
  tooLate: TOO_LATE,
  async build(row, services) {
    const community = await digestCommunity(row.subjectId, services);
    if (!community) return { kind: "skip", reason: "the community no longer exists" };
    if (!(await services.digests.getsDm(community, row.target))) return { kind: "skip", reason: "no longer wants the digest by DM" };
    return digestOf(community, row.payload.since, services);
  },
});
