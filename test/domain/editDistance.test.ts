// The "did you mean" distance, bounded so that a request cannot make it grow:
// within its bound it agrees with the full table, outside it answers max + 1,
// and a huge input costs no more than its length difference to check.
import { prng } from "../../bench/shared";
import { suggestSubcommand } from "../../src/app/commands/notACommand";
import { subcommands } from "../../src/app/commands/registry";
import { editDistance } from "../../src/domain/common/text";

/** The full-table distance the app used before it was bounded (insertions, deletions, substitutions, neighbour swaps). */
function fullTable(a: string, b: string): number {
  // Math.min is read once: a global read inside jest's sandbox costs far more than in the app,
  // and this runs for every cell of about fifty thousand tables.
  const { min } = Math;
  const width = b.length + 1;
  const cells = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => i * width + j;
  for (let j = 0; j <= b.length; j++) cells[at(0, j)] = j;
  for (let i = 1; i <= a.length; i++) {
    cells[at(i, 0)] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cells[at(i, j)] = min(cells[at(i - 1, j)] + 1, cells[at(i, j - 1)] + 1, cells[at(i - 1, j - 1)] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cells[at(i, j)] = min(cells[at(i, j)], cells[at(i - 2, j - 2)] + 1);
    }
  }
  return cells[at(a.length, b.length)];
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

// The many cases of a test are checked by one expect on the list of those that disagree (empty,
// or each with what it should have been): jest's expect costs tens of microseconds a call, which
// ten thousand calls made a second of the suite's time.
it("agrees with the full table within its bound, and says max + 1 beyond it", () => {
  const disagreements: unknown[] = [];
  for (let n = 0; n < 5000; n++) {
    // A small alphabet makes matches, swaps and near misses common.
    const a = pick("abcd", Math.floor(random() * 12));
    const b = random() < 0.3 ? a.split("").reverse().join("") : pick("abcd", Math.floor(random() * 12));
    const exact = fullTable(a, b);
    const max = Math.floor(random() * 8);
    const bounded = exact <= max ? exact : max + 1;
    const got = { unbounded: editDistance(a, b), bounded: editDistance(a, b, max) };
    if (got.unbounded !== exact || got.bounded !== bounded) disagreements.push({ a, b, max, got, want: { unbounded: exact, bounded } });
  }
  expect(disagreements).toEqual([]);
});

it("counts a swap of neighbours as one step", () => {
  expect(editDistance("lsit", "list", 1)).toBe(1);
  expect(editDistance("ca", "abc")).toBe(fullTable("ca", "abc"));
});

it("answers a huge input against a name at once, from the lengths alone", () => {
  const huge = "a".repeat(2_000_000);
  const work = { cells: 0 };
  expect(editDistance(huge, "list", 3, work)).toBe(4);
  expect(editDistance("list", huge, 1000, work)).toBe(1001);
  // Counted, not timed: not one cell of the table was computed.
  expect(work.cells).toBe(0);
});

it("works only in the band within the bound of two long, similar inputs (200 KB stalled the app for 4 s)", () => {
  const long = "ab".repeat(100_000);
  // Counted, not timed: a band of 2 × bound + 1 cells a row, where the full table would be 200,000 × 200,000.
  const band = { cells: 0 };
  expect(editDistance(long, long.slice(1), 3, band)).toBe(1);
  expect(band.cells).toBeLessThanOrEqual(long.length * (2 * 3 + 1));
  const near = { cells: 0 };
  expect(editDistance(`${long}x`, `${long}yz`, 2, near)).toBe(2);
  expect(near.cells).toBeLessThanOrEqual((long.length + 1) * (2 * 2 + 1));
  // Different from the start: the first row with nothing within the bound ends it.
  const far = { cells: 0 };
  expect(editDistance(long, "b".repeat(200_000), 2, far)).toBe(3);
  // Nothing matches, so the row minimum passes the bound within bound + 2 rows of the band.
  expect(far.cells).toBeLessThanOrEqual((2 + 3) * (2 * 2 + 1));
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
  const changed = [...typos]
    .map((typo) => ({ typo, now: suggestSubcommand(typo), before: suggestedBefore(typo) }))
    .filter((s) => s.now !== s.before);
  expect(changed).toEqual([]);
});
