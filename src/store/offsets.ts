// Reminder offsets are stored as comma-separated minutes ("10080,1440,60"):
// a plain string column works the same on SQLite and PostgreSQL.

export function offsetsFromText(text: string): number[] {
  return text
    .split(",")
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b - a);
}

export function offsetsToText(offsets: number[]): string {
  return [...new Set(offsets)].sort((a, b) => b - a).join(",");
}
