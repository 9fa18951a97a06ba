// Thin start-up: load config, build dependencies, start, and stop cleanly.
import "dotenv/config";
import { createApp } from "./app/createApp";
import { createLogger } from "./app/logger";
import { ConfigError, loadConfig, type Config } from "./config";
import { startMinuteClock } from "./scheduler/minuteClock";
import { createStore } from "./store";

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      // A readable message and no stack trace: this is the operator's first contact.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const store = createStore(config.databaseUrl);
  const running = createApp({ config, store, logger });
  const port = await running.start();
  const clock = startMinuteClock(() => running.tick(), running.runCoordinator, logger);
  logger.info(
    { port, mode: config.slackAppToken ? "socket" : "http", database: config.databaseUrl.startsWith("file:") ? "sqlite" : "postgresql" },
    config.slackAppToken ? "Service Communities is running in Socket Mode" : `Service Communities is listening on :${port}/slack/events`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: running.inFlight.size }, "stopping: finishing requests in flight");
    try {
      await clock.stop();
      await running.stop();
      await store.close();
      logger.info("stopped cleanly");
      logger.flush?.();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "error while stopping");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  process.stderr.write(`Service Communities could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
