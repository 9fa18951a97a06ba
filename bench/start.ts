// npm run bench:start: how fast the production process becomes healthy and ready,
// and how much memory it holds, beside the tsx start it replaces, in one run.
//
// Each round migrates a fresh SQLite database (the migrations step, not timed),
// then starts each variant against a fake Slack in this process and measures:
//   - to healthy: from spawn to the first 200 from GET /healthz;
//   - to ready: from spawn to the first 200 from GET /readyz (database, schema, Slack);
//   - resident memory 1 s after ready, summed over the process tree (tsx is two processes).
// The variants run interleaved, BENCH_ROUNDS rounds (default 5), so drift on the
// machine is shared; medians are reported.
//
// Variants:
//   - production: `node --max-semi-space-size=1 --liftoff-only dist/main.js` (the README's command);
//   - node, no flags: `node dist/main.js`, to show what the two V8 flags buy;
//   - tsx (before): `tsx src/main.ts`, the old production start.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FakeSlack } from "../test/support/fakeSlack";
import { firstOk, freePort, PRODUCTION_NODE_FLAGS } from "./shared";

const ROOT = path.resolve(__dirname, "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Variant {
  name: string;
  command: string;
  args: string[];
}

const VARIANTS: Variant[] = [
  { name: "production: node (flags) dist/main.js", command: process.execPath, args: [...PRODUCTION_NODE_FLAGS, "dist/main.js"] },
  { name: "node dist/main.js, no flags", command: process.execPath, args: ["dist/main.js"] },
  { name: "before: tsx src/main.ts", command: path.join(ROOT, "node_modules/.bin/tsx"), args: ["src/main.ts"] },
];

interface Sample {
  healthyMs: number;
  readyMs: number;
  rssMb: number;
  processes: number;
}

/** Every process in the tree under pid (tsx runs node as a child). */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

async function measure(variant: Variant, apiUrl: string): Promise<Sample> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-bench-start-"));
  const databaseUrl = `file:${path.join(dir, "bot.db")}`;
  execFileSync(process.execPath, [path.join(ROOT, "scripts/prisma.js"), "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(variant.command, variant.args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-secret",
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: "http://localhost",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  try {
    const deadline = started + 30_000;
    if (!(await firstOk(`http://127.0.0.1:${port}/healthz`, deadline))) throw new Error(`${variant.name}: never healthy`);
    const healthyMs = performance.now() - started;
    if (!(await firstOk(`http://127.0.0.1:${port}/readyz`, deadline))) throw new Error(`${variant.name}: never ready`);
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const pids = tree(child.pid!);
    const rssMb = pids.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
    return { healthyMs, readyMs, rssMb, processes: pids.length };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "dist/main.js")))
    throw new Error("dist/main.js is missing: run `npm run build` first (npm run bench:start does)");
  const slack = new FakeSlack();
  await slack.start();
  const samples = new Map<string, Sample[]>(VARIANTS.map((v) => [v.name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const variant of VARIANTS) {
      const sample = await measure(variant, slack.apiUrl);
      samples.get(variant.name)!.push(sample);
      slack.reset();
      process.stderr.write(
        `round ${round} ${variant.name}: healthy ${sample.healthyMs.toFixed(0)} ms, ready ${sample.readyMs.toFixed(0)} ms, ${sample.rssMb.toFixed(1)} MB in ${sample.processes} process(es)\n`,
      );
    }
  }
  await slack.stop();
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, SQLite; medians of ${ROUNDS} starts\n`,
  );
  console.log("| Start | Processes | To healthy (ms) | To ready (ms) | Resident 1 s after ready (MB) |");
  console.log("|---|---:|---:|---:|---:|");
  for (const variant of VARIANTS) {
    const list = samples.get(variant.name)!;
    console.log(
      `| ${variant.name} | ${list[0].processes} | ${median(list.map((s) => s.healthyMs)).toFixed(0)} | ${median(list.map((s) => s.readyMs)).toFixed(0)} | ${median(list.map((s) => s.rssMb)).toFixed(1)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
