import { IANAZone } from "luxon";

/** True for an IANA zone name that luxon (and so Intl) knows, e.g. Europe/London. */
export function isValidTimezone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

let cachedZones: string[] | undefined;

/** Every IANA zone this runtime knows, for the time-zone picker. */
export function allTimezones(): string[] {
  cachedZones ??= Intl.supportedValuesOf("timeZone");
  return cachedZones;
}

/** Zones whose name contains the query (spaces match underscores), best first. */
export function searchTimezones(query: string, limit = 100): string[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, "_");
  const zones = allTimezones();
  if (!q) return zones.slice(0, limit);
  const prefix: string[] = [];
  const contains: string[] = [];
  for (const zone of zones) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf("/") + 1);
    if (city.startsWith(q) || lower.startsWith(q)) prefix.push(zone);
    else if (lower.includes(q)) contains.push(zone);
  }
  return [...prefix, ...contains].slice(0, limit);
}
