// npm run bench:burst: a cold replica hit by a sudden burst, as Slack sends it
// (Slack does not ramp). For each setup, start the production process(es) on a
// freshly seeded database (500 communities), wait until every replica's /readyz
// answers 200, then at once send BENCH_RATE signed slash commands a second
// (default 200, evenly spaced, an open loop) for BENCH_SECONDS (default 5),
// alternating /community help and /community list and spreading them over the
// replicas in turn. Every answer is checked (HTTP 200 and the reply's blocks).
//
// Setups: one SQLite process; three PostgreSQL replicas on one database (the local
// server, or BENCH_POSTGRES_URL). Each runs twice in one run: with the warm-up the
// bot does before it reports ready, and with it switched off (SC_SKIP_WARMUP=1,
// a switch for this benchmark only), so the difference is the warm-up's.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createStore } from "../src/store";
import { FakeSlack } from "../test/support/fakeSlack";
import { signedHeaders } from "../test/support/signing";
import { benchDatabases, migrate } from "./databases";
import { seed } from "./seed";
import { BENCH_TEAM_ID, BENCH_USER_ID, firstOk, freePort, PRODUCTION_NODE_FLAGS } from "./shared";

const ROOT = path.resolve(__dirname, "..");
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SECRET = "bench-burst-secret";

interface Replica {
  child: ChildProcess;
  port: number;
}

async function waitReady(port: number): Promise<void> {
  if (!(await firstOk(`http://127.0.0.1:${port}/readyz`, performance.now() + 60_000)))
    throw new Error(`replica on ${port} never became ready`);
}

async function startReplicas(count: number, databaseUrl: string, apiUrl: string, warm: boolean): Promise<Replica[]> {
  const replicas: Replica[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, "dist/main.js"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: apiUrl,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        PUBLIC_URL: "http://localhost",
        LOG_LEVEL: "warn",
        ...(warm ? {} : { SC_SKIP_WARMUP: "1" }),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    replicas.push({ child, port });
  }
  await Promise.all(replicas.map((r) => waitReady(r.port)));
  return replicas;
}

async function stopReplicas(replicas: Replica[]): Promise<void> {
  await Promise.all(
    replicas.map(
      (r) =>
        new Promise<void>((resolve) => {
          r.child.once("exit", () => resolve());
          r.child.kill("SIGTERM");
        }),
    ),
  );
}

interface BurstResult {
  requests: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
  over3s: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function burst(replicas: Replica[], responseUrl: () => string): Promise<BurstResult> {
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const replica = replicas[i % replicas.length]!;
    const text = i % 2 === 0 ? "help" : "list";
    const body = new URLSearchParams({
      team_id: BENCH_TEAM_ID,
      user_id: BENCH_USER_ID,
      channel_id: "C0RANDOM",
      command: "/community",
      text,
      response_url: responseUrl(),
      trigger_id: `burst-${i}`,
    }).toString();
    pending.push(
      (async () => {
        // Measured from when the request was due, so a late generator counts against us, not for us.
        try {
          const res = await fetch(`http://127.0.0.1:${replica.port}/slack/events`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, body) },
            body,
          });
          const answer = await res.text();
          if (res.status !== 200 || !answer.includes('"blocks"')) failed++;
        } catch {
          failed++;
        }
        latencies.push(performance.now() - due);
      })(),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    failed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    over3s: latencies.filter((l) => l > 3000).length,
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "dist/main.js")))
    throw new Error("dist/main.js is missing: run `npm run build` first (npm run bench:burst does)");
  const slack = new FakeSlack();
  await slack.start();
  const rows: string[] = [];
  for (const database of await benchDatabases("sc_bench_burst")) {
    migrate(database.url);
    const store = createStore(database.url);
    await seed(store.db);
    await store.close();
    const count = database.name === "SQLite" ? 1 : 3;
    for (const warm of [true, false]) {
      const replicas = await startReplicas(count, database.url, slack.apiUrl, warm);
      const result = await burst(replicas, () => slack.responseUrl());
      await stopReplicas(replicas);
      slack.reset();
      slack.responses.length = 0;
      const label = `${database.name}, ${count === 1 ? "1 process" : `${count} replicas`}`;
      process.stderr.write(`${label}, ${warm ? "warm-up" : "no warm-up"}: ${JSON.stringify(result)}\n`);
      rows.push(
        `| ${label} | ${warm ? "yes" : "no (SC_SKIP_WARMUP=1)"} | ${result.requests} | ${result.failed} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.max.toFixed(0)} | ${result.over3s} |`,
      );
    }
    await database.drop();
  }
  await slack.stop();
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ${RATE} commands a second for ${SECONDS} s, straight after /readyz said ready\n`,
  );
  console.log("| Setup | Warm-up | Requests | Failed | p50 (ms) | p99 (ms) | Max (ms) | Acks over 3 s |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
