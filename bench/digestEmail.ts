// npm run bench:digest-email: what a due digest costs when it also becomes
// emails, on SQLite and PostgreSQL (the local server, or BENCH_POSTGRES_URL).
//
// The digest row's real builder (src/scheduler/kinds/digest.ts: the digest, the
// DM rows, and for each member who gets it by email the email rendered three
// ways with their own links, src/scheduler/kinds/digestEmails.ts), then planning
// what it returned (store.outbox.plan), for a community with BENCH_DIGEST_RECIPIENTS
// (1,000) members by email, beside the same digest with none (the baseline), run
// twice so the gap between the two baselines is the noise floor. Each is run
// WARM_UPS times, then BENCH_RUNS (10), each with a digest key of its own so
// every run plans its emails afresh. CPU is this process's (on SQLite that
// includes the database's work).
import os from "node:os";
import pino from "pino";
import { ManualClock } from "../src/domain/common/clock";
import { emailPersonId } from "../src/domain/members/people";
import type { OutboxRow } from "../src/domain/ports";
import { digest } from "../src/scheduler/kinds/digest";
import { buildServices } from "../src/services";
import { createStore } from "../src/store";
import { testConfig } from "../test/support/harness";
import { seedCommunity } from "../test/support/seed";
import { benchDatabases, migrate } from "./databases";
import { countStatements, statements, type Timing, timing, WARM_UPS } from "./measure";

const NOW = new Date("2026-03-09T09:00:00Z");
const RECIPIENTS = Number(process.env.BENCH_DIGEST_RECIPIENTS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const logger = pino({ level: "silent" });

interface Result {
  build: Timing;
  plan: Timing;
  cpuMs: number;
  emails: number;
  statements: number;
}

type Store = ReturnType<typeof createStore>;
type Services = ReturnType<typeof buildServices>;

/** A community (made the week before, with its first problems new since) and `recipients` members by email. */
async function community(store: Store, services: Services, name: string, recipients: number): Promise<string> {
  const { id } = await seedCommunity({ services, db: store.db }, "U0ALICE", {
    name,
    channel: null,
    existingChannel: `C0BENCH${recipients}`,
  });
  for (let i = 0; i < recipients; i += 1000) {
    await store.db.membership.createMany({
      data: Array.from({ length: Math.min(1000, recipients - i) }, (_, j) => {
        const email = `member${i + j}@${name.toLowerCase().replace(/\W+/g, "")}.example.gov.uk`;
        return {
          communityId: id,
          slackUserId: emailPersonId(email),
          email,
          displayName: `Member ${i + j}`,
          organisation: "hmrc",
          profession: "policy",
          role: "member",
          status: "active",
          emailMeetings: true,
          emailReminders: true,
          emailDigests: true,
          joinedAt: new Date(NOW.getTime() - 30 * 86_400_000),
        };
      }),
    });
  }
  return id;
}

let key = 0;
async function run(store: Store, services: Services, communityId: string): Promise<Result> {
  const row = (): OutboxRow =>
    ({
      id: `bench${++key}`,
      kind: "digest",
      channel: "slack",
      target: "C0BENCH",
      communityId,
      subjectId: communityId,
      payload: { since: new Date(NOW.getTime() - 7 * 86_400_000).toISOString() },
      dueAt: NOW,
      dedupeKey: `digest:${communityId}:bench:${key}`,
    }) as unknown as OutboxRow;
  const once = async () => {
    const t = performance.now();
    const outcome = await digest.build(row(), services);
    const built = performance.now();
    if (outcome.kind !== "send") throw new Error(`the digest was not sent: ${JSON.stringify(outcome)}`);
    await store.outbox.plan(outcome.then ?? [], NOW);
    return { build: built - t, plan: performance.now() - built, emails: (outcome.then ?? []).filter((r) => r.kind === "email").length };
  };
  for (let i = 0; i < WARM_UPS; i++) await once();
  const builds: number[] = [];
  const plans: number[] = [];
  let emails = 0;
  statements.count = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    builds.push(r.build);
    plans.push(r.plan);
    emails = r.emails;
  }
  const used = process.cpuUsage(cpu);
  return {
    build: timing(builds),
    plan: timing(plans),
    cpuMs: (used.user + used.system) / 1000 / RUNS,
    emails,
    statements: statements.count / RUNS,
  };
}

function line(database: string, label: string, r: Result): string {
  const ms = (t: Timing) => `${t.medianMs.toFixed(1)} / ${t.p95Ms.toFixed(1)} ms`;
  return `${database.padEnd(10)} ${label.padEnd(30)} build ${ms(r.build)}, plan ${ms(r.plan)} (median / p95), CPU ${r.cpuMs.toFixed(1)} ms, ${r.statements} statements, ${r.emails} emails`;
}

async function main(): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load()}`,
  );
  countStatements();
  for (const database of await benchDatabases("sc_bench_digest_email")) {
    try {
      migrate(database.url);
      const store = createStore(database.url);
      const services = buildServices({
        config: testConfig("http://127.0.0.1:9/api/", database.url),
        store,
        clock: new ManualClock(new Date(NOW.getTime() - 7 * 86_400_000)),
        logger,
      });
      const none = await community(store, services, "Starting a business", 0);
      const many = await community(store, services, "Registering a death", RECIPIENTS);
      // Digest time: the services' clock moves on to the Monday it is due.
      (services.clock as ManualClock).set(NOW);
      const baseline = await run(store, services, none);
      console.log(line(database.name, "no members by email", baseline));
      const withEmails = await run(store, services, many);
      console.log(line(database.name, `${RECIPIENTS} members by email`, withEmails));
      const again = await run(store, services, none);
      console.log(line(database.name, "no members by email (A/A)", again));
      const perEmail =
        (withEmails.build.medianMs - baseline.build.medianMs + withEmails.plan.medianMs - baseline.plan.medianMs) / RECIPIENTS;
      const floor = Math.abs(baseline.build.medianMs - again.build.medianMs);
      console.log(
        `${database.name.padEnd(10)} each email adds ${perEmail.toFixed(3)} ms to the digest (build and plan); noise floor between the baselines ${floor.toFixed(1)} ms`,
      );
      await store.close();
    } finally {
      await database.drop();
    }
  }
  console.log(`Load average at the end: ${load()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
