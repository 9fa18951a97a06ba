// The README's command tables and the help say the same: every command help
// lists is in the README under the same topic, with the same usage, and the
// README lists no command that help does not.
import fs from "node:fs";
import path from "node:path";
import { helpEntries } from "../src/app/commands/registry";
import { HELP_TOPICS, TOPIC_DETAILS } from "../src/views/help";

/** Usages in the README's command tables, by the heading (a topic's title) they sit under. */
function readmeUsages(): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Commands\n"), readme.indexOf("\n## ", readme.indexOf("### Commands\n")));
  const byTopic = new Map<string, string[]>();
  let topic = "";
  for (const line of section.split("\n")) {
    const heading = /^#### (.+)$/.exec(line);
    if (heading) topic = heading[1];
    // A command's row starts with its usage in backticks; rows about buttons and menus do not.
    const usage = /^\| `(\/community[^`]*)`/.exec(line.replace(/\\\|/g, "|"));
    if (usage) byTopic.set(topic, [...(byTopic.get(topic) ?? []), usage[1]]);
  }
  return byTopic;
}

describe("the README's commands", () => {
  it("are the help's commands, topic by topic, with the same usage", () => {
    const readme = readmeUsages();
    const entries = helpEntries();
    for (const topic of HELP_TOPICS) {
      const title = TOPIC_DETAILS[topic].title;
      expect([title, [...(readme.get(title) ?? [])].sort()]).toEqual([
        title,
        entries
          .filter((e) => e.topic === topic)
          .map((e) => e.usage)
          .sort(),
      ]);
    }
    expect([...readme.keys()].sort()).toEqual(HELP_TOPICS.map((t) => TOPIC_DETAILS[t].title).sort());
  });
});
