import type { InvitationRecord, InvitationStatus, InvitationStore, NewInvitation } from "../domain/ports";
import { insertUnlessPresent } from "./errors";
import type { Db } from "./prismaClient";

type InvitationRow = Awaited<ReturnType<Db["invitation"]["findFirstOrThrow"]>>;

function toInvitationRecord(row: InvitationRow): InvitationRecord {
  const { pendingKey: _pendingKey, ...rest } = row;
  return { ...rest, status: row.status as InvitationStatus };
}

/** The key that allows one pending invitation a person and community. */
function pendingKey(communityId: string, inviteeId: string): string {
  return `${communityId}:${inviteeId}`;
}

export class PrismaInvitationStore implements InvitationStore {
  constructor(private readonly db: Db) {}

  async create(rows: NewInvitation[], now: Date): Promise<{ created: InvitationRecord[]; alreadyPending: string[] }> {
    const created: InvitationRecord[] = [];
    const alreadyPending: string[] = [];
    // One insert a person, outside a transaction: a unique violation on one
    // (someone else invited them a moment ago) must not undo the others, and on
    // PostgreSQL it would abort a surrounding transaction.
    for (const row of rows) {
      const inserted = await insertUnlessPresent(() =>
        this.db.invitation.create({
          data: { ...row, status: "pending", pendingKey: pendingKey(row.communityId, row.inviteeId), createdAt: now },
        }),
      );
      if (inserted) created.push(toInvitationRecord(inserted));
      else alreadyPending.push(row.inviteeId);
    }
    return { created, alreadyPending };
  }

  async findById(invitationId: string): Promise<InvitationRecord | null> {
    const row = await this.db.invitation.findUnique({ where: { id: invitationId } });
    return row ? toInvitationRecord(row) : null;
  }

  async pendingFor(communityId: string, inviteeId: string): Promise<InvitationRecord | null> {
    const row = await this.db.invitation.findUnique({ where: { pendingKey: pendingKey(communityId, inviteeId) } });
    return row ? toInvitationRecord(row) : null;
  }

  async byRequestId(requestId: string): Promise<InvitationRecord[]> {
    const rows = await this.db.invitation.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    return rows.map(toInvitationRecord);
  }

  async pendingInvitees(communityId: string, slackUserIds: string[]): Promise<string[]> {
    if (slackUserIds.length === 0) return [];
    const rows = await this.db.invitation.findMany({
      where: { pendingKey: { in: slackUserIds.map((id) => pendingKey(communityId, id)) } },
      select: { inviteeId: true },
    });
    return rows.map((r) => r.inviteeId);
  }

  async setDm(invitationId: string, channelId: string, ts: string): Promise<void> {
    await this.db.invitation.update({ where: { id: invitationId }, data: { dmChannelId: channelId, dmTs: ts } });
  }

  async settle(invitationId: string, to: Exclude<InvitationStatus, "pending">, now: Date): Promise<boolean> {
    // Conditional on still being pending: an accept and an expiry at the same moment cannot both win.
    const { count } = await this.db.invitation.updateMany({
      where: { id: invitationId, status: "pending" },
      data: { status: to, pendingKey: null, respondedAt: now },
    });
    return count === 1;
  }
}
