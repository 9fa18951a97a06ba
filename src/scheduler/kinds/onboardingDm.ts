// The welcome DM (the community's charter and a Join button), unless they
// joined the community, or it went, since it was planned.

import { onboardingObsolete } from "../../domain/members/onboarding";
import * as kinds from "../../domain/outbox";
import { onboardingDm as onboardingMessage } from "../../views/onboarding";
import { communityOrNull, dueKind } from "./kind";

export const onboardingDm = dueKind(kinds.onboardingDm, {
  // The newcomer is a bot or was deactivated: not the organisers' problem.
  alertOrganisersAs: null,
  async build(row, services) {
    const community = await communityOrNull(services, row.subjectId ?? "");
    const membership = community ? await services.memberships.membership(community.id, row.target) : null;
    const obsolete = onboardingObsolete(community, membership);
    if (obsolete || !community) return { kind: "skip", reason: obsolete ?? "the community no longer exists" };
    return { kind: "send", message: onboardingMessage(await services.communities.charter(community.id)) };
  },
});
