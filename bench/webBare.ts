// The floor for bench/web.ts: a bare Bolt HTTP receiver whose one custom route
// answers every GET with the same bytes the community page sends (the gzip file
// named by BENCH_BODY), so the difference from the real app is the page's own work:
// checking the address, reading the community, the cache, the headers. Prints
// {"port": n} when it listens; stops on SIGTERM.
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import HTTPReceiver from "@slack/bolt/dist/receivers/HTTPReceiver";

const body = fs.readFileSync(process.env.BENCH_BODY ?? "/dev/null");

async function main(): Promise<void> {
  const receiver = new HTTPReceiver({
    signingSecret: "bench",
    customRoutes: [
      {
        path: "/c/:community{/:slug}",
        method: ["GET"],
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": body.length });
          res.end(body);
        },
      },
    ],
  });
  const server = (await receiver.start(Number(process.env.PORT ?? 0))) as Server;
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  process.on("SIGTERM", () => void receiver.stop().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
