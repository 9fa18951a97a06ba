// The process: check the configuration, bring the schema up to date (with
// --migrate), start listening, check the tokens with Slack, then run the
// minute clock. It stops cleanly on SIGTERM or SIGINT. Expected failures (bad
// configuration, a token Slack refuses) end with one plain message and exit 1,
// never a stack trace.
//
// In production run the compiled build, `node dist/main.js`, as the container's
// or unit's command, so signals reach this process directly (see README).
import dotenv from "dotenv";
import { type Bot, compose } from "./compose";
import { type Config, ConfigError, loadConfig } from "./config";
import { createLogger, type Logger } from "./observability/logger";
import { startMinuteClock } from "./scheduler/minuteClock";
import { runPendingMigrations } from "./startup/migrate";
import { SlackCredentialsError } from "./startup/slackConnection";

dotenv.config({ quiet: true });

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    // A readable message and no stack trace: this is the operator's first contact.
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function databaseKind(config: Config): "sqlite" | "postgresql" {
  return config.databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
}

async function main(): Promise<void> {
  // Everything is checked before the database is touched: a bad DATABASE_URL never reaches Prisma.
  const config = readConfig();
  const logger: Logger = createLogger(config.logLevel);
  if (!config.publicUrlConfigured) {
    logger.warn(
      { publicUrl: config.publicUrl },
      `PUBLIC_URL is not set, so calendar links point at ${config.publicUrl}, which only works on this machine. Set PUBLIC_URL to the address people's browsers use to reach the bot.`,
    );
  }
  // SC_SKIP_WARMUP=1 is for bench:burst only, to measure what the warm-up buys.
  const running: Bot = compose({ config, logger, warmUp: process.env.SC_SKIP_WARMUP !== "1" });
  const { store } = running;
  if (process.argv.includes("--migrate")) {
    const applied = await runPendingMigrations(store, config.databaseUrl, logger);
    if (applied === null) {
      await store.close().catch(() => undefined);
      fail("Service Communities cannot start: the database migrations failed (see the messages above). Nothing was changed by the bot.");
    }
  }
  const port = await running.start();
  const mode = config.slackAppToken ? "socket" : "http";
  logger.info(
    { port, mode, database: databaseKind(config) },
    mode === "socket"
      ? `Service Communities is serving /healthz on :${port}; opening the Socket Mode connection`
      : `Service Communities is listening on :${port}/slack/events`,
  );

  let clock: ReturnType<typeof startMinuteClock> | undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: running.inFlight.size }, "stopping: finishing requests in flight");
    try {
      await clock?.stop();
      await running.stop();
      await store.close();
      logger.info("stopped cleanly");
      logger.flush?.();
      process.exit(exitCode);
    } catch (error) {
      logger.error({ err: error }, "error while stopping");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  try {
    const identity = await running.connect();
    if (stopping) return;
    clock = startMinuteClock(() => running.tick(), running.runCoordinator, logger);
    logger.info(
      { team: identity.team, teamId: identity.teamId, botUserId: identity.botUserId },
      `Connected to the Slack workspace ${identity.team}: ready`,
    );
  } catch (error) {
    if (stopping) return;
    if (error instanceof SlackCredentialsError) {
      logger.fatal({ variable: error.variable, slackError: error.slackError }, error.message);
      logger.flush?.();
      process.stderr.write(`${error.message}\n`);
      await shutdown("refused token", 1);
      return;
    }
    throw error;
  }
}

main().catch((error) => {
  process.stderr.write(`Service Communities could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
