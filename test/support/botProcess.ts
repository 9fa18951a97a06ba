// The real bot as an operator runs it: a child process of the compiled build
// (`node dist/main.js`, built once per jest run by globalSetup) or of `npm start`,
// with its JSON log lines and its stderr collected for the test to read.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export const ROOT = path.resolve(__dirname, "../..");

export interface BotProcess {
  child: ChildProcess;
  /** stdout lines (pino's JSON, and npm's own lines for `npm start`). */
  logs: string[];
  stderr: string[];
  exited: Promise<number | null>;
  /** Resolves with the first log entry that matches. */
  waitForLog(match: (entry: Record<string, any>) => boolean): Promise<Record<string, any>>;
}

export function startBot(
  env: Record<string, string>,
  opts: { command?: "node" | "npm start"; args?: string[]; cwd?: string } = {},
): BotProcess {
  const command = opts.command ?? "node";
  const [file, args] =
    command === "npm start" ? ["npm", ["start", "--silent"]] : [process.execPath, [path.join(ROOT, "dist/main.js"), ...(opts.args ?? [])]];
  const child = spawn(file, args, {
    cwd: opts.cwd ?? ROOT,
    // Only what the test gives: no developer's .env or shell settings leak in.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const stderr: string[] = [];
  const waiters: Array<{ match: (e: Record<string, any>) => boolean; resolve: (e: Record<string, any>) => void }> = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    logs.push(line);
    let entry: Record<string, any>;
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    for (const waiter of [...waiters]) {
      if (waiter.match(entry)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  });
  readline.createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    logs,
    stderr,
    exited,
    waitForLog(match) {
      const seen = logs.map((l) => {
        try {
          return JSON.parse(l);
        } catch {
          return null;
        }
      });
      const found = seen.find((e) => e && match(e));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`the bot exited (${code}) first:\n${logs.join("\n")}\n${stderr.join("\n")}`)));
      });
    },
  };
}

/** True when nothing listens on the port any more. */
export async function portClosed(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/healthz`);
    return false;
  } catch {
    return true;
  }
}
