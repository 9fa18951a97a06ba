const { createStore } = require("./dist/store/index.js");
const { createApp } = require("./dist/app/createApp.js");
const pino = require("pino");
(async () => {
  const store = createStore("file:/tmp/m1.db");
  const app = createApp({ config: { slackBotToken: "xoxb-1", slackSigningSecret: "x", slackApiUrl: "http://127.0.0.1:3997/api/", port: 0, publicUrl: "http://x", databaseUrl: "file:/tmp/m1.db", defaultTimezone: "Europe/London", logLevel: "silent" }, store, logger: pino({ level: "silent" }) });
  await app.start(); await store.ping(); await store.pendingMigrations(); await store.outbox.oldestDuePending(new Date());
  await new Promise(r => setTimeout(r, 500));
  const m = process.memoryUsage(); console.log(process.execArgv.join(" ") || "(none)", "rss", Math.round(m.rss/1e6), "heapTotal", Math.round(m.heapTotal/1e6), "used", Math.round(m.heapUsed/1e6));
  process.exit(0);
})();
