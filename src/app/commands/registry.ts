// The subcommands of /community, in the order help lists them. Adding one is
// one file plus one line here; help and "did you mean" follow automatically.
import type { HelpEntry } from "../../views/help";
import { actions } from "./actions";
import { activity } from "./activity";
import { agenda } from "./agenda";
import { archive } from "./archive";
import { create } from "./create";
import { deleteCommunity } from "./delete";
import { digest } from "./digest";
import { edit } from "./edit";
import { findings } from "./findings";
import { group } from "./group";
import { groups } from "./groups";
import { helpCommand } from "./help";
import { info } from "./info";
import { invite } from "./invite";
import { join } from "./join";
import { journey } from "./journey";
import { leave } from "./leave";
import { list } from "./list";
import { makeOrganiser } from "./makeOrganiser";
import { meeting } from "./meeting";
import { meetings } from "./meetings";
import { members } from "./members";
import { messages } from "./messages";
import { page } from "./page";
import { problem } from "./problem";
import { problems } from "./problems";
import { reachOut } from "./reachOut";
import { removeMember } from "./removeMember";
import { settings } from "./settings";
import { stepDown } from "./stepDown";
import type { Subcommand } from "./subcommand";
import { unarchive } from "./unarchive";
import { updates } from "./updates";

const help = helpCommand(helpEntries);

export function subcommands(): Subcommand[] {
  return [
    help,
    create,
    list,
    info,
    join,
    leave,
    members,
    invite,
    reachOut,
    makeOrganiser,
    stepDown,
    removeMember,
    groups,
    group,
    problem,
    problems,
    findings,
    journey,
    meeting,
    meetings,
    agenda,
    actions,
    updates,
    activity,
    settings,
    messages,
    page,
    edit,
    digest,
    archive,
    unarchive,
    deleteCommunity,
  ];
}

export function helpEntries(): HelpEntry[] {
  return subcommands().map((s) => ({ name: s.name, usage: s.usage, summary: s.summary, topic: s.topic }));
}

export function findSubcommand(word: string): Subcommand | undefined {
  const w = word.toLowerCase();
  return subcommands().find((s) => s.name === w || s.aliases?.includes(w));
}
