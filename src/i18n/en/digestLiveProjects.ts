// English: the digest's section on what organisations told the live-projects rounds
// since the last digest, the community's own and each group's.
import type { DigestLiveProjectWords } from "../catalogue";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const digestLiveProjectWords: DigestLiveProjectWords = {
  heading: "Live projects",
  told: (updates, organisations) => `${count(updates, "update")} from ${count(organisations, "organisation")}`,
  nothingNew: (organisations) => `${count(organisations, "organisation")} had nothing new`,
  update: (title, organisation, state) => `${title}, from ${organisation}: ${state}`,
  moreUpdates: (n) => `and ${count(n, "more update")}`,
  moreGroups: (n) => `and ${count(n, "more group")}`,
};
