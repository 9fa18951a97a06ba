// /community journey: the community's service journey as numbered stages, in
// the shape of GOV.UK step-by-step navigation. Each stage says who owns it,
// what is wrong there (open problems and objectives, the most-voted named),
// who in the community works on it, its next meeting and latest finding, and
// warns where help is missing.
// Organisers shape it from here; members suggest stages and say which they
// work on.
import type { JourneyPage, JourneyStage } from "../domain/journey/journey";
import type { JourneySummary, StageNote } from "../domain/journey/summary";
import { organisationShortLabel } from "../domain/members/profiles";
import type { StageOwnerRecord, StageRecord } from "../domain/ports";
import { dates } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  divider,
  esc,
  header,
  LIMITS,
  lines,
  link,
  listWithMore,
  type Mrkdwn,
  md,
  option,
  plural,
  section,
  truncate,
  userLink,
} from "./blocks";
import { ACTION, BLOCK } from "./ids";

/** Suggestions an organiser sees on the journey's first page, each with Accept and Dismiss (two blocks each). */
export const SUGGESTIONS_SHOWN = 3;
/** Organisations named in a line before "and N more". */
const NAMED = 3;

/** What the pager, "Back to the journey" and the buttons that redraw it carry: the community and the page. */
export function journeyPagerValue(communityId: string, page: number): string {
  return JSON.stringify({ c: communityId, p: page });
}

/** What a stage's menu and its removal carry: the stage, what to do, and the page to redraw. */
export function stageChoiceValue(stageId: string, what: "edit" | "up" | "down" | "remove", page: number): string {
  return JSON.stringify({ s: stageId, do: what, p: page });
}

/** What a suggestion's Accept and Dismiss, and a confirmed removal, carry: the stage, and the page to redraw. */
export function stageValue(stageId: string, page: number): string {
  return JSON.stringify({ s: stageId, p: page });
}

