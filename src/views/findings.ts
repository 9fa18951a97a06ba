// Findings and outputs: the share form, the list (newest first, by stage if
// asked), and the short post in the channel when one is shared.
import type { View } from "@slack/types";
import { FINDING_LIMITS, FINDINGS_PAGE_SIZE, type FindingsPage } from "../domain/findings/findings";
import { organisationShortLabel } from "../domain/members/profiles";
import type { CommunityRecord, FindingRecord, MembershipRecord, StageRecord } from "../domain/ports";
import { dates } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
  joinMd,
  link,
  type Mrkdwn,
  md,
  option,
  plain,
  section,
  textInput,
  userLink,
} from "./blocks";
import { ACTION, CALLBACK, FINDING_BLOCK } from "./ids";

/** Slack's multi-select takes at most 100 options; a journey has at most 60 stages. */
const STAGE_OPTIONS_MAX = 100;

export function shareFindingModal(input: {
  community: CommunityRecord;
  stages: StageRecord[];
  from: MembershipRecord;
  privateMetadata: string;
}): View {
  const { community, stages, from } = input;
  const blocks: AnyBlock[] = [
    context(
      md`Share something you found or made with *${esc(community.name)}*: research findings, an experience map, a report, a board. Members see it in \`/community findings\`, by stage.`,
    ),
    textInput(FINDING_BLOCK.title, ACTION.input, "Title", {
      max: FINDING_LIMITS.titleMax,
      placeholder: "For example, Why people register with HMRC twice",
    }),
    textInput(FINDING_BLOCK.link, ACTION.input, "Link", {
      optional: true,
      hint: "Where people can read or see it, for example a report or a board. It must start with https://",
    }),
    textInput(FINDING_BLOCK.summary, ACTION.input, "Summary", {
      optional: true,
      multiline: true,
      max: FINDING_LIMITS.summaryMax,
      hint: "What you found, in a few sentences.",
    }),
  ];
  if (stages.length) {
    const options = stages.slice(0, STAGE_OPTIONS_MAX).map((s, i) => option(`${i + 1}. ${s.title}`, s.id));
    blocks.push({
      type: "input",
      block_id: FINDING_BLOCK.stages,
      optional: true,
      label: plain("Which stages of the journey is it about?"),
      element: { type: "multi_static_select", action_id: ACTION.input, options, placeholder: plain("Choose stages") },
    } as AnyBlock);
  }
  blocks.push({
    type: "input",
    block_id: FINDING_BLOCK.organisation,
    optional: true,
    label: plain("Which organisation is it from?"),
    hint: plain(`Leave it as it is if it is from ${organisationShortLabel(from)}.`, 150),
    element: {
      type: "external_select",
      action_id: ACTION.organisation,
      min_query_length: 0,
      placeholder: plain("Search organisations"),
      ...(from.organisation !== "other" ? { initial_option: option(organisationShortLabel(from), from.organisation) } : {}),
    },
  } as AnyBlock);
  blocks.push(
    textInput(FINDING_BLOCK.organisationOther, ACTION.input, "If you chose Other: the organisation's name", {
      optional: true,
      max: 100,
      initial: from.organisationOther ?? undefined,
    }),
  );
  return {
    type: "modal",
    callback_id: CALLBACK.shareFinding,
    title: plain("Share a finding", 24),
    submit: plain("Share"),
    close: plain("Cancel"),
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}

function findingBlock(finding: FindingRecord, zone: string): AnyBlock {
  const title = finding.link ? link(finding.link, esc(finding.title)) : esc(finding.title);
  const stages = finding.stages.length
    ? md`\nStages: ${joinMd(
        finding.stages.map((s) => md`${s.position + 1}. ${esc(s.title)}`),
        md`, `,
      )}`
    : md``;
  const summary = finding.summary ? md`\n${esc(finding.summary)}` : md``;
  return section(
    md`*${title}*${summary}${stages}\nFrom ${esc(organisationShortLabel(finding))}, shared by ${userLink(finding.createdBy)} on ${esc(dates.longDate(finding.createdAt, zone))}`,
  );
}

/** "Previous" and "Next" carry the community, the stage filter and the page. */
export function findingsPagerValue(page: FindingsPage, to: number): string {
  return JSON.stringify({ c: page.community.id, s: page.stage?.number ?? null, p: to });
}

export function findingsListMessage(page: FindingsPage): BlockMessage {
  const { community, stage } = page;
  const about = stage ? md` about stage ${stage.number}, ${esc(stage.title)}` : md``;
  const blocks: AnyBlock[] = [section(md`*Findings and outputs shared with ${esc(community.name)}*${about} (${page.total})`)];
  if (!page.items.length) {
    blocks.push(
      section(
        stage
          ? md`Nothing has been shared about this stage yet.`
          : md`Nothing has been shared yet. Share research findings, an experience map or a report, so others can build on it.`,
      ),
    );
  }
  for (const finding of page.items) blocks.push(findingBlock(finding, community.timezone));
  const buttons: object[] = [button("Share a finding", ACTION.openShareFinding, community.id, "primary")];
  if (page.page > 0) buttons.push(button("Previous", ACTION.findingsPrevious, findingsPagerValue(page, page.page - 1)));
  if (page.page < page.pageCount - 1) buttons.push(button("Next", ACTION.findingsNext, findingsPagerValue(page, page.page + 1)));
  blocks.push(actions(undefined, ...buttons));
  if (page.pageCount > 1) blocks.push(context(md`Page ${page.page + 1} of ${page.pageCount}, ${FINDINGS_PAGE_SIZE} a page.`));
  return { text: md`Findings shared with ${esc(community.name)}: ${page.total}`, blocks };
}

/** Posted in the community's channel when a member shares something. */
export function findingSharedMessage(community: CommunityRecord, finding: FindingRecord): BlockMessage {
  const text: Mrkdwn = md`${userLink(finding.createdBy)} shared a finding with *${esc(community.name)}*: ${esc(finding.title)}`;
  return { text, blocks: [section(text), findingBlock(finding, community.timezone)] };
}
