// A round's answers put together for its post: each organisation that told something
// (its updates, in the order told), those that said Nothing new, those asked that did
// not answer, and the same updates by the journey stage they touch. Pure: the post's
// reads are RoundService's, a fixed number of queries however large the round.
import type { ProjectUpdateRecord, RoundAskRecord } from "../ports";

export interface RoundOrganisation {
  key: string;
  label: string;
  /** Who was asked for it (person ids), if anyone. */
  asked: string[];
  /** What it told (Nothing new left out), in the order told. */
  updates: ProjectUpdateRecord[];
}

export interface StageUpdates {
  stage: { id: string; title: string; position: number };
  /** Each update touching the stage, with its organisation's name. */
  updates: Array<{ update: ProjectUpdateRecord; organisation: string }>;
}

export interface RoundSummary {
  /** Organisations that told something, by name. */
  told: RoundOrganisation[];
  /** Organisations that said Nothing new (and told nothing else), by name. */
  nothingNew: RoundOrganisation[];
  /** Organisations asked that have not answered, by name. */
  notAnswered: RoundOrganisation[];
  /**
   * Organisations whose members all take part by email and for which nobody was asked: none of
   * their addresses took meeting emails when the questions went (askWho.ts), or they joined since. By name.
   */
  notAsked: string[];
  /** Stages touched, in the journey's order, each with its updates. */
  byStage: StageUpdates[];
  /** Updates that name no stage. */
  noStage: number;
  updateCount: number;
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base" });

/**
 * `labels`: each organisation's name by key (the members' organisations, and any that
 * answered); `emailOnly`: the keys of organisations whose members all take part by email
 * (those asked by email are listed with the rest, by their answers).
 * The updates' stages are the journey's accepted ones, with their places in it.
 */
export function compileRound(input: {
  asks: RoundAskRecord[];
  updates: ProjectUpdateRecord[];
  labels: Map<string, string>;
  emailOnly: string[];
}): RoundSummary {
  const organisations = new Map<string, RoundOrganisation & { saidNothingNew: boolean }>();
  const of = (key: string, fallback: string) => {
    let found = organisations.get(key);
    if (!found) {
      found = { key, label: input.labels.get(key) ?? fallback, asked: [], updates: [], saidNothingNew: false };
      organisations.set(key, found);
    }
    return found;
  };
  for (const ask of input.asks) of(ask.organisation, ask.organisation).asked.push(ask.personId);
  for (const update of input.updates) {
    const organisation = of(update.organisation, update.organisationName);
    if (update.nothingNew) organisation.saidNothingNew = true;
    else organisation.updates.push(update);
  }
  const all = [...organisations.values()].sort((a, b) => collator.compare(a.label, b.label));
  const plain = ({ saidNothingNew: _, ...organisation }: RoundOrganisation & { saidNothingNew: boolean }) => organisation;
  const told = all.filter((o) => o.updates.length).map(plain);
  const stages = new Map<string, StageUpdates>();
  let noStage = 0;
  for (const organisation of told) {
    for (const update of organisation.updates) {
      if (!update.stages.length) noStage++;
      for (const stage of update.stages) {
        const entry = stages.get(stage.id) ?? { stage, updates: [] };
        entry.updates.push({ update, organisation: organisation.label });
        stages.set(stage.id, entry);
      }
    }
  }
  return {
    told,
    nothingNew: all.filter((o) => !o.updates.length && o.saidNothingNew).map(plain),
    notAnswered: all.filter((o) => !o.updates.length && !o.saidNothingNew && o.asked.length).map(plain),
    notAsked: input.emailOnly
      .filter((key) => !organisations.has(key))
      .map((key) => input.labels.get(key) ?? key)
      .sort((a, b) => collator.compare(a, b)),
    byStage: [...stages.values()].sort((a, b) => a.stage.position - b.stage.position),
    noStage,
    updateCount: told.reduce((n, o) => n + o.updates.length, 0),
  };
}
