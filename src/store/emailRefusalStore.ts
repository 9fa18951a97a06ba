import type { EmailRefusalRecord, EmailRefusalStore } from "../domain/ports";
import { insertUnlessPresent } from "./errors";
import type { Db } from "./prismaClient";

export class PrismaEmailRefusalStore implements EmailRefusalStore {
  constructor(private readonly db: Db) {}

  async refuse(personId: string, address: string, reason: string, source: string, now: Date): Promise<boolean> {
    // Null when the address was refused already (here, or by another replica a moment ago).
    const created = await insertUnlessPresent(() => this.db.emailRefusal.create({ data: { personId, reason, source, createdAt: now } }));
    // Every membership with the address shows it, in every community (the same person, the same mailbox).
    await this.db.membership.updateMany({
      where: { email: address, emailFailedAt: null },
      data: { emailFailedAt: now, emailFailure: reason },
    });
    return created !== null;
  }

  find(personId: string): Promise<EmailRefusalRecord | null> {
    return this.db.emailRefusal.findUnique({ where: { personId } });
  }

  async lift(personId: string, address: string): Promise<boolean> {
    const [lifted, cleared] = await this.db.$transaction([
      this.db.emailRefusal.deleteMany({ where: { personId } }),
      this.db.membership.updateMany({ where: { email: address }, data: { emailFailedAt: null, emailFailure: null } }),
    ]);
    return lifted.count > 0 || cleared.count > 0;
  }
}
