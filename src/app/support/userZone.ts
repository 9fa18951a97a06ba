// The zone a person's Slack client shows dates and times in. The meeting
// modal's date picker reads the wall time in that zone, so we need it to read
// the same wall time in the community's zone (see domain/meetings/meetingDraft.ts).
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { isValidTimezone } from "../../domain/common/timezones";

/** The person's zone from users.info, or `fallback` when Slack does not say. */
export async function userTimezone(client: WebClient, userId: string, fallback: string, logger: Logger): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    const zone = info.user?.tz;
    if (zone && isValidTimezone(zone)) return zone;
  } catch (error) {
    logger.warn({ err: error, userId }, "could not read a user's time zone; assuming the community's");
  }
  return fallback;
}
