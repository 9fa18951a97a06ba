// What every database benchmark measures the same way: each call's wall time and
// this process's CPU time after warm-ups, and its queries counted as Prisma
// operations and as SQL statements (which must be the same every run, or the
// figure would hide a query that grows with the data).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { createStore } from "../src/store";
import type { Db } from "../src/store/prismaClient";

export const WARM_UPS = 5;

/** Counts what reaches the database: each SQL statement the driver adapters run, in or out of a transaction. */
export const statements = { count: 0 };
export function countStatements(): void {
  type Queryable = { queryRaw: (...a: unknown[]) => Promise<unknown>; executeRaw: (...a: unknown[]) => Promise<unknown> };
  const wrap = <T extends Queryable>(target: T): T => {
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const original = target[method].bind(target);
      target[method] = ((...args: unknown[]) => {
        statements.count++;
        return original(...args);
      }) as T[typeof method];
    }
    return target;
  };
  for (const Factory of [PrismaBetterSQLite3, PrismaPg] as Array<{ prototype: { connect: () => Promise<unknown> } }>) {
    const connect = Factory.prototype.connect;
    Factory.prototype.connect = async function (this: unknown) {
      const adapter = wrap((await connect.call(this)) as Queryable & { startTransaction: (...a: unknown[]) => Promise<Queryable> });
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (...args: unknown[]) => wrap(await start(...args));
      return adapter;
    };
  }
}

/** A store on `url` whose every Prisma operation adds one to `counter.operations`. */
export function countedStore(url: string): { store: ReturnType<typeof createStore>; counter: { operations: number } } {
  const counter = { operations: 0 };
  const store = createStore(url, {
    observe: (db) =>
      db.$extends({
        query: {
          async $allOperations({ args, query }) {
            counter.operations++;
            return query(args);
          },
        },
      }) as unknown as Db,
  });
  return { store, counter };
}

export interface Timing {
  medianMs: number;
  p95Ms: number;
}

export function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, p95Ms: sorted[Math.ceil(sorted.length * 0.95) - 1]! };
}

export interface Measured {
  operations: number;
  statements: number;
  times: number[];
  /** This process's CPU time for each run (on SQLite that includes the database's work; PostgreSQL's server is not in it). */
  cpu: number[];
}

/** Runs `fn` WARM_UPS times, then `runs` times, timing each and counting its queries (the same every run, or it throws). */
export async function measure(counter: { operations: number }, fn: () => Promise<void>, runs: number): Promise<Measured> {
  for (let i = 0; i < WARM_UPS; i++) await fn();
  const counts = new Set<string>();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    counter.operations = 0;
    statements.count = 0;
    const t = performance.now();
    const used = process.cpuUsage();
    await fn();
    const spent = process.cpuUsage(used);
    times.push(performance.now() - t);
    cpu.push((spent.user + spent.system) / 1000);
    counts.add(`${counter.operations}/${statements.count}`);
  }
  if (counts.size !== 1) throw new Error(`query count varied between runs: ${[...counts].join(", ")}`);
  const [operations, sql] = [...counts][0]!.split("/").map(Number);
  return { operations: operations!, statements: sql!, times, cpu };
}

export interface Interleaved extends Measured {
  /** Every run of both series. */
  all: Timing;
  /** The two series alone: the gap between their medians is the noise floor. */
  a: Timing;
  b: Timing;
  cpuTiming: Timing;
}

/**
 * The same call measured in two interleaved series (A, B, A, B), `runs` in all: load from
 * elsewhere falls on both, so their medians differ only by the machine's noise. The query
 * count must be the same in every series, or it throws.
 */
export async function interleaved(counter: { operations: number }, fn: () => Promise<void>, runs: number): Promise<Interleaved> {
  const a: number[] = [];
  const b: number[] = [];
  const cpu: number[] = [];
  let first: Measured | undefined;
  for (let round = 0; round < 2; round++) {
    for (const series of [a, b]) {
      const m = await measure(counter, fn, Math.ceil(runs / 4));
      if (first && (m.operations !== first.operations || m.statements !== first.statements))
        throw new Error("query count varied between series");
      first ??= m;
      series.push(...m.times);
      cpu.push(...m.cpu);
    }
  }
  return {
    ...first!,
    times: [...a, ...b],
    cpu,
    all: timing([...a, ...b]),
    a: timing(a),
    b: timing(b),
    cpuTiming: timing(cpu),
  };
}
