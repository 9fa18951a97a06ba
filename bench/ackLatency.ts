// Ack latency of `/community help` and `/community list` (500 communities),
// measured side by side with a bare Bolt app that only acks.  `npm run bench:ack`
//
// What it does:
//   1. starts bench/servers.ts twice as child processes: the fake Slack Web API,
//      then the real app + the bare app (fresh SQLite database, 500 communities),
//      the app as production runs it: built, under the production V8 flags;
//   2. warms each of the 4 targets up (bare-help, app-help, bare-list, app-list);
//   3. sends signed slash commands at a steady BENCH_RATE requests a second
//      (default 200) for BENCH_DURATION seconds (default 20) to each target, with
//      autocannon, in BENCH_ROUNDS interleaved rounds (default 4 × 5 s) whose
//      latencies are merged;
//   4. checks every answer (HTTP 200, the expected ack body, no response_url
//      post per /community list) and prints p50/p99, the app/bare ratios, and a
//      Markdown table; writes bench/results/ack-latency.json (other settings
//      write ack-latency-<mode>-<rate>rps-<duration>s.json beside it).
//   Also reported, to explain the numbers: the server's CPU per request (from
//   /proc), its event-loop utilisation and longest blocks (asked over stdin),
//   answers per second, acks slower than Slack's 3 s, and the load generator's
//   own event-loop lag (a late generator reads answers late).
//
// Why rounds: the 4 targets cannot be loaded at the same instant without
// disturbing each other, so they take turns, and the turns rotate (round r starts
// at target r) so that no target always runs first, after a list, or while the
// machine is warmer. Drifts (CPU frequency, other load on the machine, the JIT)
// are then shared by all four. Each target gets BENCH_DURATION seconds in total.
//
// Why many autocannon instances (BENCH_MODE=paced, the default): autocannon's
// `overallRate` is a per-connection budget per second, and each connection
// spends its budget back to back at the start of every second. One instance with
// overallRate 200 over 10 connections therefore sends 10 bursts of 20 at once and
// then nothing for most of the second: that measures queueing at 10 concurrent
// requests, not a steady rate. Here BENCH_RATE single-connection instances, each
// at 1 request a second, start 1/BENCH_RATE s apart, so the requests arrive
// evenly spaced (every 5 ms at 200/s): the steady rate the issue asks for, and
// an open loop — a slow answer does not hold the next request back.
// BENCH_MODE=burst runs the plain `overallRate` form (BENCH_CONNECTIONS, default
// 10) for comparison.
//
// Latencies are taken from autocannon's per-response event (sub-millisecond, from
// the write of the request to the end of the answer), not from its histogram:
// with overallRate, autocannon "corrects" coordinated omission with an expected
// interval of ceil(1/rate) = 1 ms, which adds invented samples to every response
// slower than 1 ms and inflates the percentiles. At 1 request a second a
// connection is never blocked by a slow answer, so there is nothing to correct.
//
// Environment: BENCH_DURATION (s, per target), BENCH_RATE (requests/s),
// BENCH_ROUNDS, BENCH_WARMUP (s, per target), BENCH_MODE (paced|burst),
// BENCH_CONNECTIONS (burst mode), BENCH_CPU_PROF=1 (write a V8 CPU profile of the
// app process to bench/results/profiles/ when it exits), BENCH_METRICS=1 (the app
// with GET /metrics on: every request, Web API call and query observed),
// BENCH_SOURCE=1 (the app from src/ under tsx with node's default flags, instead
// of what production runs: the build in dist/ under the production command's
// V8 flags, PRODUCTION_NODE_FLAGS; `npm run bench:ack` builds first).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import readline from "node:readline";
import autocannon from "autocannon";
import { signedHeaders } from "../test/support/signing";
import {
  type AppsReady,
  type AppsStats,
  BENCH_TEAM_ID,
  BENCH_USER_ID,
  COMMUNITY_COUNT,
  type FakeReady,
  type FakeStats,
  PRODUCTION_NODE_FLAGS,
} from "./shared";

