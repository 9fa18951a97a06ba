// The serving half of npm run bench:web (bench/web.ts): the production build and a
// bare Bolt receiver as child processes, and an open loop of page views at each.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { CommunityPageLinks } from "../src/web/communityPageLinks";
import { firstOk, freePort, PRODUCTION_NODE_FLAGS } from "./shared";

const ROOT = path.resolve(__dirname, "..");
export const RATE = Number(process.env.BENCH_RATE ?? 200);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface LoadResult {
  requests: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
  /** The server process's CPU (user + system) per page view, in ms. */
  cpuPerView: number;
  /** Why the failed ones failed, by reason. */
  failures: Record<string, number>;
}

function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime, fields 14 and 15 of stat (11 and 12 after the command's name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Part 2: an open loop of RATE views a second for SECONDS at `url`, served by process `pid`. */
async function load(url: string, pid: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const failures = new Map<string, number>();
  const fail = (why: string) => {
    failures.set(why, (failures.get(why) ?? 0) + 1);
    return false;
  };
  // As a browser does, a request on a kept-alive connection the server had just closed
  // (idle for its 5 s) is sent again: that is not the page failing.
  const get = (retries = 3): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const request = http.get(url, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
        });
        res.on("end", () => resolve(res.statusCode === 200 && size > 1000 ? true : fail(`HTTP ${res.statusCode}`)));
        res.on("error", (error) => resolve(fail(error.message)));
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (retries > 0 && request.reusedSocket && error.code === "ECONNRESET") resolve(get(retries - 1));
        else resolve(fail(error.code ?? error.message));
      });
    });
  // A second's worth first, so the connections are open and the cache is warm, as on a page in use.
  await Promise.all(Array.from({ length: 20 }, () => get()));
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const cpuBefore = processCpuMs(pid);
  const start = performance.now() + 20;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      get().then((ok) => {
        if (!ok) failed++;
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  const cpu = processCpuMs(pid) - cpuBefore;
  agent.destroy();
  latencies.sort((x, y) => x - y);
  return {
    requests: total,
    failed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    cpuPerView: cpu / total,
    failures: Object.fromEntries(failures),
  };
}

function startChild(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export async function serve(databaseUrl: string, communityId: string, apiUrl: string, linkSecret: string) {
  const port = await freePort();
  const app = startChild([...PRODUCTION_NODE_FLAGS, "dist/main.js"], {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench",
    SLACK_API_URL: apiUrl,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: "http://localhost",
    LINK_SECRET: linkSecret,
    LOG_LEVEL: "warn",
  });
  const links = new CommunityPageLinks("http://localhost", linkSecret);
  const address = `http://127.0.0.1:${port}${links.path({ id: communityId, slug: "starting-a-business", page: { visibility: "link_only", version: 0 } })}`;
  try {
    if (!(await firstOk(`http://127.0.0.1:${port}/readyz`, performance.now() + 60_000))) throw new Error("the app never became ready");
    const body = path.join(os.tmpdir(), `sc-bench-web-${process.pid}.html`);
    const res = await fetch(address);
    if (res.status !== 200) throw new Error(`the page answered ${res.status}`);
    // The same bytes the app sends a browser that takes gzip (as every browser does).
    fs.writeFileSync(body, gzipSync(await res.text()));
    // In this process (--import), not tsx's own child, so /proc reads the server's CPU.
    const bare = startChild([...PRODUCTION_NODE_FLAGS, "--import", "tsx", "bench/webBare.ts"], { BENCH_BODY: body });
    try {
      const barePort = await new Promise<number>((resolve, reject) => {
        bare.stdout!.once("data", (line: Buffer) => resolve(JSON.parse(String(line)).port));
        bare.once("exit", () => reject(new Error("the bare server stopped")));
      });
      const bareAddress = `http://127.0.0.1:${barePort}/c/x/starting-a-business`;
      // Bare, app, bare, app: each twice, so load from elsewhere falls on both; the bare pair is the A/A.
      const bare1 = await load(bareAddress, bare.pid!);
      const app1 = await load(address, app.pid!);
      const bare2 = await load(bareAddress, bare.pid!);
      const app2 = await load(address, app.pid!);
      return { app: [app1, app2], bare: [bare1, bare2], gzipBytes: fs.statSync(body).size };
    } finally {
      await stop(bare);
      fs.rmSync(body, { force: true });
    }
  } finally {
    await stop(app);
  }
}
