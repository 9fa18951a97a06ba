// The subcommands of /community, in the order help lists them. Adding one is
// one file plus one line here; help and "did you mean" follow automatically.
import type { HelpEntry } from "../../views/help";
import { create } from "./create";
import { digest } from "./digest";
import { help } from "./help";
import { info } from "./info";
import { join } from "./join";
import { leave } from "./leave";
import { list } from "./list";
import { meeting } from "./meeting";
import { meetings } from "./meetings";
import { problem } from "./problem";
import { problems } from "./problems";
import { settings } from "./settings";
import type { Subcommand } from "./subcommand";

export function subcommands(): Subcommand[] {
  return [help, create, list, info, join, leave, problem, problems, meeting, meetings, digest, settings];
}

export function helpEntries(): HelpEntry[] {
  return subcommands().map((s) => ({ usage: s.usage, summary: s.summary }));
}

export function findSubcommand(word: string): Subcommand | undefined {
  const w = word.toLowerCase();
  return subcommands().find((s) => s.name === w || s.aliases?.includes(w));
}