const ROOT = path.resolve(__dirname, "..");
const RESULTS_DIR = path.join(__dirname, "results");
const SIGNING_SECRET = "bench-signing-secret";
const TARGET_RATIO = 1.3;
/** Slack shows the user an error when the ack takes longer than this. */
const SLACK_ACK_DEADLINE_MS = 3000;

// ---------------------------------------------------------------- settings

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} should be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

const DURATION = intEnv("BENCH_DURATION", 20, 1, 600);
const RATE = intEnv("BENCH_RATE", 200, 1, 2000);
const WARMUP = intEnv("BENCH_WARMUP", 2, 0, 60);
const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 10, 1, 500);
const MODE = (process.env.BENCH_MODE ?? "paced") as "paced" | "burst";
/** The app with metrics on (servers.ts reads the same variable). */
const METRICS = process.env.BENCH_METRICS === "1";
/** The app from src/ through tsx, with node's default flags, instead of the production build and command (servers.ts reads it too). */
const SOURCE = process.env.BENCH_SOURCE === "1";
/** The bare app acks with the bot's help message instead of an empty body (servers.ts reads it too). */
const BARE_REPLY = process.env.BENCH_BARE_REPLY === "1";
if (MODE !== "paced" && MODE !== "burst") throw new Error(`BENCH_MODE should be paced or burst (got "${MODE}")`);
/** Rounds must split the duration into whole seconds: take the largest divisor ≤ the wish. */
const ROUNDS = (() => {
  const wanted = Math.min(intEnv("BENCH_ROUNDS", 4, 1, 100), DURATION);
  for (let r = wanted; r > 1; r--) if (DURATION % r === 0) return r;
  return 1;
})();
const ROUND_SECONDS = DURATION / ROUNDS;

// ---------------------------------------------------------------- child processes

const children: ChildProcess[] = [];
/** Set while this process stops its children on purpose; any other exit of a child aborts the run. */
let stopping = false;

function abort(message: string): never {
  console.error(`\nABORTED: ${message}`);
  killChildren();
  process.exit(1);
}

function killChildren(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

process.on("exit", () => killChildren("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

interface Spawned<T> {
  child: ChildProcess;
  ready: T;
  /** Lines printed after the ready line (the fake prints its stats on exit). */
  later: string[];
  /** Resolves with the next line the child prints. */
  nextLine(): Promise<string>;
}

/** Starts `servers.ts <role>` under tsx and waits for its ready line. */
function spawnServers<T>(role: "fake" | "apps", env: Record<string, string>, nodeFlags: string[] = []): Promise<Spawned<T>> {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(__dirname, "servers.ts"), role], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // stdin stays open: the child exits when it closes, i.e. when this process dies.
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  const later: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`servers.ts ${role} was not ready after 120 s`)), 120_000);
    let ready: T | undefined;
    lines.on("line", (line) => {
      if (ready !== undefined) {
        const waiter = waiting.shift();
        return void (waiter ? waiter(line) : later.push(line));
      }
      try {
        ready = JSON.parse(line) as T;
      } catch {
        process.stderr.write(`[${role}] ${line}\n`);
        return;
      }
      clearTimeout(timer);
      resolve({ child, ready, later, nextLine });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (ready === undefined) reject(new Error(`servers.ts ${role} exited before it was ready (code ${code}, signal ${signal})`));
      // Without its server, autocannon would keep reconnecting and the run would never end.
      else if (!stopping) abort(`servers.ts ${role} exited during the run (code ${code}, signal ${signal})`);
    });
  });
}

