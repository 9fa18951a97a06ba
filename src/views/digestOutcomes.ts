// The digest's meeting loop: what meetings decided since the last digest (a
// group's under the group's name, so groups feed back to the larger
// community), and the actions now overdue, with whose they are. Written once as
// plain lines for the email and as mrkdwn for Slack, each list cut short so a
// digest stays inside Block Kit's limits however much a meeting recorded.
import type { ActionOwner, Digest } from "../domain/digests/digests";
import type { ActionItemRecord, RecentOutcome } from "../domain/ports";
import { dates } from "../i18n";
import { type AnyBlock, esc, lines, type Mrkdwn, md, personLink, plural, section, truncate } from "./blocks";
import { groupTitle } from "./groups";
import { dueText } from "./outcomes";

/** Decisions and actions each outcome lists before "and N more". */
const SHOWN = 3;
/** A decision or action title in the digest is cut to this; the thread has it whole. */
const LINE_MAX = 150;

function heading(outcome: RecentOutcome): string {
  const when = dates.longDate(outcome.meeting.startsAt, outcome.meeting.timezone);
  return outcome.group ? `${groupTitle(outcome.group.name)}: ${outcome.meeting.title}, ${when}` : `${outcome.meeting.title}, ${when}`;
}

function andMore(shown: number, total: number, what: string): string[] {
  return total > shown ? [`and ${plural(total - shown, what)} more`] : [];
}

function ownerMd(ownerId: string, owners: Map<string, ActionOwner>): Mrkdwn {
  return personLink({ slackUserId: ownerId, displayName: owners.get(ownerId)?.displayName ?? null });
}

/** In an email a mention cannot be made: the name a member by email gave, or the owner's organisation. */
function ownerText(ownerId: string, owners: Map<string, ActionOwner>): string {
  const owner = owners.get(ownerId);
  if (!owner) return "a former member";
  return owner.displayName ?? `someone from ${owner.organisation}`;
}

function actionMd(action: ActionItemRecord, owners: Map<string, ActionOwner>): Mrkdwn {
  return md`${esc(truncate(action.title, LINE_MAX))}: ${ownerMd(action.ownerId, owners)}, due ${esc(dueText(action.dueOn))}`;
}

function actionText(action: ActionItemRecord, owners: Map<string, ActionOwner>): string {
  return `${truncate(action.title, LINE_MAX)}: ${ownerText(action.ownerId, owners)}, due ${dueText(action.dueOn)}`;
}

/** The digest's Slack sections: one per outcome (so none can pass a section's limit), then the overdue actions. */
export function digestOutcomeBlocks(digest: Digest): AnyBlock[] {
  const { outcomes, overdueActions, owners } = digest;
  const slug = esc(digest.community.slug);
  const blocks: AnyBlock[] = [];
  for (const [i, outcome] of outcomes.items.entries()) {
    const decisions = outcome.outcome.decisions;
    const said: Mrkdwn[] = [
      ...(i === 0 ? [md`*What meetings decided* (${outcomes.total})`] : []),
      md`*${esc(heading(outcome))}*`,
      ...decisions.slice(0, SHOWN).map((d) => md`• Decided: ${esc(truncate(d, LINE_MAX))}`),
      ...andMore(SHOWN, decisions.length, "decision").map((t) => md`• ${esc(t)}`),
      ...outcome.actions.slice(0, SHOWN).map((a) => md`• Action: ${actionMd(a, owners)}`),
      ...andMore(SHOWN, outcome.actions.length, "action").map((t) => md`• ${esc(t)}`),
    ];
    if (!decisions.length && !outcome.actions.length) said.push(md`• Notes recorded, no decisions or actions`);
    blocks.push(section(lines(said)));
  }
  if (outcomes.total > outcomes.items.length) {
    blocks.push(section(md`…and ${plural(outcomes.total - outcomes.items.length, "more meeting")}: see their threads.`));
  }
  if (overdueActions.total) {
    const items = overdueActions.items.map((a) => md`• ${actionMd(a, owners)}`);
    const more = overdueActions.total > items.length ? md`\n…and ${overdueActions.total - items.length} more` : md``;
    blocks.push(
      section(md`*Overdue actions* (${overdueActions.total})\n${lines(items)}${more}\nAll of them: \`/community actions ${slug} open\``),
    );
  }
  return blocks;
}

/** The same, as headings and lists for the email. */
export function digestOutcomeParts(digest: Digest): Array<{ heading: string; items: string[] }> {
  const { outcomes, overdueActions, owners } = digest;
  const out = outcomes.items.map((outcome) => ({
    heading: `Decided at ${heading(outcome)}`,
    items: [
      ...outcome.outcome.decisions.slice(0, SHOWN).map((d) => `Decided: ${truncate(d, LINE_MAX)}`),
      ...andMore(SHOWN, outcome.outcome.decisions.length, "decision"),
      ...outcome.actions.slice(0, SHOWN).map((a) => `Action: ${actionText(a, owners)}`),
      ...andMore(SHOWN, outcome.actions.length, "action"),
    ],
  }));
  if (overdueActions.total) {
    out.push({
      heading: "Overdue actions",
      items: [
        ...overdueActions.items.map((a) => actionText(a, owners)),
        ...andMore(overdueActions.items.length, overdueActions.total, "action"),
      ],
    });
  }
  return out;
}
