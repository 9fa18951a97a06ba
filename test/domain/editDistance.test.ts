// The "did you mean" distance, bounded so that a request cannot make it grow:
// within its bound it agrees with the full table, outside it answers max + 1,
// and a huge input costs no more than its length difference to check.
import { prng } from "../../bench/shared";
import { suggestSubcommand } from "../../src/app/commands";
import { subcommands } from "../../src/app/commands/registry";
import { editDistance } from "../../src/domain/common/text";

/** The full-table distance the app used before it was bounded (insertions, deletions, substitutions, neighbour swaps). */
function fullTable(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** The suggestion as it was made before: the nearest of all names, if within a third of the word. */
function suggestedBefore(word: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const s of subcommands()) {
    for (const name of [s.name, ...(s.aliases ?? [])]) {
      const distance = fullTable(word.toLowerCase(), name);
      if (!best || distance < best.distance) best = { name: s.name, distance };
    }
  }
  return best && best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.name : undefined;
}

const random = prng(18);
const pick = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");

it("agrees with the full table within its bound, and says max + 1 beyond it", () => {
  for (let n = 0; n < 5000; n++) {
    // A small alphabet makes matches, swaps and near misses common.
    const a = pick("abcd", Math.floor(random() * 12));
    const b = random() < 0.3 ? a.split("").reverse().join("") : pick("abcd", Math.floor(random() * 12));
    const exact = fullTable(a, b);
    expect(editDistance(a, b)).toBe(exact);
    const max = Math.floor(random() * 8);
    expect([a, b, max, editDistance(a, b, max)]).toEqual([a, b, max, exact <= max ? exact : max + 1]);
  }
});

it("counts a swap of neighbours as one step", () => {
  expect(editDistance("lsit", "list", 1)).toBe(1);
  expect(editDistance("ca", "abc")).toBe(fullTable("ca", "abc"));
});

it("answers a huge input against a name at once, from the lengths alone", () => {
  const huge = "a".repeat(2_000_000);
  const started = performance.now();
  expect(editDistance(huge, "list", 3)).toBe(4);
  expect(editDistance("list", huge, 1000)).toBe(1001);
  expect(performance.now() - started).toBeLessThan(100);
});

it("works only in the band within the bound of two long, similar inputs (200 KB stalled the app for 4 s)", () => {
  const long = "ab".repeat(100_000);
  const started = performance.now();
  expect(editDistance(long, long.slice(1), 3)).toBe(1);
  expect(editDistance(`${long}x`, `${long}yz`, 2)).toBe(2);
  // Different from the start: the first row with nothing within the bound ends it.
  expect(editDistance(long, "b".repeat(200_000), 2)).toBe(3);
  expect(performance.now() - started).toBeLessThan(1500);
});

it("makes the same 'did you mean' suggestions as before for ordinary typos", () => {
  const names = subcommands().flatMap((s) => [s.name, ...(s.aliases ?? [])]);
  const letters = "abcdefghijklmnopqrstuvwxyz-";
  const typos = new Set<string>(["lsit", "hepl", "meetign", "problme", "frobnicate", "x", "", "settigns", "invtie", "grop", "memebrs"]);
  for (const name of names) {
    for (let i = 0; i <= name.length; i++) {
      typos.add(name.slice(0, i) + name.slice(i + 1)); // a letter left out
      typos.add(name.slice(0, i) + letters[Math.floor(random() * letters.length)] + name.slice(i)); // one too many
      typos.add(name.slice(0, i) + letters[Math.floor(random() * letters.length)] + name.slice(i + 1)); // one wrong
      if (i + 1 < name.length) typos.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)); // two swapped
    }
    typos.add(name.toUpperCase());
    typos.add(`${name}${name}`);
  }
  for (let n = 0; n < 300; n++) typos.add(pick(letters, 1 + Math.floor(random() * 14)));
  for (const typo of typos) expect([typo, suggestSubcommand(typo)]).toEqual([typo, suggestedBefore(typo)]);
});