/** SIGTERM, then wait for the exit (and for stdout to be read to its end). */
function stopChild(spawned: Spawned<unknown>, timeoutMs = 15_000): Promise<void> {
  const { child } = spawned;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** utime + stime of a process in ms, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of the file (utime, stime), in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- load

type Server = "bare" | "app";
type Command = "help" | "list";

interface Target {
  name: `${Server}-${Command}`;
  server: Server;
  command: Command;
  url: string;
}

interface Tally {
  latencies: number[];
  sent: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  /** CPU time the server process used for this target: under load, then until idle. */
  serverCpuMs: number;
  /** Time the server took to go idle after the load stopped (post-ack work still queued). */
  drainMs: number;
  /** One entry a round: its own percentiles, and how late the load generator's event loop ran. */
  rounds: RoundStats[];
}

interface RoundStats {
  requests: number;
  /** Answers a second over the round (see load()). */
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  generatorLagP99: number;
  generatorLagMax: number;
  /** The server process's event loop under this load: busy share, and how long it was blocked at a time (ms). */
  serverLoopUtilization?: number;
  serverLoopDelayP99?: number;
  serverLoopDelayMax?: number;
}

function emptyTally(): Tally {
  return {
    latencies: [],
    sent: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    mismatches: 0,
    statusCodes: {},
    serverCpuMs: 0,
    drainMs: 0,
    rounds: [],
  };
}

let sequence = 0;

/** A signed `/community <text>` form body, as Slack sends it, fresh for every request. */
function slashCommand(text: string, responseBase: string): { body: string; headers: Record<string, string> } {
  const n = ++sequence;
  const body = new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: BENCH_TEAM_ID,
    team_domain: "bench",
    channel_id: "C0RANDOM",
    channel_name: "random",
    user_id: BENCH_USER_ID,
    user_name: "bench",
    command: "/community",
    text,
    api_app_id: "A0BENCH",
    is_enterprise_install: "false",
    response_url: `${responseBase}/response/bench-${n}`,
    trigger_id: `bench.${n}.${Date.now()}`,
  }).toString();
  return { body, headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SIGNING_SECRET, body) } };
}

/**
 * What a correct ack looks like: the app answers both commands in the ack itself
 * (a reply ready within its budget goes there, not to response_url); the bare
 * app acks empty.
 */
function expectedBody(target: Target): (body: string | Buffer | undefined) => boolean {
  if (target.server === "app" && target.command === "help") {
    return (body) => String(body ?? "").includes('"blocks"') && String(body ?? "").includes("/community list");
  }
  if (target.server === "app" && target.command === "list") {
    return (body) =>
      String(body ?? "").includes('"blocks"') && String(body ?? "").includes(`Service communities in this workspace (${COMMUNITY_COUNT})`);
  }
  // BENCH_BARE_REPLY=1 (bench/servers.ts): the bare app acks with the bot's help message.
  if (BARE_REPLY) return (body) => String(body ?? "").includes('"blocks"');
  return (body) => String(body ?? "") === "";
}

/**
 * Histograms that record nothing. autocannon builds three WebAssembly HDR
 * histograms per instance (5 significant digits, megabytes each); with 200
 * instances a run that costs ~2 ms of this process's time per instance, ~800 MB,
 * and pauses of hundreds of ms while the WebAssembly memory grows — pauses that
 * land in the latencies being measured. Latencies are recorded from the
 * `response` event instead, so these are not needed. `histograms` is the option
 * autocannon's own worker mode uses (lib/worker.js); if a later version ignored
 * it, the bench would only be heavier, not wrong.
 */
function nullHistogram() {
  return { __custom: true, recordValue() {}, recordValueWithExpectedInterval() {}, reset() {}, destroy() {}, add() {} };
}

/** The raw result of an instance run with skipAggregateResult (lib/run.js). */
interface RawResult {
  totalRequests?: number;
  errors?: number;
  timeouts?: number;
  mismatches?: number;
  non2xx?: number;
}

/** When the latest answer arrived, for the throughput of a round. */
let lastResponseAt = 0;

