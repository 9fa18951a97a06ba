// The servers behind `npm run bench:ack` (bench/ackLatency.ts starts this file
// twice, as child processes; it is not meant to be run by hand):
//
//   servers.ts fake   the fake Slack Web API (test/support/fakeSlack.ts): answers
//                     auth.test and receives every response_url post.
//   servers.ts apps   a fresh SQLite database seeded with 500 communities, the real
//                     app (compose) and a bare Bolt app that only acks, both
//                     pointing at the fake.
//
// The fake lives in its own process on purpose: in production, Slack receives
// the response_url posts on Slack's machines, so parsing them must not cost the
// app's event loop anything. The real and bare apps share one process (and so
// one warm JIT for Bolt's own code); the load generator measures them one at a
// time, never at once.
//
// The real app is the build in dist/, as production runs it (ackLatency.ts
// starts this process with the production command's V8 flags); BENCH_SOURCE=1
// takes it from src/ through tsx instead. The bare app is the same Bolt in the
// same process either way.
//
// Each role prints one JSON line on stdout when it is ready, then waits for
// SIGTERM (or for its parent to go away) and exits. Everything listens on
// 127.0.0.1 only.
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import readline from "node:readline";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import pino from "pino";
import type { Config } from "../src/config";
import { migrate } from "../test/support/databases";
import { FakeSlack } from "../test/support/fakeSlack";
import { seed } from "./seed";
import type { AppsReady, AppsStats, FakeReady, FakeStats } from "./shared";

/** One of the app's modules, from dist/ (the build production runs) or, with BENCH_SOURCE=1, from src/. */
function appModule<T>(name: string): T {
  return require(`${process.env.BENCH_SOURCE === "1" ? "../src" : "../dist"}/${name}`) as T;
}

function print(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Exit when told to, or when the parent dies (stdin closes), running `cleanup` first. */
function exitOn(cleanup: () => Promise<void>): void {
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    const timer = setTimeout(() => process.exit(code), 5000);
    timer.unref();
    cleanup()
      .catch((error) => process.stderr.write(`cleanup failed: ${String(error)}\n`))
      .finally(() => process.exit(code));
  };
  process.on("SIGTERM", () => exit(0));
  process.on("SIGINT", () => exit(0));
  process.stdin.on("end", () => exit(0));
  process.stdin.on("error", () => exit(0));
  process.stdin.resume();
}

async function runFake(): Promise<void> {
  const slack = new FakeSlack();
  await slack.start();
  const stats: FakeStats = { role: "fake-stats", responses: 0, badResponses: 0, badSamples: [], apiCalls: {} };
  // FakeSlack keeps every call and response (that suits a test); drain them
  // often so a 2-minute run does not hold thousands of messages in memory.
  const drain = () => {
    for (const r of slack.responses) {
      stats.responses++;
      const text = String(r.body.text ?? "");
      if (!Array.isArray(r.body.blocks) || text.startsWith(":warning:")) {
        stats.badResponses++;
        if (stats.badSamples.length < 3) stats.badSamples.push(r.body);
      }
    }
    for (const c of slack.calls) stats.apiCalls[c.method] = (stats.apiCalls[c.method] ?? 0) + 1;
    slack.reset();
  };
  const timer = setInterval(drain, 250);
  print({ role: "fake", baseUrl: slack.baseUrl, apiUrl: slack.apiUrl } satisfies FakeReady);
  exitOn(async () => {
    clearInterval(timer);
    drain();
    print(stats);
    await slack.stop();
  });
}

