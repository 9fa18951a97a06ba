// App replicas in processes of their own (test/support/replica.ts), for the tests
// that run three of them on one PostgreSQL database, and a way to stop them.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";

export interface Reply {
  ok: boolean;
  ran?: boolean;
  report?: { sent: number; claimed: number };
  error?: string;
}

export interface Replica {
  child: ChildProcess;
  ask(message: object): Promise<Reply>;
}

export function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = fork(path.join(__dirname, "replica.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env, REPLICA_NAME: name, NODE_OPTIONS: "" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", () => {
      resolve({
        child,
        ask: (message) =>
          new Promise<Reply>((done) => {
            child.once("message", (reply) => done(reply as Reply));
            child.send(message);
          }),
      });
    });
  });
}

/** "stop" closes the replica's database pool and exits: this waits for the exits, not for replies. */
export async function stopReplicas(replicas: Replica[] | undefined): Promise<void> {
  await Promise.all(
    (replicas ?? []).map(
      (r) =>
        new Promise<void>((resolve) => {
          r.child.once("exit", () => resolve());
          r.child.send({ cmd: "stop" });
        }),
    ),
  );
}
