import { type UniqueRule, UniqueViolation } from "../domain/ports";

const RULE_BY_FIELD: Record<string, UniqueRule> = {
  nameKey: "name",
  slug: "slug",
  slackChannelId: "channel",
  createRequestId: "request",
  requestId: "request",
  occurrence: "occurrence",
};

/** Whether a write was refused by a unique key (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/**
 * Runs an insert that a unique key refuses when the row is there already
 * (another replica, or the same person's other click, wrote it a moment ago):
 * null then, for the caller to treat as "already done", rather than the error.
 */
export async function insertUnlessPresent<T>(insert: () => Promise<T>): Promise<T | null> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Turns Prisma's unique-constraint error (P2002) into the domain's UniqueViolation,
 * naming the rule broken. Driver adapters report the fields in different places
 * (meta.target, or the adapter's error cause), so we look in all of them.
 */
export function asUniqueViolation(error: unknown): UniqueViolation | null {
  if (!isUniqueViolation(error)) return null;
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const haystack = JSON.stringify([meta.target, meta.driverAdapterError, (error as Error).message]);
  // Composite keys name the workspace too; the other field says which rule.
  for (const [field, rule] of Object.entries(RULE_BY_FIELD)) {
    if (haystack.includes(field)) return new UniqueViolation(rule);
  }
  return new UniqueViolation("unknown");
}

export async function translateUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asUniqueViolation(error) ?? error;
  }
}

/**
 * Prisma's upsert is a read then a write, so two at once can both try to insert;
 * the loser gets P2002. Running it again then finds the winner's row.
 */
export async function upsertRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}
