import type { CoverageMember, CoverageSummary, MembersPage, OrganisationGroup, OrganisationMembersPage } from "../domain/members/coverage";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  concat,
  context,
  divider,
  esc,
  LIMITS,
  lines,
  listWithMore,
  type Mrkdwn,
  md,
  personLink,
  plural,
  section,
} from "./blocks";
import { emailRefusalsButton } from "./emailRefusals";
import { ACTION, BLOCK } from "./ids";

/**
 * Block budget of a page (50 blocks a message): the summary, "not yet
 * represented", a divider, then per organisation at most this many sections
 * and a divider, then the page line and the pager: 3 + 10 × 4 + 2 = 45.
 */
const SECTIONS_PER_ORGANISATION = 3;
/** Members named per organisation; a larger one ends with "…and N more" (organisers come first, so they are named). */
export const MEMBERS_LISTED_PER_ORGANISATION = 50;
/** Room kept in each section for the "…and N more" line. */
const SECTION_BUDGET = LIMITS.sectionText - 100;
export const MISSING_LISTED = 20;

/** What the pager buttons (and "Back to all organisations") carry: the community and the page to show. */
export function membersPagerValue(page: Pick<MembersPage, "community">, to: number): string {
  return JSON.stringify({ c: page.community.id, p: to });
}

/**
 * What "See all" and one organisation's pager carry: the community, the
 * organisation's key, the page of its members, and the page of the whole list
 * to go back to. A key is at most "other:" and a folded 100-character name,
 * so the value stays far below Slack's 2000 characters.
 */
export function organisationPagerValue(communityId: string, key: string, page: number, from: number): string {
  return JSON.stringify({ c: communityId, o: key, p: page, b: from });
}

/** For App Home: "12 organisations, 6 professions  ·  Not yet represented: DWP, HMRC and 3 more". */
export function coverageLine(summary: CoverageSummary): Mrkdwn {
  const counts = md`${plural(summary.organisationCount, "organisation")}, ${plural(summary.professionCount, "profession")}`;
  if (!summary.missing.length) return counts;
  return md`${counts}  ·  Not yet represented: ${listWithMore(
    summary.missing.map((m) => esc(m.shortLabel)),
    { maxItems: 2 },
  )}`;
}

function summaryText(page: MembersPage): Mrkdwn {
  const { summary } = page;
  return concat(
    md`*Who is in ${esc(page.community.name)}*\n`,
    md`${plural(summary.memberCount, "member")} from ${plural(summary.organisationCount, "organisation")}, in ${plural(summary.professionCount, "profession")}.`,
  );
}

function missingText(summary: CoverageSummary): Mrkdwn {
  if (!summary.anyNamed) {
    return md`*Not yet represented*\nNo open problem names an organisation yet. When you log a problem, say which organisations it affects: those with no member show here.`;
  }
  if (!summary.missing.length)
    return md`*Not yet represented*\nNone: every organisation named on open problems and objectives has a member here. :tada:`;
  const missing = summary.missing.slice(0, MISSING_LISTED).map((m) => md`• ${esc(m.label)}: named on ${plural(m.problems, "problem")}`);
  const more = summary.missing.length - MISSING_LISTED;
  return concat(
    md`*Not yet represented* (${summary.missing.length}): organisations named on open problems and objectives with no member here yet. Invite someone from each with \`/community invite\`.\n`,
    md`${lines(missing)}${more > 0 ? md`\n…and ${more} more` : md``}`,
  );
}

function memberLine(m: CoverageMember): Mrkdwn {
  return md`• ${personLink(m)}  ·  ${esc(m.profession)}${m.organiser ? md`  ·  _organiser_` : md``}`;
}

/**
 * One organisation: its name and members, split across sections so none
 * passes 3000 characters, at most SECTIONS_PER_ORGANISATION of them; members
 * beyond what fits (or beyond MEMBERS_LISTED_PER_ORGANISATION) are counted,
 * and its heading then carries "See all N" (an accessory, so no extra block),
 * which opens the organisation's own pages; `from` is the page to come back to.
 */
export function organisationBlocks(group: OrganisationGroup, communityId: string, from: number): AnyBlock[] {
  const organisers = group.members.filter((m) => m.organiser).length;
  const heading = md`*${esc(group.label)}*  ·  ${plural(group.members.length, "member")}${organisers ? md`, ${plural(organisers, "organiser")}` : md``}`;
  const sections: Mrkdwn[] = [heading];
  let listed = 0;
  for (const member of group.members.slice(0, MEMBERS_LISTED_PER_ORGANISATION)) {
    const line = memberLine(member);
    const last = sections.length - 1;
    if (sections[last].length + 1 + line.length <= SECTION_BUDGET) sections[last] = md`${sections[last]}\n${line}`;
    else if (sections.length < SECTIONS_PER_ORGANISATION) sections.push(line);
    else break;
    listed++;
  }
  const more = group.members.length - listed;
  if (!more) return sections.map((text) => section(text));
  sections[sections.length - 1] = md`${sections[sections.length - 1]}\n…and ${plural(more, "more member", "more members")}`;
  const seeAll = button(
    `See all ${group.members.length}`,
    ACTION.membersOrganisation,
    organisationPagerValue(communityId, group.key, 0, from),
  );
  return sections.map((text, i) => section(text, i === 0 ? seeAll : undefined));
}