function runInstance(options: autocannon.Options, tally: Tally, sink: number[]): Promise<void> {
  const light = {
    histograms: { latencies: nullHistogram(), requests: nullHistogram(), throughput: nullHistogram() },
    skipAggregateResult: true,
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, ...light } as autocannon.Options, (error, result) => {
      if (error) return reject(error);
      const raw = result as unknown as RawResult;
      tally.sent += raw.totalRequests ?? 0;
      tally.non2xx += raw.non2xx ?? 0;
      tally.errors += raw.errors ?? 0;
      tally.timeouts += raw.timeouts ?? 0;
      tally.mismatches += raw.mismatches ?? 0;
      resolve();
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      tally.statusCodes[statusCode] = (tally.statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) sink.push(responseTime);
      lastResponseAt = performance.now();
    });
  });
}

/** Loads one target for `seconds` at RATE requests a second; adds to `tally`. */
async function load(target: Target, seconds: number, responseBase: string, tally: Tally): Promise<void> {
  const base: autocannon.Options = {
    url: target.url,
    method: "POST",
    // Slack gives up on an ack after 3 s; wait longer, so that slow acks are measured, not lost.
    timeout: 10,
    verifyBody: expectedBody(target),
    requests: [
      {
        setupRequest: (request) => {
          const { body, headers } = slashCommand(target.command, responseBase);
          return { ...request, method: "POST", path: "/slack/events", body, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  };
  const latencies: number[] = [];
  // How late this process's own event loop runs: a late loop reads answers late.
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const started = performance.now();
  if (MODE === "burst") {
    await runInstance({ ...base, connections: Math.min(CONNECTIONS, RATE), overallRate: RATE, amount: RATE * seconds }, tally, latencies);
  } else {
    const spacing = 1000 / RATE;
    const runs: Promise<void>[] = [];
    for (let k = 0; k < RATE; k++) {
      await sleepUntil(started + k * spacing);
      runs.push(runInstance({ ...base, connections: 1, overallRate: 1, amount: seconds }, tally, latencies));
    }
    await Promise.all(runs);
  }
  lag.disable();
  // Requests answered per second, from the first send to the last answer. It
  // equals the offered rate when the server keeps up and falls below it when it
  // does not (burst mode, being closed-loop, then also offers less).
  const throughput = latencies.length / ((lastResponseAt - started) / 1000);
  tally.latencies.push(...latencies);
  const sorted = latencies.sort((a, b) => a - b);
  tally.rounds.push({
    requests: sorted.length,
    p50: round3(percentile(sorted, 0.5)),
    p99: round3(percentile(sorted, 0.99)),
    max: round3(sorted.at(-1) ?? NaN),
    throughput: Number(throughput.toFixed(1)),
    generatorLagP99: round3(lag.percentile(99) / 1e6),
    generatorLagMax: round3(lag.max / 1e6),
  });
}

function round3(x: number): number {
  return Number(x.toFixed(3));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until the process has used under 10% of a core for two 200 ms windows
 * in a row (at most 60 s). Without /proc, waits a second.
 */
async function waitForIdle(pid: number): Promise<void> {
  if (cpuMs(pid) === undefined) return sleep(1000);
  const deadline = performance.now() + 60_000;
  let quiet = 0;
  while (quiet < 2 && performance.now() < deadline) {
    const before = cpuMs(pid)!;
    await sleep(200);
    quiet = cpuMs(pid)! - before <= 20 ? quiet + 1 : 0;
  }
  if (quiet < 2) console.warn(`The server process (pid ${pid}) was still busy after 60 s; going on.`);
}

async function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  if (wait > 0) await sleep(wait);
}

// ---------------------------------------------------------------- statistics

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Summary {
  target: string;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Lowest round throughput, answers a second. */
  throughput: number;
  /** Acks slower than Slack's 3 s deadline: the user would have seen an error. */
  overSlackDeadline: number;
  serverCpuMsPerRequest: number | null;
  /** Time to idle after the load stopped, summed over the rounds. */
  drainMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  /** Highest round-level figures of the server's event loop (see RoundStats). */
  serverLoopUtilization: number;
  serverLoopDelayP99: number;
  serverLoopDelayMax: number;
  /** Worst round-level p99 of the load generator's own event-loop delay (ms). */
  generatorLagP99: number;
  rounds: RoundStats[];
}

function summarise(name: string, tally: Tally): Summary {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const round = (x: number, digits = 3) => Number(x.toFixed(digits));
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    target: name,
    requests: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(mean),
    throughput: Math.min(...tally.rounds.map((r) => r.throughput)),
    overSlackDeadline: sorted.filter((x) => x > SLACK_ACK_DEADLINE_MS).length,
    serverCpuMsPerRequest: tally.serverCpuMs && sorted.length ? round(tally.serverCpuMs / sorted.length) : null,
    drainMs: Math.round(tally.drainMs),
    non2xx: tally.non2xx,
    errors: tally.errors,
    timeouts: tally.timeouts,
    mismatches: tally.mismatches,
    statusCodes: tally.statusCodes,
    serverLoopUtilization: Math.max(0, ...tally.rounds.map((r) => r.serverLoopUtilization ?? 0)),
    serverLoopDelayP99: Math.max(0, ...tally.rounds.map((r) => r.serverLoopDelayP99 ?? 0)),
    serverLoopDelayMax: Math.max(0, ...tally.rounds.map((r) => r.serverLoopDelayMax ?? 0)),
    generatorLagP99: Math.max(0, ...tally.rounds.map((r) => r.generatorLagP99)),
    rounds: tally.rounds,
  };
}

function failures(tally: Tally): number {
  return tally.non2xx + tally.errors + tally.timeouts + tally.mismatches;
}

// ---------------------------------------------------------------- machine

function machineFacts() {
  const cpus = os.cpus();
  let cgroupCpuLimit: string | undefined;
  try {
    const [quota, period] = fs.readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    cgroupCpuLimit = quota === "max" ? "none" : `${(Number(quota) / Number(period)).toFixed(2)} CPUs`;
  } catch {
    cgroupCpuLimit = undefined;
  }
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    ...(cgroupCpuLimit ? { cgroupCpuLimit } : {}),
    totalMemoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  // A bound on the whole run: the planned load, plus generous time for start-up,
  // draining and a server that answers slowly.
  const plannedSeconds = 4 * (DURATION + WARMUP) + 4 * (ROUNDS + 1) * 3;
  setTimeout(() => abort(`the run took more than ${plannedSeconds * 3 + 180} s`), (plannedSeconds * 3 + 180) * 1000).unref();
  const machine = machineFacts();
  console.log(
    `Ack latency bench: ${RATE} req/s, ${DURATION} s per target (${ROUNDS} rounds of ${ROUND_SECONDS} s), ` +
      `warm-up ${WARMUP} s, mode ${MODE}${MODE === "burst" ? ` (${CONNECTIONS} connections)` : ""}${METRICS ? ", metrics on" : ""}, ${SOURCE ? "the app from src/ under tsx" : `the app built (dist/), node ${PRODUCTION_NODE_FLAGS.join(" ")}`}`,
  );
  console.log(`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB, node ${machine.node}`);

  const fake = await spawnServers<FakeReady>("fake", {});
  const profileDir = path.join(RESULTS_DIR, "profiles");
  const profFlags = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // Production's V8 flags for production's build; from source, node's defaults (as `npm run dev`).
  const runtimeFlags = SOURCE ? [] : PRODUCTION_NODE_FLAGS;
  const apps = await spawnServers<AppsReady>("apps", { BENCH_SLACK_API_URL: fake.ready.apiUrl, BENCH_SIGNING_SECRET: SIGNING_SECRET }, [
    ...runtimeFlags,
    ...profFlags,
  ]);
  console.log(
    `Seeded ${apps.ready.communities} communities, ${apps.ready.memberships} memberships in ${apps.ready.seedMs} ms; ` +
      `app :${apps.ready.appPort}, bare :${apps.ready.barePort}`,
  );

  const targets: Target[] = (["help", "list"] as const).flatMap((command) =>
    (["bare", "app"] as const).map((server) => ({
      name: `${server}-${command}` as const,
      server,
      command,
      url: `http://127.0.0.1:${server === "app" ? apps.ready.appPort : apps.ready.barePort}/slack/events`,
    })),
  );
  const responseBase = fake.ready.baseUrl;
  const pid = apps.ready.pid;
  const appsStats = async (): Promise<AppsStats> => {
    const line = apps.nextLine();
    apps.child.stdin!.write("stats\n");
    return JSON.parse(await line) as AppsStats;
  };
  // The next target starts only when the server process is idle again: the work
  // a list does after its ack (queries, the response_url post) can outlast the
  // load, and would otherwise land on whichever target comes next. The CPU a
  // target costs is counted from the start of its load to idle, so it includes
  // the work it left queued.
  const measure = async (target: Target, seconds: number, tally: Tally) => {
    const cpuBefore = cpuMs(pid);
    await appsStats(); // resets the counters
    await load(target, seconds, responseBase, tally);
    const loop = await appsStats();
    const last = tally.rounds.at(-1)!;
    last.serverLoopUtilization = loop.eventLoopUtilization;
    last.serverLoopDelayP99 = loop.loopDelayP99;
    last.serverLoopDelayMax = loop.loopDelayMax;
    const drainStarted = performance.now();
    await waitForIdle(pid);
    tally.drainMs += performance.now() - drainStarted;
    const cpuAfter = cpuMs(pid);
    if (cpuBefore !== undefined && cpuAfter !== undefined) tally.serverCpuMs += cpuAfter - cpuBefore;
  };

  const warmup: Record<string, Tally> = {};
  if (WARMUP > 0) {
    for (const target of targets) {
      warmup[target.name] = emptyTally();
      await measure(target, WARMUP, warmup[target.name]!);
    }
    const bad = Object.entries(warmup).filter(([, t]) => failures(t) > 0);
    if (bad.length) console.log(`Warm-up failures: ${bad.map(([n, t]) => `${n}: ${JSON.stringify(summarise(n, t))}`).join("; ")}`);
    else console.log("Warm-up done.");
  }

  const tallies = Object.fromEntries(targets.map((t) => [t.name, emptyTally()])) as Record<Target["name"], Tally>;
  for (let round = 0; round < ROUNDS; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const target of order) {
      await measure(target, ROUND_SECONDS, tallies[target.name]);
    }
    console.log(`Round ${round + 1}/${ROUNDS} done (${order.map((t) => t.name).join(", ")}).`);
  }

  // Stop the apps first (the app finishes its post-ack work), then the fake, which reports what it received.
  stopping = true;
  await stopChild(apps);
  await stopChild(fake);
  const stats = fake.later.map((line) => JSON.parse(line) as FakeStats).find((s) => s.role === "fake-stats");

  const summaries = targets.map((t) => summarise(t.name, tallies[t.name]));
  const byName = Object.fromEntries(summaries.map((s) => [s.target, s])) as Record<Target["name"], Summary>;
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  const ratios = {
    help: { p50: ratio(byName["app-help"].p50, byName["bare-help"].p50), p99: ratio(byName["app-help"].p99, byName["bare-help"].p99) },
    list: { p50: ratio(byName["app-list"].p50, byName["bare-list"].p50), p99: ratio(byName["app-list"].p99, byName["bare-list"].p99) },
  };
  const targetMet = { help: ratios.help.p99 <= TARGET_RATIO, list: ratios.list.p99 <= TARGET_RATIO };
  // CPU per request is the issue's measure for the app's own cost: app/bare, with the same A/A check below.
  const cpuOf = (name: Target["name"]) => byName[name].serverCpuMsPerRequest;
  const cpuRatio = (a: Target["name"], b: Target["name"]) => {
    const x = cpuOf(a);
    const y = cpuOf(b);
    return x === null || y === null ? null : ratio(x, y);
  };
  const cpuRatios = { help: cpuRatio("app-help", "bare-help"), list: cpuRatio("app-list", "bare-list") };
  const cpuMet = {
    help: cpuRatios.help !== null && cpuRatios.help <= TARGET_RATIO,
    list: cpuRatios.list !== null && cpuRatios.list <= TARGET_RATIO,
  };
  // An A/A check: the bare app does exactly the same for help and list, so any
  // gap between its two rows is measurement noise (machine, generator, luck),
  // and app/bare ratios within that gap say nothing.
  const noiseFloor = {
    p50: ratio(Math.max(byName["bare-list"].p50, byName["bare-help"].p50), Math.min(byName["bare-list"].p50, byName["bare-help"].p50)),
    p99: ratio(Math.max(byName["bare-list"].p99, byName["bare-help"].p99), Math.min(byName["bare-list"].p99, byName["bare-help"].p99)),
    cpu: (() => {
      const a = cpuOf("bare-list");
      const b = cpuOf("bare-help");
      return a === null || b === null ? null : ratio(Math.max(a, b), Math.min(a, b));
    })(),
  };

  const problems: string[] = [];
  for (const target of targets) {
    const all = [tallies[target.name], warmup[target.name]].filter((t): t is Tally => Boolean(t));
    const failed = all.reduce((n, t) => n + failures(t), 0);
    if (failed) {
      const t = tallies[target.name];
      problems.push(
        `${target.name}: ${failed} failed (non-2xx ${t.non2xx}, errors ${t.errors}, timeouts ${t.timeouts}, wrong ack body ${t.mismatches}; status codes ${JSON.stringify(t.statusCodes)})`,
      );
    }
    const expected = RATE * DURATION;
    if (tallies[target.name].latencies.length !== expected) {
      problems.push(`${target.name}: ${tallies[target.name].latencies.length} good answers, expected ${expected}`);
    }
  }
  if (!stats) problems.push("the fake Slack did not report what it received");
  else {
    // Every list was answered in its ack (checked above), so none may also go to response_url.
    if (stats.responses !== 0) problems.push(`the app posted ${stats.responses} replies to response_url: a reply missed its budget`);
    if (stats.badResponses)
      problems.push(`${stats.badResponses} response_url posts were errors, e.g. ${JSON.stringify(stats.badSamples[0])}`);
  }

  // ---- report
  const fmt = (x: number) => x.toFixed(2);
  console.log("");
  console.table(
    summaries.map((s) => ({
      target: s.target,
      requests: s.requests,
      "p50 ms": fmt(s.p50),
      "p90 ms": fmt(s.p90),
      "p99 ms": fmt(s.p99),
      "max ms": fmt(s.max),
      "req/s": s.throughput,
      "> 3 s": s.overSlackDeadline,
      "server CPU ms/req": s.serverCpuMsPerRequest ?? "n/a",
      "srv loop busy": s.serverLoopUtilization,
      "srv block p99/max ms": `${s.serverLoopDelayP99}/${s.serverLoopDelayMax}`,
      "gen lag p99": s.generatorLagP99,
      failed: s.non2xx + s.errors + s.timeouts + s.mismatches,
    })),
  );
  for (const command of ["help", "list"] as const) {
    console.log(
      `${command}: app/bare p50 ${ratios[command].p50}×, p99 ${ratios[command].p99}× — ` +
        `target p99 ≤ ${TARGET_RATIO}× ${targetMet[command] ? "MET" : "NOT MET"}`,
    );
  }

  for (const command of ["help", "list"] as const) {
    console.log(
      `${command}: server CPU per request app/bare ${cpuRatios[command] ?? "n/a"}× — target ≤ ${TARGET_RATIO}× ${cpuMet[command] ? "MET" : "NOT MET"}`,
    );
  }
  console.log(
    `noise floor (A/A, bare-list vs bare-help, the same work): p50 ${noiseFloor.p50}×, p99 ${noiseFloor.p99}×, CPU ${noiseFloor.cpu ?? "n/a"}× — ` +
      `app/bare ratios closer to 1 than this are not resolved by this run`,
  );

  const markdown = [
    `Ack latency${METRICS ? " with metrics on" : ""}, ${SOURCE ? "the app from src/ under tsx (node's default flags)" : `the production build and command (\`node ${PRODUCTION_NODE_FLAGS.join(" ")}\`, dist/)`}, ${RATE} signed requests/s for ${DURATION} s per target (${ROUNDS} interleaved rounds, ${MODE === "paced" ? "evenly spaced arrivals" : `autocannon overallRate over ${CONNECTIONS} connections`}), ${COMMUNITY_COUNT} communities, SQLite.`,
    `Machine: ${machine.cpuModel}, ${machine.cores} cores${machine.cgroupCpuLimit && machine.cgroupCpuLimit !== "none" ? ` (cgroup limit ${machine.cgroupCpuLimit})` : ""}, ${machine.totalMemoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}.`,
    "",
    "| Command | Target | Requests | p50 (ms) | p99 (ms) | p50 app/bare | p99 app/bare | Acks > 3 s | Server CPU / request (ms) | CPU app/bare | CPU ≤ 1.3× |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ...(["help", "list"] as const).flatMap((command) => {
      const bare = byName[`bare-${command}`];
      const app = byName[`app-${command}`];
      const cpu = (s: Summary) => (s.serverCpuMsPerRequest === null ? "n/a" : s.serverCpuMsPerRequest.toFixed(2));
      return [
        `| \`/community ${command}\` | bare Bolt app${BARE_REPLY ? ", acking the help message" : ""} | ${bare.requests} | ${fmt(bare.p50)} | ${fmt(bare.p99)} | | | ${bare.overSlackDeadline} | ${cpu(bare)} | | |`,
        `| \`/community ${command}\` | Service Communities | ${app.requests} | ${fmt(app.p50)} | ${fmt(app.p99)} | ${ratios[command].p50}× | ${ratios[command].p99}× | ${app.overSlackDeadline} | ${cpu(app)} | ${cpuRatios[command] ?? "n/a"}× | ${cpuMet[command] ? "yes" : "**no**"} |`,
      ];
    }),
    "",
    `Noise floor (A/A): the bare app does the same work for both commands, so the gap between its two rows is noise: p50 ${noiseFloor.p50}×, p99 ${noiseFloor.p99}×, CPU per request ${noiseFloor.cpu ?? "n/a"}×.`,
  ].join("\n");
  console.log("\nMarkdown:\n");
  console.log(markdown);

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  // The default run (what the README quotes) has the plain name; variations do not overwrite it.
  const standard = MODE === "paced" && RATE === 200 && DURATION === 20 && !METRICS && !SOURCE && !BARE_REPLY;
  const variant = `${METRICS ? "-metrics" : ""}${SOURCE ? "-source" : ""}${BARE_REPLY ? "-bare-reply" : ""}`;
  const file = path.join(RESULTS_DIR, standard ? "ack-latency.json" : `ack-latency-${MODE}-${RATE}rps-${DURATION}s${variant}.json`);
  const result = {
    at: new Date().toISOString(),
    settings: {
      source: SOURCE,
      nodeFlags: SOURCE ? [] : PRODUCTION_NODE_FLAGS,
      rate: RATE,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      warmupSeconds: WARMUP,
      mode: MODE,
      connections: MODE === "burst" ? CONNECTIONS : RATE,
    },
    machine,
    seed: { communities: apps.ready.communities, memberships: apps.ready.memberships },
    results: summaries,
    ratios,
    cpuRatios,
    targetRatio: TARGET_RATIO,
    targetMet,
    noiseFloor,
    fakeSlack: stats ?? null,
    problems,
    markdown,
  };
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(ROOT, file)}`);
  if (profFlags.length) console.log(`CPU profile of the app process in ${path.relative(ROOT, profileDir)}/`);

  if (problems.length) {
    console.error(`\nFAILED:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    killChildren();
    process.exit(code);
  },
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    killChildren();
    process.exit(1);
  },
);