/** "www.gov.uk/set-up-limited-company": a link as people read it, without its scheme. */
function shownUrl(url: string): string {
  return truncate(url.replace(/^https?:\/\//i, "").replace(/\/$/, ""), 60);
}

function names(list: StageOwnerRecord[], maxItems = 10): Mrkdwn {
  return listWithMore(
    list.map((o) => esc(organisationShortLabel(o))),
    { maxItems },
  );
}

/** "Owned by HMRC and Companies House" and "DWP delivers part of it", each on its line when there are any. */
function ownerLines(list: StageOwnerRecord[]): Mrkdwn[] {
  const owning = list.filter((o) => o.role === "owns");
  const delivering = list.filter((o) => o.role === "delivers");
  const out: Mrkdwn[] = [];
  if (owning.length) out.push(md`Owned by ${names(owning)}`);
  if (delivering.length) out.push(md`${names(delivering)} ${delivering.length === 1 ? md`delivers` : md`deliver`} part of it`);
  return out;
}

/** "DWP owns this stage but has no member in the community", in the words its roles need. */
function notRepresentedWarning(missing: StageOwnerRecord[]): Mrkdwn {
  const roles = new Set(missing.map((o) => o.role));
  const one = missing.length === 1;
  const does =
    roles.size > 1 ? md`own or deliver` : roles.has("owns") ? (one ? md`owns` : md`own`) : one ? md`delivers part of` : md`deliver part of`;
  return md`:warning: Warning: ${names(missing, NAMED)} ${does} this stage but ${one ? md`has` : md`have`} no member in the community. Invite someone with \`/community invite\`.`;
}

/** The organisers' menu on a stage: Move up and Move down only where the stage can go. */
function stageMenu(item: JourneyStage, total: number, page: number): object {
  const id = item.stage.id;
  return {
    type: "overflow",
    action_id: ACTION.stageMenu,
    options: [
      option("Edit", stageChoiceValue(id, "edit", page)),
      ...(item.number > 1 ? [option("Move up", stageChoiceValue(id, "up", page))] : []),
      ...(item.number < total ? [option("Move down", stageChoiceValue(id, "down", page))] : []),
      option("Remove", stageChoiceValue(id, "remove", page)),
    ],
  };
}

/** A stage's title, what the user does there, who owns it, its link, and its warnings. */
function stageText(item: JourneyStage): Mrkdwn {
  const { stage } = item;
  const parts: Mrkdwn[] = [md`*${item.number}. ${esc(stage.title)}*`];
  if (stage.description) parts.push(esc(stage.description));
  parts.push(...ownerLines(stage.owners));
  if (stage.link) parts.push(link(stage.link, esc(shownUrl(stage.link))));
  if (item.ownersNotRepresented.length) parts.push(notRepresentedWarning(item.ownersNotRepresented));
  if (item.problemsButNobody) parts.push(md`:warning: Warning: this stage has problems and nobody has said they work on it.`);
  const finding = item.latestFinding;
  if (finding) {
    const title = esc(truncate(finding.title, 100));
    parts.push(md`Latest finding: ${finding.link ? link(finding.link, title) : title} (\`/community findings ${item.number}\`)`);
  }
  const meeting = item.nextMeeting;
  if (meeting)
    parts.push(md`Next meeting: ${esc(truncate(meeting.title, 100))}, ${esc(dates.longDate(meeting.startsAt, meeting.timezone))}`);
  return lines(parts);
}

/** Its open problems and objectives (the most-voted named), and who works on it. */
function figuresText(item: JourneyStage): Mrkdwn {
  const f = item.figures;
  const counts: Mrkdwn[] = [];
  if (f.openProblems) counts.push(plural(f.openProblems, "open problem"));
  if (f.objectives) counts.push(plural(f.objectives, "objective"));
  const problems = counts.length ? listWithMore(counts) : md`No open problems`;
  // A problem nobody has voted for is not the most-voted one.
  const top = f.topProblem?.votes
    ? md`. Most votes: ${esc(truncate(f.topProblem.title, 100))} (${plural(f.topProblem.votes, "vote")})`
    : md``;
  const named = item.memberOrganisations.slice(0, NAMED).map((o) => esc(o));
  const rest = Math.max(0, f.memberOrganisationCount - named.length);
  const people = f.members
    ? md`${plural(f.members, "member works", "members work")} on it, from ${listWithMore(rest ? [...named, md`${rest} more`] : named)}`
    : md`Nobody has said they work on it yet`;
  return md`${problems}${top}\n${people}`;
}

function suggestionBlocks(stage: StageRecord, page: number): AnyBlock[] {
  const parts: Mrkdwn[] = [md`*${esc(stage.title)}*, suggested by ${userLink(stage.createdBy)}`];
  if (stage.description) parts.push(esc(stage.description));
  parts.push(...ownerLines(stage.owners));
  if (stage.link) parts.push(link(stage.link, esc(shownUrl(stage.link))));
  return [
    section(lines(parts)),
    actions(
      undefined,
      button("Accept", ACTION.acceptStage, stageValue(stage.id, page), "primary"),
      button("Dismiss", ACTION.dismissStage, stageValue(stage.id, page)),
    ),
  ];
}

/** The buttons under the journey: the pager, then what the viewer can do. */
function footerButtons(page: JourneyPage): object[] {
  const id = page.community.id;
  const buttons: object[] = [];
  if (page.page > 0) buttons.push(button("Previous", ACTION.journeyPrevious, journeyPagerValue(id, page.page - 1)));
  if (page.page < page.pageCount - 1) buttons.push(button("Next", ACTION.journeyNext, journeyPagerValue(id, page.page + 1)));
  if (page.viewerIsOrganiser) {
    if (page.canDraft) buttons.push(button("Draft from problems", ACTION.draftJourney, id, "primary"));
    buttons.push(button("Add a stage", ACTION.addStage, id, page.total || page.canDraft ? undefined : "primary"));
  } else if (page.viewerIsMember) buttons.push(button("Suggest a stage", ACTION.addStage, id));
  if (page.viewerIsMember && page.total) {
    buttons.push(button("Say which stages you work on", ACTION.memberStages, id));
    buttons.push(button("Export", ACTION.journeyExports, id));
  }
  if (!page.viewerIsMember) buttons.push(button("Join the community", ACTION.joinCommunity, id, "primary"));
  return buttons;
}

/** What a journey with no stages says, to each kind of reader. */
function emptyText(page: JourneyPage): Mrkdwn {
  const name = esc(page.community.name);
  const what = md`*${name}* has no journey yet.\nThe journey is the path a user takes through the service, stage by stage, in the order they meet them: for example Check what you need to do, Register the company, Register for tax. Each stage says which organisations own it, and the community ties its problems and people to stages, so everyone can see where users struggle and who can help.`;
  if (page.viewerIsOrganiser && page.canDraft)
    return md`${what}\n\nSome problems already say where in the journey they happen. Start from a draft of stages made from them: you can change or leave out any stage before it is saved.`;
  if (page.viewerIsOrganiser) return md`${what}\n\nAdd its stages in the order users meet them. Members can suggest stages too.`;
  if (page.viewerIsMember) return md`${what}\n\nOrganisers add its stages. Suggest one and an organiser can add it.`;
  return md`${what}\n\nJoin the community to suggest stages.`;
}

/**
 * One page of the journey. Block budget (50 a message): a notice, the header
 * and the lead, then per stage a section, a context and a divider (12 × 3),
 * then for organisers on the first page the suggestions' heading and three
 * suggestions of two blocks, then the page line and the buttons:
 * 3 + 36 + 7 + 2 = 48.
 */
export function journeyMessage(page: JourneyPage, opts: { notice?: Mrkdwn } = {}): BlockMessage {
  const { community } = page;
  const name = esc(community.name);
  const blocks: AnyBlock[] = [];
  if (opts.notice) blocks.push(section(opts.notice));
  blocks.push(header(`${community.name}: service journey`.slice(0, 150)));
  if (!page.total) {
    blocks.push(section(emptyText(page)));
  } else {
    const waiting = page.viewerIsOrganiser && page.suggestions ? md`  ·  ${plural(page.suggestions, "suggestion")} waiting` : md``;
    blocks.push(
      context(
        md`${plural(page.total, "stage")}, in the order users meet them: who owns each, its open problems, and who in the community works on it${waiting}`,
      ),
    );
    blocks.push(divider());
    for (const item of page.stages) {
      blocks.push(section(stageText(item), page.viewerIsOrganiser ? stageMenu(item, page.total, page.page) : undefined));
      blocks.push(context(figuresText(item)));
      blocks.push(divider());
    }
  }
  if (page.page === 0 && page.waiting.length) {
    const more = page.waiting.length - SUGGESTIONS_SHOWN;
    blocks.push(
      section(
        md`*Suggested stages waiting* (${page.waiting.length})\nAn accepted stage goes at the end of the journey: move it from its menu.${more > 0 ? md` Answer these to see the other ${more}.` : md``}`,
      ),
    );
    for (const stage of page.waiting.slice(0, SUGGESTIONS_SHOWN)) blocks.push(...suggestionBlocks(stage, page.page));
  }
  if (page.pageCount > 1) {
    const first = page.stages[0]?.number ?? 0;
    const last = page.stages.at(-1)?.number ?? 0;
    blocks.push(context(md`Stages ${first} to ${last} of ${page.total}  ·  Page ${page.page + 1} of ${page.pageCount}`));
  }
  const buttons = footerButtons(page);
  if (buttons.length) blocks.push(actions(BLOCK.journeyActions, ...buttons));
  const text = page.total ? md`The service journey of ${name}: ${plural(page.total, "stage")}` : md`${name} has no service journey yet`;
  return { text, blocks };
}

/** Asks an organiser before a stage goes: what happens to its problems and people. */
export function removeStageMessage(stage: StageRecord, number: number, page: number): BlockMessage {
  const title = esc(stage.title);
  return {
    text: md`Remove stage ${number}, ${title}?`,
    blocks: [
      section(
        md`*Remove stage ${number}, ${title}?*\nIts problems stay in the community and keep _${title}_ as where they happen, but are no longer tied to a stage. Members who said they work on it, and meetings that cover it, are no longer linked to it. You cannot undo this.`,
      ),
      actions(
        BLOCK.journeyActions,
        button("Remove stage", ACTION.removeStage, stageValue(stage.id, page), "danger"),
        button("Cancel", ACTION.journeyBack, journeyPagerValue(stage.communityId, page)),
      ),
    ],
  };
}

/** A stage as a choice in a picker: "3. Register for tax". */
export function stageOption(stage: Pick<StageRecord, "id" | "title">, number: number) {
  return option(truncate(`${number}. ${stage.title}`, LIMITS.optionText), stage.id);
}

/** "3. Register for tax", cut short for a line that names several. */
function noteName(note: StageNote): Mrkdwn {
  return md`${note.number}. ${esc(truncate(note.stage.title, 50))}`;
}

/** "3. Register for tax (2)": a stage with its new problems. */
function newProblemsAt(note: StageNote): Mrkdwn {
  return md`${noteName(note)} (${note.newProblems})`;
}

/** "2. Register the company (DWP, HMRC)": a stage with its organisations that have no member. */
function notRepresentedAt(note: StageNote): Mrkdwn {
  return md`${noteName(note)} (${listWithMore(
    note.notRepresented.map((o) => esc(o)),
    { maxItems: 2 },
  )})`;
}

/**
 * App Home's lines about a community's journey, inside its section (no block
 * of their own): how many stages, where new problems were logged since the
 * last digest, and which stages' organisations have no member yet. A
 * community with no journey prompts its organisers only.
 */
export function journeyHomeLines(summary: JourneySummary, opts: { slug: string; organiser: boolean }): Mrkdwn[] {
  if (!summary.stages) {
    return opts.organiser ? [md`*Journey:* no stages yet. Type \`/community journey ${esc(opts.slug)}\` to add them.`] : [];
  }
  const out: Mrkdwn[] = [];
  const waiting = opts.organiser && summary.suggestions ? md`, ${plural(summary.suggestions, "suggestion")} waiting` : md``;
  const fresh = summary.withNewProblems.length
    ? md`. New problems since the last digest at ${listWithMore(summary.withNewProblems.map(newProblemsAt), { maxItems: 3 })}`
    : md``;
  out.push(md`*Journey:* ${plural(summary.stages, "stage")}${waiting}${fresh}.`);
  if (summary.notRepresented.length)
    out.push(md`Not yet represented at ${listWithMore(summary.notRepresented.map(notRepresentedAt), { maxItems: 3 })}.`);
  return out;
}

/**
 * The digest's journey section: stages with new problems since the last
 * digest, stages not yet represented, and suggestions waiting. Null when
 * there is nothing to say.
 */
export function journeyDigestText(summary: JourneySummary, slug: string, itemsShown: number): Mrkdwn | null {
  const parts: Mrkdwn[] = [];
  const list = (notes: StageNote[], line: (n: StageNote) => Mrkdwn) => {
    const shown = notes.slice(0, itemsShown).map((n) => md`• ${line(n)}`);
    return notes.length > shown.length ? [...shown, md`…and ${notes.length - shown.length} more`] : shown;
  };
  if (summary.withNewProblems.length)
    parts.push(
      md`New problems by stage:
${lines(list(summary.withNewProblems, (n) => md`${noteName(n)}: ${plural(n.newProblems, "new problem")}`))}`,
    );
  if (summary.notRepresented.length)
    parts.push(
      md`Stages not yet represented:
${lines(
  list(
    summary.notRepresented,
    (n) =>
      md`${noteName(n)}: no member from ${listWithMore(
        n.notRepresented.map((o) => esc(o)),
        { maxItems: 3 },
      )}`,
  ),
)}`,
    );
  if (summary.suggestions)
    parts.push(md`${plural(summary.suggestions, "suggested stage is", "suggested stages are")} waiting for an organiser.`);
  if (!parts.length) return null;
  return md`*The journey*
${lines(parts)}
The whole journey: \`/community journey ${esc(slug)}\``;
}
