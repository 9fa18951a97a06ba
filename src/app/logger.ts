// pino, wired in as Bolt's logger, so Bolt's own lines are structured JSON too.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: "service-communities" } }, destination);
}

const toPino: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: "bolt" });
  // Bolt logs several debug lines per request: skip the formatting when they are off.
  const log = (level: "debug" | "info" | "warn" | "error") => (...msg: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level](msg.map(String).join(" "));
  };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    setLevel: (level: LogLevel) => {
      child.level = toPino[level] ?? "info";
    },
    getLevel: () => (Object.entries(toPino).find(([, v]) => v === child.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
