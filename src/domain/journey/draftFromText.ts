// A first draft of the journey from what members already wrote: each problem's
// free-text "where in the journey it bites", grouped so that "Registering the
// company", "registering the company." and "Registring the company" are one
// stage. The organiser edits the draft before any stage is made.
import { editDistance, nameKey } from "../common/text";

export interface DraftStage {
  /** What the group is known by (its folded text, cut short): the draft form carries it to its submission. */
  key: string;
  /** The words most of its problems used, as first typed. */
  title: string;
  problemIds: string[];
}

/** The most stages a draft offers: a journey longer than this is better typed by hand. */
export const DRAFT_STAGES_MAX = 20;
const KEY_MAX = 60;

/** Folded for comparison: case, spacing, punctuation and a plural "s" do not count. */
export function stageTextKey(text: string): string {
  return nameKey(text.replace(/[^\p{L}\p{N}\s]/gu, " "))
    .split(" ")
    .map((word) =>
      word.length > 4 && word.endsWith("ies")
        ? `${word.slice(0, -3)}y`
        : word.length > 3 && word.endsWith("s") && !word.endsWith("ss")
          ? word.slice(0, -1)
          : word,
    )
    .join(" ")
    .slice(0, KEY_MAX);
}

/** Close enough to be the same stage mistyped: a few letters apart, relative to its length. */
function near(a: string, b: string): boolean {
  const within = Math.max(1, Math.floor(Math.min(a.length, b.length) / 8));
  return editDistance(a, b, within) <= within;
}

/**
 * Groups the texts (in the order given, which is the order problems were
 * logged, so the draft starts in the order people met the stages) into at most
 * DRAFT_STAGES_MAX stages, the biggest kept when there are more.
 */
export function draftStages(texts: Array<{ problemId: string; stageText: string }>): DraftStage[] {
  const groups: Array<{ key: string; problemIds: string[]; spellings: Map<string, number>; first: number }> = [];
  texts.forEach(({ problemId, stageText: text }, index) => {
    const key = stageTextKey(text);
    if (!key) return;
    let group = groups.find((g) => g.key === key) ?? groups.find((g) => near(g.key, key));
    if (!group) {
      group = { key, problemIds: [], spellings: new Map(), first: index };
      groups.push(group);
    }
    group.problemIds.push(problemId);
    const spelling = text
      .trim()
      .replace(/\s+/g, " ")
      .replace(/[.;:,]+$/, "");
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
  });
  const kept = [...groups].sort((a, b) => b.problemIds.length - a.problemIds.length || a.first - b.first).slice(0, DRAFT_STAGES_MAX);
  return kept
    .sort((a, b) => a.first - b.first)
    .map((g) => {
      // The most used spelling; the first typed wins a tie (Map keeps insertion order).
      const [title] = [...g.spellings.entries()].reduce((best, next) => (next[1] > best[1] ? next : best));
      return { key: g.key, title: title.charAt(0).toUpperCase() + title.slice(1), problemIds: g.problemIds };
    });
}