async function runApps(): Promise<void> {
  const apiUrl = process.env.BENCH_SLACK_API_URL;
  const signingSecret = process.env.BENCH_SIGNING_SECRET;
  if (!apiUrl || !signingSecret) throw new Error("BENCH_SLACK_API_URL and BENCH_SIGNING_SECRET must be set");
  const { compose } = appModule<typeof import("../src/compose")>("compose");
  const { helpEntries } = appModule<typeof import("../src/app/commands/registry")>("app/commands/registry");
  const { ephemeral } = appModule<typeof import("../src/app/support/replies")>("app/support/replies");
  const { helpOverview } = appModule<typeof import("../src/views/help")>("views/help");
  const { observeDbQueries } = appModule<typeof import("../src/observability/dbQueries")>("observability/dbQueries");
  const { createMetrics } = appModule<typeof import("../src/observability/createMetrics")>("observability/createMetrics");
  const { createStore } = appModule<typeof import("../src/store")>("store");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-bench-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  const started = Date.now();
  migrate(databaseUrl);
  // BENCH_METRICS=1: metrics on, composed as main.ts does (queries timed too).
  const metrics = process.env.BENCH_METRICS === "1" ? createMetrics() : undefined;
  const store = createStore(databaseUrl, { observe: metrics ? observeDbQueries(metrics.observeDbQuery) : undefined });
  const seeded = await seed(store.db);
  const seedMs = Date.now() - started;

  const config: Config = {
    slackBotToken: "xoxb-bench",
    slackSigningSecret: signingSecret,
    slackApiUrl: apiUrl,
    port: 0,
    publicUrl: "http://localhost",
    databaseUrl,
    defaultTimezone: "Europe/London",
    logLevel: "silent",
    ...(metrics ? { metrics: {} } : {}),
  };
  const logger = pino({ level: "silent" });
  const real = compose({ config, store, logger, metrics });
  // The bot's start() listens on every interface; call Bolt's start with
  // listen options instead so the bench stays on 127.0.0.1. stop() is unchanged.
  const realServer = (await real.app.start({ port: 0, host: "127.0.0.1" })) as Server;
  await real.connect();

  const bare = new App({
    token: "xoxb-bench",
    receiver: new HTTPReceiver({ signingSecret, logLevel: LogLevel.ERROR }),
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  // BENCH_BARE_REPLY=1: the bare app acks with the bot's own help message, rendered once, so the
  // cost of answering Slack with a 3.6 KB message is in the floor too (see the README).
  const cannedReply = process.env.BENCH_BARE_REPLY === "1" ? ephemeral(helpOverview(helpEntries())) : undefined;
  bare.command("/community", async ({ ack }) => {
    await (cannedReply ? ack(cannedReply as never) : ack());
  });
  const bareServer = (await bare.start({ port: 0, host: "127.0.0.1" })) as Server;

  print({
    role: "apps",
    appPort: (realServer.address() as AddressInfo).port,
    barePort: (bareServer.address() as AddressInfo).port,
    ...seeded,
    seedMs,
    pid: process.pid,
  } satisfies AppsReady);

  // The load generator asks for these after each target: how busy the event
  // loop was and how long it was blocked, since the previous question.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let elu = performance.eventLoopUtilization();
  readline.createInterface({ input: process.stdin }).on("line", (line) => {
    if (line.trim() !== "stats") return;
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, elu);
    elu = now;
    print({
      role: "apps-stats",
      eventLoopUtilization: Number(since.utilization.toFixed(3)),
      loopDelayP50: Number((delay.percentile(50) / 1e6).toFixed(2)),
      loopDelayP99: Number((delay.percentile(99) / 1e6).toFixed(2)),
      loopDelayMax: Number((delay.max / 1e6).toFixed(2)),
    } satisfies AppsStats);
    delay.reset();
  });

  exitOn(async () => {
    delay.disable();
    await Promise.allSettled([real.stop(), bare.stop()]);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

const role = process.argv[2];
const main = role === "fake" ? runFake : role === "apps" ? runApps : undefined;
if (!main) {
  process.stderr.write("usage: servers.ts fake|apps (started by bench/ackLatency.ts)\n");
  process.exit(2);
}
main().catch((error) => {
  process.stderr.write(`${role} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
