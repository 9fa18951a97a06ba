// Dates and times the GOV.UK way, in one place: "Tuesday 9 December 2026",
// "10am", "2:30pm", "midday", ranges with "to" ("10am to 11am"), and time
// zones in words ("UK time", "New York time"), never an IANA name like
// Europe/London in running text. Plain text: views escape it.
//
// The bot writes every date and time itself, in a zone it names, rather than
// with Slack's date token (<!date^…^{time}|…>). Slack renders that token in each
// reader's zone but in Slack's own format ("Mar 10, 2026", "10:00 AM" or
// "10:00" by the reader's setting), without saying which zone, so it cannot
// meet the style guide, and a message that mixes a token with written times
// (a change DM's old and new times) would show two zones without naming
// either. So a time is shown in the zone it was set in (the meeting's, the
// community's), with the zone in words; a reader elsewhere can tell at once
// that it is not their own clock. A DM to someone whose zone the app has just
// read (the organiser who scheduled a meeting) adds their own time too.
import { DateTime } from "luxon";
import type { Dates } from "../catalogue";

function local(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-GB");
}

/** "Tuesday 9 December 2026", in `zone`. */
export function longDate(at: Date, zone: string): string {
  return local(at, zone).toFormat("cccc d LLLL yyyy");
}

/**
 * A date with no time of day (a target date from Slack's date picker, stored
 * as midnight UTC): "Tuesday 30 June 2026", the same for every reader.
 */
export function calendarDate(date: Date): string {
  return longDate(date, "UTC");
}

function hourText(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return "midday";
  if (minute === 0 && hour === 0) return "midnight";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const minutes = minute ? `:${String(minute).padStart(2, "0")}` : "";
  return `${twelve}${minutes}${hour < 12 ? "am" : "pm"}`;
}

/** "10am", "2:30pm", "midday", "midnight", in `zone`. */
export function clockTime(at: Date, zone: string): string {
  const time = local(at, zone);
  return hourText(time.hour, time.minute);
}

/** A wall-clock time stored as "HH:mm" (a digest's time): "09:00" is "9am", "12:00" is "midday". */
export function wallClock(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  return hourText(Number(match[1]), Number(match[2]));
}

/** Zones people name by their country rather than their city. */
const ZONE_NAMES: Readonly<Record<string, string>> = {
  "Europe/London": "UK time",
  "Europe/Dublin": "Irish time",
  UTC: "UTC",
  "Etc/UTC": "UTC",
  "Etc/GMT": "GMT",
};

/** "UK time", "New York time", "UTC": a zone as people say it. */
export function zoneName(zone: string): string {
  const named = ZONE_NAMES[zone];
  if (named) return named;
  const city = zone.split("/").pop() ?? zone;
  return `${city.replace(/_/g, " ")} time`;
}

/** "Tuesday 9 December 2026 at 2:30pm UK time". */
export function dateAndTime(at: Date, zone: string): string {
  return `${longDate(at, zone)} at ${clockTime(at, zone)} ${zoneName(zone)}`;
}

/**
 * "Tuesday 9 December 2026, 10am to 11am UK time"; one that ends on another
 * day says both: "Tuesday 9 December 2026 at 11pm to Wednesday 10 December 2026 at 1am UK time".
 */
export function timeSpan(start: Date, end: Date, zone: string): string {
  if (local(start, zone).hasSame(local(end, zone), "day")) {
    return `${longDate(start, zone)}, ${clockTime(start, zone)} to ${clockTime(end, zone)} ${zoneName(zone)}`;
  }
  return `${longDate(start, zone)} at ${clockTime(start, zone)} to ${longDate(end, zone)} at ${clockTime(end, zone)} ${zoneName(zone)}`;
}

/** "10am to 11am New York time": the same span on another clock, for a reader in `zone`. */
export function timeSpanOnly(start: Date, end: Date, zone: string): string {
  const sameDay = local(start, zone).hasSame(local(end, zone), "day");
  const from = clockTime(start, zone);
  const to = sameDay ? clockTime(end, zone) : `${clockTime(end, zone)} on ${longDate(end, zone)}`;
  return `${from} to ${to} ${zoneName(zone)}`;
}

/** "UTC+1", "UTC−5", "UTC+5:30", "UTC": a zone's offset from UTC at `at`. */
function offsetText(at: Date, zone: string): string {
  const minutes = local(at, zone).offset;
  if (minutes === 0) return "UTC";
  const sign = minutes > 0 ? "+" : "−";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/**
 * A choice in the time zone picker: the city, where it is and its offset now,
 * "London, Europe, UTC" or "New York, America, UTC−5" ("Buenos Aires, America,
 * Argentina, UTC−3"). Never the IANA name itself, which people do not write.
 */
export function zoneChoice(zone: string, at: Date): string {
  const parts = zone.split("/").map((part) => part.replace(/_/g, " "));
  const city = parts.pop() ?? zone;
  return [city, ...parts, offsetText(at, zone)].join(", ");
}

export const dates: Dates = { longDate, calendarDate, clockTime, wallClock, zoneName, dateAndTime, timeSpan, timeSpanOnly, zoneChoice };