/**
 * One page of `/community members`: at most 10 organisations, 45 blocks. `emailRefusals`: for an organiser,
 * how many members' addresses refuse mail; the first page's summary then has the button to see them.
 */
export function membersMessage(page: MembersPage, emailRefusals = 0): BlockMessage {
  const { summary } = page;
  const text = md`Members of ${esc(page.community.name)}: ${plural(summary.memberCount, "member")} from ${plural(summary.organisationCount, "organisation")}`;
  // The button rides on the summary: no block of its own, so the page stays within its budget.
  const refusals = page.page === 0 && emailRefusals > 0;
  const blocks: AnyBlock[] = [
    section(
      refusals
        ? md`${summaryText(page)}
:warning: ${plural(emailRefusals, "member's email address", "members' email addresses")} cannot take email.`
        : summaryText(page),
      refusals ? emailRefusalsButton(page.community.id, emailRefusals) : undefined,
    ),
  ];
  // "Not yet represented" leads the first page; later pages are the rest of the list.
  if (page.page === 0) blocks.push(section(missingText(summary)));
  blocks.push(divider());
  if (!page.organisations.length) blocks.push(section(md`Nobody is a member of *${esc(page.community.name)}* yet.`));
  page.organisations.forEach((group, i) => {
    blocks.push(...organisationBlocks(group, page.community.id, page.page));
    if (i < page.organisations.length - 1) blocks.push(divider());
  });
  if (page.pageCount > 1) {
    const pager: object[] = [];
    if (page.page > 0) pager.push(button("Previous", ACTION.membersPrevious, membersPagerValue(page, page.page - 1)));
    if (page.page < page.pageCount - 1) pager.push(button("Next", ACTION.membersNext, membersPagerValue(page, page.page + 1)));
    blocks.push(context(md`Page ${page.page + 1} of ${page.pageCount}  ·  organisations with the most members first`));
    blocks.push(actions(BLOCK.membersPager, ...pager));
  }
  return { text, blocks };
}

/**
 * Lines joined into as few sections as hold them, each within SECTION_BUDGET.
 * A line is at most about 540 characters (a typed profession of 100 ampersands
 * escapes to 500), so every section takes at least five.
 */
function packLines(items: Mrkdwn[]): Mrkdwn[] {
  const sections: Mrkdwn[] = [];
  for (const line of items) {
    const last = sections.length - 1;
    if (last >= 0 && sections[last].length + 1 + line.length <= SECTION_BUDGET) sections[last] = md`${sections[last]}\n${line}`;
    else sections.push(line);
  }
  return sections;
}

/**
 * "See all" on /community members: one page of one organisation's members.
 * Block budget: at most 150 members at five or more a section is 30
 * sections, with the heading 31, then the page line and the buttons: 33.
 */
export function organisationMembersMessage(page: OrganisationMembersPage): BlockMessage {
  const community = esc(page.community.name);
  const text = md`Members of ${community} from ${esc(page.label)}: ${plural(page.total, "member")}`;
  const back = button("Back to all organisations", ACTION.membersBack, membersPagerValue(page, page.from));
  if (!page.total) {
    return {
      text,
      blocks: [
        section(md`Nobody from *${esc(page.label)}* is a member of *${community}* any more.`),
        actions(BLOCK.membersOrganisationPager, back),
      ],
    };
  }
  const heading = concat(
    md`*${esc(page.label)}* in *${community}*\n`,
    md`${plural(page.total, "member")}${page.organisers ? md`, ${plural(page.organisers, "organiser")}` : md``}: organisers first, then by profession.`,
  );
  const blocks: AnyBlock[] = packLines([heading, ...page.members.map(memberLine)]).map((t) => section(t));
  const shown = md`${page.first + 1}–${page.first + page.members.length} of ${page.total}`;
  blocks.push(
    context(
      page.pageCount > 1 ? md`Members ${shown}  ·  Page ${page.page + 1} of ${page.pageCount}` : md`All ${plural(page.total, "member")}`,
    ),
  );
  const buttons: object[] = [];
  const to = (p: number) => organisationPagerValue(page.community.id, page.key, p, page.from);
  if (page.page > 0) buttons.push(button("Previous", ACTION.membersOrganisationPrevious, to(page.page - 1)));
  if (page.page < page.pageCount - 1) buttons.push(button("Next", ACTION.membersOrganisationNext, to(page.page + 1)));
  buttons.push(back);
  blocks.push(actions(BLOCK.membersOrganisationPager, ...buttons));
  return { text, blocks };
}
