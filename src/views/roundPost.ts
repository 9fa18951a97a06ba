// The round's post in the channel: how many organisations told what, who said
// nothing new and who did not answer (plainly, by name), the updates by stage of
// the journey, then each organisation's updates. Its lines are packed into as few
// sections as Slack allows (3,000 characters each, 50 blocks a message), so a round
// of 40 organisations and 400 answers is one message; what does not fit is counted,
// with the command that shows it all. A group's round names the group, as it may be
// posted in the community's channel (a group with no channel of its own).

import type { RoundSummary } from "../domain/round/compile";
import type { CompiledRound } from "../domain/round/round";
import {
  type AnyBlock,
  type BlockMessage,
  context,
  divider,
  esc,
  header,
  LIMITS,
  lines,
  listWithMore,
  type Mrkdwn,
  md,
  personLink,
  plural,
  section,
  truncate,
} from "./blocks";
import { groupTitle } from "./groups";
import { meetingName, stateText } from "./round";

/** Room kept in each section, and blocks kept for the closing line. */
const SECTION_ROOM = LIMITS.sectionText - 100;
const STAGES_NAMED = 3;

/** Lines packed into sections of at most SECTION_ROOM characters, at most `maxBlocks` of them; the lines left over are returned. */
function pack(all: Mrkdwn[], maxBlocks: number): { blocks: AnyBlock[]; left: number } {
  const blocks: AnyBlock[] = [];
  let current: Mrkdwn[] = [];
  let size = 0;
  let used = 0;
  for (const line of all) {
    if (size + line.length + 1 > SECTION_ROOM && current.length) {
      if (blocks.length + 1 >= maxBlocks) break;
      blocks.push(section(lines(current)));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
    used++;
  }
  if (current.length && blocks.length < maxBlocks) blocks.push(section(lines(current)));
  else used -= current.length;
  return { blocks, left: all.length - used };
}

function names(organisations: Array<{ label: string }>): Mrkdwn {
  // Named in full: a round has at most one line of each kind, and 40 organisations' names fit.
  return listWithMore(
    organisations.map((o) => esc(o.label)),
    { maxChars: 1400, noun: { one: "organisation" } },
  );
}

/** The one-line title the round puts on the meeting's agenda. */
export function roundAgendaTitle(summary: RoundSummary): string {
  const told = `${summary.updateCount} ${summary.updateCount === 1 ? "update" : "updates"} from ${summary.told.length} ${summary.told.length === 1 ? "organisation" : "organisations"}`;
  const missing = summary.notAnswered.length ? `, ${summary.notAnswered.length} did not answer` : "";
  return truncate(`Live projects: ${told}${missing} (see the post in the channel)`, 150);
}

export function roundPostMessage({ meeting, group, summary }: CompiledRound): BlockMessage {
  const { told, nothingNew, notAnswered, notAsked } = summary;
  const counts = md`*${plural(summary.updateCount, "update")}* from ${plural(told.length, "organisation")}`;
  const whose = group ? md` (${esc(groupTitle(group.name))})` : md``;
  // The group is named in full (it may be posted in the community's channel): a long meeting title gives way.
  const suffix = group ? ` (${groupTitle(group.name)})` : "";
  const title = `Live projects before ${truncate(meeting.title, 150 - "Live projects before ".length - suffix.length)}${suffix}`;
  const facts: Mrkdwn[] = [md`Before ${meetingName(meeting)}${whose}: ${counts}.`];
  if (nothingNew.length) facts.push(md`*Nothing new:* ${names(nothingNew)}.`);
  facts.push(notAnswered.length ? md`*Did not answer:* ${names(notAnswered)}.` : md`Every organisation asked has answered.`);
  if (notAsked.length)
    facts.push(md`*Not asked* (none of their members could be reached by email): ${listWithMore(notAsked.map(esc), { maxChars: 600 })}.`);
  const blocks: AnyBlock[] = [header(title), section(lines(facts))];
  if (!summary.updateCount) {
    blocks.push(
      context(
        md`Organisations tell the round what they have changed, planned or cleared. Type \`/community updates\` to see what they told before.`,
      ),
    );
    return { text: md`${esc(title)}: no updates this time`, blocks };
  }

  const stageLines = summary.byStage.map(({ stage, updates }) => {
    const from = [...new Set(updates.map((u) => u.organisation))];
    return md`• *${esc(truncate(stage.title, 100))}*: ${plural(updates.length, "update")} (${listWithMore(from.map(esc), { maxItems: 8 })})`;
  });
  if (summary.noStage) stageLines.push(md`• No stage named: ${plural(summary.noStage, "update")}`);
  const byStage = pack([md`*By stage*`, ...stageLines], 3);
  blocks.push(...byStage.blocks, divider());

  // Many updates share a state and an expected date: each wording is worked out once.
  const states = new Map<string, Mrkdwn>();
  const stateOf = (update: (typeof told)[number]["updates"][number]) => {
    const key = `${update.state}|${update.expectedOn}`;
    const known = states.get(key);
    if (known) return known;
    const text = esc(stateText(update));
    states.set(key, text);
    return text;
  };
  const orgLines: Mrkdwn[] = [];
  for (const organisation of told) {
    orgLines.push(md`*${esc(organisation.label)}*`);
    for (const update of organisation.updates) {
      const stages = update.stages.map((s) => esc(truncate(s.title, 60)));
      const about = stages.length ? md`  ·  ${listWithMore(stages, { maxItems: STAGES_NAMED })}` : md``;
      orgLines.push(
        md`• ${esc(truncate(update.title, 150))}: ${stateOf(update)}${about}  ·  ${personLink({ slackUserId: update.answeredBy, displayName: update.answeredByName })}`,
      );
    }
  }
  // Every block left but the closing line's.
  const byOrganisation = pack(orgLines, LIMITS.messageBlocks - blocks.length - 1);
  blocks.push(...byOrganisation.blocks);
  const hiddenUpdates = orgLines.slice(orgLines.length - byOrganisation.left).filter((l) => l.startsWith("•")).length;
  blocks.push(
    context(
      hiddenUpdates
        ? md`…and ${plural(hiddenUpdates, "more update")} that did not fit here. Type \`/community updates\` in the channel to see every organisation's updates over time.`
        : md`Type \`/community updates\` in the channel to see every organisation's updates over time.`,
    ),
  );
  return { text: md`${esc(title)}: ${counts}`, blocks };
}
