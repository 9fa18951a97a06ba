// "Did you mean …?" for a community or group name that matches none: the
// nearest names (the catalogue, src/i18n, says how they are offered).
import { editDistance, nameKey } from "./text";

/** Names within a small edit distance of the typed name's key, nearest first. */
export function closestByName<T extends { name: string }>(all: T[], key: string): T[] {
  const within = Math.max(2, Math.floor(key.length / 4));
  return all
    .map((item) => ({ item, d: editDistance(nameKey(item.name), key, within) }))
    .filter(({ d }) => d <= within)
    .sort((a, b) => a.d - b.d)
    .map(({ item }) => item);
}

/** The names to offer: up to three of the candidates, nearest first. */
export function suggestedNames(candidates: Array<{ name: string }>): string[] {
  return candidates.slice(0, 3).map((c) => c.name);
}
