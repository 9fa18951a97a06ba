// pino, wired in as Bolt's logger, so Bolt's own lines are structured JSON too.
import type { Logger as BoltLogger } from "@slack/bolt";
import { LogLevel } from "@slack/web-api";
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

/** What Bolt's receiver logs when a request's signature or timestamp does not check out. */
const REFUSED_REQUEST = /^Failed to (parse and )?verify/;

/** At most one note about refused requests a minute: a flood of forged requests must not flood the log. */
const REFUSED_NOTE_INTERVAL_MS = 60_000;

export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: "bolt" });
  let refusedSinceNote = 0;
  let lastNoteAt = Number.NEGATIVE_INFINITY;
  // Bolt's own line says "signature mismatch" but not which setting to check.
  const noteRefused = (message: string) => {
    refusedSinceNote++;
    const now = performance.now();
    if (now - lastNoteAt < REFUSED_NOTE_INTERVAL_MS) return;
    lastNoteAt = now;
    const stale = /timestamp|time/i.test(message);
    logger.warn(
      { component: "http", refused: refusedSinceNote, reason: message },
      stale
        ? "Refused a request whose timestamp is more than 5 minutes from this machine's clock. If Slack's own requests are refused, check the machine's clock (NTP)."
        : "Refused a request whose signature does not match SLACK_SIGNING_SECRET. Forged requests are refused this way; if Slack's own requests are refused, SLACK_SIGNING_SECRET is wrong: copy the Signing Secret from your Slack app's Basic Information page.",
    );
    refusedSinceNote = 0;
  };
  // Bolt logs several debug lines per request: skip the formatting when they are off.
  const log =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]) => {
      if (level === "warn" && typeof msg[0] === "string" && REFUSED_REQUEST.test(msg[0])) return noteRefused(msg.map(String).join(" "));
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
