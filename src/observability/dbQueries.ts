// Times every Prisma operation (model queries, raw SQL, each statement of an
// interactive transaction) with a client extension, for createStore's
// `observe` option. Kept free of prom-client, like the Web API observer.
import type { Db } from "../store/prismaClient";

export interface DbQuery {
  /** The Prisma model (e.g. OutboxMessage), or "raw" for $queryRaw and friends. */
  model: string;
  /** The Prisma operation: findMany, updateMany, $queryRawUnsafe… */
  operation: string;
  /** Failed queries too (a unique-key clash the caller expects is still a round trip). */
  seconds: number;
}

export type DbQueryObserver = (query: DbQuery) => void;

/** A createStore `observe` function that reports each operation to `onQuery`. */
export function observeDbQueries(onQuery: DbQueryObserver): (db: Db) => Db {
  // A query extension adds no method, so the extended client serves its callers as the client did;
  // Prisma still gives it a new type, which Db cannot name: hence the cast.
  return (db) =>
    db.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          const started = performance.now();
          try {
            return await query(args);
          } finally {
            try {
              onQuery({ model: model ?? "raw", operation, seconds: (performance.now() - started) / 1000 });
            } catch {
              // an observer must never fail a query
            }
          }
        },
      },
    }) as unknown as Db;
}
