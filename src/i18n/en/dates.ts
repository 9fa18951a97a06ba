// Dates and times the GOV.UK way: "Tuesday 9 December 2026", "10am", "2:30pm",
// "midday", ranges with "to", and time zones in words ("UK time"), never an
// IANA name like Europe/London in running text. Plain text: views escape it.
import { DateTime } from "luxon";

/** "Tuesday 9 December 2026", in `zone`. */
export function longDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("cccc d LLLL yyyy");
}

/** "10am", "2:30pm", "midday", "midnight", in `zone`. */
export function clockTime(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  if (local.minute === 0 && local.hour === 12) return "midday";
  if (local.minute === 0 && local.hour === 0) return "midnight";
  const hour = local.hour % 12 === 0 ? 12 : local.hour % 12;
  const minutes = local.minute ? `:${String(local.minute).padStart(2, "0")}` : "";
  return `${hour}${minutes}${local.hour < 12 ? "am" : "pm"}`;
}

/** "UK time", "New York time", "UTC": a zone as people say it. */
export function zoneName(zone: string): string {
  if (zone === "Europe/London") return "UK time";
  if (zone === "UTC" || zone === "Etc/UTC" || zone === "Etc/GMT") return "UTC";
  const city = zone.split("/").pop() ?? zone;
  return `${city.replace(/_/g, " ")} time`;
}

/** "Tuesday 9 December 2026 at 2:30pm UK time". */
export function dateAndTime(at: Date, zone: string): string {
  return `${longDate(at, zone)} at ${clockTime(at, zone)} ${zoneName(zone)}`;
}
