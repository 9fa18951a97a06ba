// /community updates: the delivery timeline. One section a thing an organisation
// told the round about, the most recently changed first: where it stands now and,
// newest first, where it stood at each round before, so "in policy clearance since
// March" is there to see. Ten things a page, with Previous and Next. What a group's
// round was told is marked with the group's name.
import type { ProjectUpdateRecord } from "../domain/ports";
import type { TimelinePage } from "../domain/round/timeline";
import { dates } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
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
import { ACTION } from "./ids";
import { stateText } from "./round";

/** Rounds a thing's history shows before counting the rest. */
const HISTORY_SHOWN = 6;

export function updatesPagerValue(communityId: string, organisation: string | null, page: number): string {
  return JSON.stringify({ c: communityId, o: organisation, p: page });
}

function whenTold(update: ProjectUpdateRecord, zone: string): Mrkdwn {
  const day = esc(dates.longDate(update.createdAt, update.meeting?.timezone ?? zone));
  const told = update.meeting ? md`${day}, before ${esc(truncate(update.meeting.title, 80))}` : day;
  return update.group ? md`${told} (${esc(groupTitle(update.group.name))})` : told;
}

function historyLine(update: ProjectUpdateRecord, latestTitle: string, zone: string): Mrkdwn {
  const renamed = update.title !== latestTitle ? md` (told as “${esc(truncate(update.title, 100))}”)` : md``;
  return md`• ${esc(stateText(update))}${renamed}: ${whenTold(update, zone)}  ·  ${personLink({ slackUserId: update.answeredBy, displayName: update.answeredByName })}`;
}

export function updatesMessage(page: TimelinePage): BlockMessage {
  const { community, organisation } = page;
  const whose = organisation ? md`${esc(organisation.label)}'s live projects` : md`Live projects`;
  const paging = page.pageCount > 1 ? md`, page ${page.page + 1} of ${page.pageCount}` : md``;
  const blocks: AnyBlock[] = [section(md`*${whose} in ${esc(community.name)}* (${page.total})${paging}`)];
  if (!page.projects.length) {
    blocks.push(
      section(
        organisation
          ? md`${esc(organisation.label)} has not told the live-projects round about anything yet.`
          : md`No organisation has told the live-projects round about anything yet. Before each meeting the bot asks every organisation what it has changed, planned or cleared.`,
      ),
    );
  }
  for (const project of page.projects) {
    const [latest, ...earlier] = project.updates;
    if (!latest) continue;
    const stages = latest.stages.map((s) => esc(truncate(s.title, 60)));
    const body: Mrkdwn[] = [
      md`*${esc(truncate(latest.title, 150))}*  ·  ${esc(project.label)}`,
      historyLine(latest, latest.title, community.timezone),
      ...earlier.slice(0, HISTORY_SHOWN - 1).map((u) => historyLine(u, latest.title, community.timezone)),
    ];
    const older = earlier.length - (HISTORY_SHOWN - 1);
    if (older > 0) body.push(md`…and ${plural(older, "earlier update")}`);
    if (stages.length) body.push(md`Stages: ${listWithMore(stages, { maxItems: 5 })}`);
    blocks.push(section(lines(body)));
  }
  const pager: object[] = [];
  const key = organisation?.key ?? null;
  if (page.page > 0) pager.push(button("Previous", ACTION.updatesPrevious, updatesPagerValue(community.id, key, page.page - 1)));
  if (page.page < page.pageCount - 1) pager.push(button("Next", ACTION.updatesNext, updatesPagerValue(community.id, key, page.page + 1)));
  if (pager.length) blocks.push(actions(undefined, ...pager));
  if (!organisation && page.projects.length) {
    blocks.push(context(md`Add an organisation's name to see only its updates, for example \`/community updates HMRC\`.`));
  }
  return { text: md`${whose} in ${esc(community.name)}: ${page.total}`, blocks };
}
