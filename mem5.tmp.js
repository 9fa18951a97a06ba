require("v8").setFlagsFromString("--max-semi-space-size=1");
const mu = (l) => { const m = process.memoryUsage(); console.log(l, "rss", Math.round(m.rss/1e6), "heapTotal", Math.round(m.heapTotal/1e6), "used", Math.round(m.heapUsed/1e6), "ext", Math.round(m.external/1e6)); };
const { createStore } = require("./dist/store/index.js");
const { createApp } = require("./dist/app/createApp.js");
const pino = require("pino");
mu("modules");
(async () => {
  const store = createStore("file:/tmp/m1.db");
  const app = createApp({ config: { slackBotToken: "xoxb-1", slackSigningSecret: "x", slackApiUrl: "http://127.0.0.1:3997/api/", port: 0, publicUrl: "http://x", databaseUrl: "file:/tmp/m1.db", defaultTimezone: "Europe/London", logLevel: "silent" }, store, logger: pino({ level: "silent" }) });
  await app.start(); mu("started");
  await store.ping(); mu("first query");
  await store.pendingMigrations(); await store.outbox.oldestDuePending(new Date());
  await new Promise(r => setTimeout(r, 500));
  mu("settled");
  process.exit(0);
})();
