// Organisers change their community's charter (step 5 of the guidance, agreeing
// what the community is for, changes as the community matures). Each change is
// recorded with who made it, when, and each field's old and new value, so the
// charter has a history anyone can read.
import { z } from "zod";
import type { Clock } from "../common/clock";
import { nameKey } from "../common/text";
import { CONTACT_METHODS, MEETING_CADENCES } from "../common/vocabulary";
import { requireOrganiser } from "../members/organisers";
import type { CommunityRecord, ContactMethodRecord, Store, WorkspaceKey } from "../ports";
import { UniqueViolation } from "../ports";
import { type CommunityService, nameTaken } from "./communities";
import type { CharterFields } from "./communityDraft";
import type { CommunityDirectory } from "./directory";

export type CharterField = keyof CharterFields;

/** The fields in the order the modal asks for them and the history lists them. */
export const CHARTER_FIELDS: readonly CharterField[] = ["name", "service", "purpose", "cadence", "contactMethods"];

/** One field's change: what it said before and what it says now. */
export type CharterChange = { [K in CharterField]: { field: K; from: CharterFields[K]; to: CharterFields[K] } }[CharterField];

/** One save of the edit charter form that changed something. */
export interface CharterRevision {
  actorId: string;
  at: Date;
  changes: CharterChange[];
}

export interface CharterHistory {
  community: CommunityRecord;
  /** Newest first. */
  revisions: CharterRevision[];
  /** How many revisions there are in all (more than `revisions` holds when the history is long). */
  total: number;
}

export type CharterEdit =
  /** `before` is the community as it was, for the announcement and the channel's topic. */
  | { kind: "changed"; community: CommunityRecord; before: CommunityRecord; changes: CharterChange[] }
  /** The form was saved as it was: nothing is recorded or announced. */
  | { kind: "unchanged"; community: CommunityRecord };

/** How many revisions the history shows: each is a few lines, so this keeps the message well inside Slack's limits. */
export const CHARTER_HISTORY_SHOWN = 15;

const AUDIT_ACTION = "community.charter_changed";

export function charterFieldsOf(community: CommunityRecord): CharterFields {
  return {
    name: community.name,
    service: community.service,
    purpose: community.purpose,
    cadence: community.meetingCadence,
    contactMethods: community.contactMethods.map((m) => ({ kind: m.kind, link: m.link })),
  };
}

/** The fields that differ, in CHARTER_FIELDS order. */
export function charterChanges(before: CharterFields, after: CharterFields): CharterChange[] {
  const changes: CharterChange[] = [];
  for (const field of CHARTER_FIELDS) {
    if (field === "contactMethods") {
      if (!sameContactMethods(before.contactMethods, after.contactMethods)) {
        changes.push({ field, from: before.contactMethods, to: after.contactMethods });
      }
    } else if (before[field] !== after[field]) {
      changes.push({ field, from: before[field], to: after[field] } as CharterChange);
    }
  }
  return changes;
}

function sameContactMethods(a: ContactMethodRecord[], b: ContactMethodRecord[]): boolean {
  return a.length === b.length && a.every((m, i) => m.kind === b[i].kind && m.link === b[i].link);
}

// The audit detail is read back from the database: parsed, so a row written by
// an older version (or edited by hand) is left out rather than shown wrongly.
const contactMethods = z.array(z.object({ kind: z.enum(CONTACT_METHODS), link: z.string().nullable() }));
const cadence = z.enum(MEETING_CADENCES);
const change = z.discriminatedUnion("field", [
  z.object({ field: z.literal("name"), from: z.string(), to: z.string() }),
  z.object({ field: z.literal("service"), from: z.string(), to: z.string() }),
  z.object({ field: z.literal("purpose"), from: z.string(), to: z.string() }),
  z.object({ field: z.literal("cadence"), from: cadence, to: cadence }),
  z.object({ field: z.literal("contactMethods"), from: contactMethods, to: contactMethods }),
]);
const revisionDetail = z.object({ changes: z.array(change).min(1) });

export class CharterService {
  constructor(private readonly deps: { store: Store; clock: Clock; directory: CommunityDirectory; communities: CommunityService }) {}

  /** The community, for the edit charter form: its organisers only. */
  async forEditing(workspace: WorkspaceKey, communityId: string, actorId: string): Promise<CommunityRecord> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    await requireOrganiser(this.deps.store, community, actorId, "edit_charter");
    return community;
  }

  /**
   * Saves the organiser's edit. A new name must be free in the workspace: the
   * check before the write gives the usual field error, and the unique key
   * catches a community created with the same name at the same moment.
   */
  async edit(workspace: WorkspaceKey, communityId: string, actorId: string, fields: CharterFields): Promise<CharterEdit> {
    const community = await this.forEditing(workspace, communityId, actorId);
    const changes = charterChanges(charterFieldsOf(community), fields);
    if (!changes.length) return { kind: "unchanged", community };
    const key = nameKey(fields.name);
    const clash = await this.deps.store.communities.findByNameKey(community.workspaceId, key);
    if (clash && clash.id !== community.id) throw nameTaken(clash.name);
    try {
      const updated = await this.deps.store.communities.updateCharter(
        community.id,
        {
          name: fields.name,
          nameKey: key,
          service: fields.service,
          purpose: fields.purpose,
          meetingCadence: fields.cadence,
          contactMethods: fields.contactMethods,
        },
        {
          workspaceId: community.workspaceId,
          communityId: community.id,
          actorId,
          action: AUDIT_ACTION,
          detail: { changes },
          at: this.deps.clock.now(),
        },
      );
      // The list's snapshot shows the new name at once on this replica.
      this.deps.directory.invalidate(community.workspaceId);
      return { kind: "changed", community: updated, before: community, changes };
    } catch (error) {
      if (error instanceof UniqueViolation && error.rule === "name") throw nameTaken(fields.name);
      throw error;
    }
  }

  /** The charter's changes, newest first. Anyone who can read the charter can read its history. */
  async history(workspace: WorkspaceKey, communityId: string): Promise<CharterHistory> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    const { items, total } = await this.deps.store.audit.history(community.id, [AUDIT_ACTION], CHARTER_HISTORY_SHOWN);
    const revisions: CharterRevision[] = [];
    for (const item of items) {
      const detail = revisionDetail.safeParse(item.detail);
      if (detail.success) revisions.push({ actorId: item.actorId, at: item.at, changes: detail.data.changes });
    }
    return { community, revisions, total };
  }
}
