// A community's digest: what is new since the last one, and where things stand.
// Each section is left out when empty; long ones end with "and N more" and the
// command that shows them all, so the message stays inside Block Kit's limits.
import { DIGEST_SECTION_ITEMS, type Digest } from "../domain/digests/digests";
import { organisationShortLabel } from "../domain/members/profiles";
import { dates, labels } from "../i18n";
import { findOrganisation } from "../reference/organisations";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
  header,
  joinMd,
  lines,
  link,
  type Mrkdwn,
  md,
  plural,
  section,
  userLink,
} from "./blocks";
import { objectiveLine } from "./charter";
import { digestLiveProjectBlocks } from "./digestLiveProjects";
import { digestOutcomeBlocks } from "./digestOutcomes";
import { ACTION, BLOCK } from "./ids";
import { journeyDigestText } from "./journey";
import { meetingWhen } from "./meetingCard";
import { voteCount } from "./problemCard";

function more(shown: number, total: number, command: Mrkdwn): Mrkdwn {
  return total > shown ? md`\n…and ${total - shown} more: \`${command}\`` : md``;
}

function organisationName(id: string): string {
  const o = findOrganisation(id);
  return o ? (o.abbreviation ? `${o.name} (${o.abbreviation})` : o.name) : id;
}

/**
 * The digest. `preview` marks the ephemeral /community digest answer; `viewerGetsDm`
 * (known only there) labels the DM button for the reader.
 */
export function digestMessage(digest: Digest, opts: { preview?: boolean; viewerGetsDm?: boolean } = {}): BlockMessage {
  const { community } = digest;
  const slug = esc(community.slug);
  const blocks: AnyBlock[] = [header(`${community.name}: digest`.slice(0, 150))];
  blocks.push(
    context(
      md`${opts.preview ? md`A preview, as it would be now. ` : md``}What is new since ${esc(dates.longDate(digest.since, community.timezone))}  ·  ${esc(labels.describeSchedule(community.digest, community.timezone))}`,
    ),
  );

  if (digest.newProblems.total) {
    const titles = digest.newProblems.items.map((p) => md`• ${esc(p.title)}`);
    blocks.push(
      section(
        md`*New problems* (${digest.newProblems.total})\n${lines(titles)}${more(titles.length, digest.newProblems.total, md`/community problems ${slug}`)}`,
      ),
    );
  }
  if (digest.topProblems.length) {
    const top = digest.topProblems.map((p) => md`• ${esc(p.title)}: ${voteCount(p.votes, p.organisations)}`);
    blocks.push(section(md`*Most-voted open problems*\n${lines(top)}\nAll of them: \`/community problems ${slug}\``));
  }
  if (digest.objectives.length) {
    const shown = digest.objectives.slice(0, DIGEST_SECTION_ITEMS);
    blocks.push(
      section(
        md`*Objectives*\n${lines(shown.map(objectiveLine))}${more(shown.length, digest.objectives.length, md`/community problems ${slug} objectives`)}`,
      ),
    );
  }
  if (digest.meetings.total) {
    const meetings = digest.meetings.items.map(
      ({ meeting, going, maybe }) => md`• *${esc(meeting.title)}*, ${meetingWhen(meeting)}: ${going} going, ${maybe} maybe`,
    );
    blocks.push(
      section(md`*Upcoming meetings*\n${lines(meetings)}${more(meetings.length, digest.meetings.total, md`/community meetings`)}`),
    );
  }
  blocks.push(...digestOutcomeBlocks(digest));
  blocks.push(...digestLiveProjectBlocks(digest));
  const journey = journeyDigestText(digest.journey, community.slug, DIGEST_SECTION_ITEMS);
  if (journey) blocks.push(section(journey));
  if (digest.shared.total) {
    const shared = digest.shared.items.map(
      (f) => md`• ${f.link ? link(f.link, esc(f.title)) : esc(f.title)}, from ${esc(organisationShortLabel(f))}`,
    );
    blocks.push(
      section(md`*Shared since last time*
${lines(shared)}${more(shared.length, digest.shared.total, md`/community findings ${slug}`)}`),
    );
  }
  if (digest.newMembers.total || digest.newOrganisations.length) {
    const parts: Mrkdwn[] = [];
    if (digest.newMembers.total) {
      const extra = digest.newMembers.total - digest.newMembers.items.length;
      parts.push(
        md`*New members* (${digest.newMembers.total}): ${joinMd(digest.newMembers.items.map(userLink), md`, `)}${extra > 0 ? md` and ${extra} more` : md``}`,
      );
    }
    if (digest.newOrganisations.length) {
      const shown = digest.newOrganisations.slice(0, 10).map((id) => esc(organisationName(id)));
      const extra = digest.newOrganisations.length - shown.length;
      parts.push(md`*Newly represented:* ${joinMd(shown, md`, `)}${extra > 0 ? md` and ${extra} more` : md``}`);
    }
    blocks.push(section(md`${lines(parts)}\nWho is in: \`/community members ${slug}\``));
  }
  if (digest.empty) blocks.push(section(md`Nothing new since the last digest, so none would be posted now.`));
  const label = opts.viewerGetsDm ? "Stop the digest by DM" : "Get the digest by DM";
  blocks.push(actions(BLOCK.digestActions, button(label, ACTION.digestDm, community.id)));
  return {
    text: md`${esc(community.name)} digest: ${plural(digest.newProblems.total, "new problem")}, ${plural(digest.meetings.total, "upcoming meeting")}`,
    blocks,
  };
}
