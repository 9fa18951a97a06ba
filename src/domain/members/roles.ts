// Who organises a community and who belongs to it, as its organisers decide:
// making a member an organiser, stepping down, removing a member. Every change
// is checked and written under the community's lock (MembershipStore.promote,
// stepDown, remove), so two organisers acting at once can never leave a
// community with no organiser.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import type { CommunityDirectory } from "../communities/directory";
import type { CommunityRecord, Store } from "../ports";
import { organiserIds, organisersOnly, requireOrganiser } from "./organisers";

/** How many people one command may name: each is a transaction, an audit row and a DM. */
export const MAX_PEOPLE_AT_ONCE = 20;

/**
 * "forbidden": the actor stopped being an organiser while the command ran
 * (they stepped down, or another organiser removed them), so nothing changed
 * for this person.
 */
export type PromotionOutcome = "promoted" | "already_organiser" | "not_member" | "forbidden";
/** "self": organisers leave (or step down); they do not remove themselves. */
export type RemovalOutcome = "removed" | "self" | "not_member" | "last_organiser" | "forbidden";

export interface PersonOutcome<O> {
  userId: string;
  outcome: O;
}

export class RoleService {
  constructor(private readonly deps: { store: Store; clock: Clock; directory: CommunityDirectory }) {}

  /** Makes each named active member an organiser; one outcome a person, in the order named. */
  async makeOrganisers(community: CommunityRecord, actorId: string, targetIds: string[]): Promise<Array<PersonOutcome<PromotionOutcome>>> {
    checkHowMany(targetIds);
    await requireOrganiser(this.deps.store, community, actorId, "promote");
    const outcomes: Array<PersonOutcome<PromotionOutcome>> = [];
    for (const userId of targetIds) {
      const now = this.deps.clock.now();
      const outcome = await this.deps.store.memberships.promote(community.id, actorId, userId, now);
      if (outcome === "promoted") await this.changed(community, actorId, userId, "member.promoted", now);
      outcomes.push({ userId, outcome });
    }
    return outcomes;
  }

  /** The actor goes back to being a member; returns who organises the community now. */
  async stepDown(community: CommunityRecord, actorId: string): Promise<{ organisers: string[] }> {
    await requireOrganiser(this.deps.store, community, actorId, "step_down");
    const now = this.deps.clock.now();
    const outcome = await this.deps.store.memberships.stepDown(community.id, actorId, now);
    if (outcome === "not_organiser") throw organisersOnly(community, "step_down");
    if (outcome === "last_organiser") {
      throw new AppError("last_organiser", { key: "member.last_organiser_step_down", community: community.name });
    }
    await this.changed(community, actorId, actorId, "member.stepped_down", now);
    return { organisers: await organiserIds(this.deps.store, community.id) };
  }

  /** Removes each named active member; one outcome a person, in the order named. */
  async remove(community: CommunityRecord, actorId: string, targetIds: string[]): Promise<Array<PersonOutcome<RemovalOutcome>>> {
    checkHowMany(targetIds);
    await requireOrganiser(this.deps.store, community, actorId, "remove");
    const outcomes: Array<PersonOutcome<RemovalOutcome>> = [];
    for (const userId of targetIds) {
      if (userId === actorId) {
        outcomes.push({ userId, outcome: "self" });
        continue;
      }
      const now = this.deps.clock.now();
      const outcome = await this.deps.store.memberships.remove(community.id, actorId, userId, now);
      if (outcome === "removed") await this.changed(community, actorId, userId, "member.removed", now);
      outcomes.push({ userId, outcome });
    }
    return outcomes;
  }

  private async changed(community: CommunityRecord, actorId: string, targetId: string, action: string, at: Date): Promise<void> {
    // Their memberships (and the member counts of the list) are cached per process.
    this.deps.directory.invalidate(community.workspaceId, targetId);
    await recordAudit(this.deps.store, community, actorId, action, at, { target: targetId });
  }
}

function checkHowMany(targetIds: string[]): void {
  if (targetIds.length > MAX_PEOPLE_AT_ONCE) {
    throw new AppError("invalid_input", { key: "member.too_many_named", max: MAX_PEOPLE_AT_ONCE });
  }
}
