// A community's digest: what is new since the last one, and where things stand.
// Each section is left out when empty; long ones end with "and N more" and the
// command that shows them all, so the message stays inside Block Kit's limits.
import { describeSchedule, DIGEST_SECTION_ITEMS, type Digest } from "../domain/digests";
import { findOrganisation } from "../reference/organisations";
import { actions, button, context, esc, header, plural, section, slackDate, userLink, type AnyBlock } from "./blocks";
import { objectiveLine } from "./charter";
import { ACTION, BLOCK } from "./ids";
import { meetingWhen } from "./meetingCard";

function more(shown: number, total: number, command: string): string {
  return total > shown ? `\n…and ${total - shown} more: \`${command}\`` : "";
}

function organisationName(id: string): string {
  const o = findOrganisation(id);
  return o ? (o.abbreviation ? `${o.name} (${o.abbreviation})` : o.name) : id;
}

/**
 * The digest. `preview` marks the ephemeral /community digest answer; `viewerGetsDm`
 * (known only there) labels the DM button for the reader.
 */
export function digestMessage(digest: Digest, opts: { preview?: boolean; viewerGetsDm?: boolean } = {}): { text: string; blocks: AnyBlock[] } {
  const { community } = digest;
  const slug = community.slug;
  const blocks: AnyBlock[] = [header(`${community.name}: digest`.slice(0, 150))];
  blocks.push(context(`${opts.preview ? "A preview, as it would be now. " : ""}What is new since ${slackDate(digest.since, "{date_short_pretty}")}  ·  ${esc(describeSchedule(community.digest, community.timezone))}`));

  if (digest.newProblems.total) {
    const lines = digest.newProblems.items.map((p) => `• ${esc(p.title)}`);
    blocks.push(section(`*New problems* (${digest.newProblems.total})\n${lines.join("\n")}${more(lines.length, digest.newProblems.total, `/community problems ${slug}`)}`));
  }
  if (digest.topProblems.length) {
    const lines = digest.topProblems.map((p) => `• ${esc(p.title)}: ${plural(p.votes, "vote")} from ${plural(p.organisations, "organisation")}`);
    blocks.push(section(`*Most-voted open problems*\n${lines.join("\n")}\nAll of them: \`/community problems ${slug}\``));
  }
  if (digest.objectives.length) {
    const shown = digest.objectives.slice(0, DIGEST_SECTION_ITEMS);
    blocks.push(section(`*Objectives*\n${shown.map(objectiveLine).join("\n")}${more(shown.length, digest.objectives.length, `/community problems ${slug} objectives`)}`));
  }
  if (digest.meetings.total) {
    const lines = digest.meetings.items.map(({ meeting, going, maybe }) => `• *${esc(meeting.title)}*, ${meetingWhen(meeting)}: ${going} going, ${maybe} maybe`);
    blocks.push(section(`*Upcoming meetings*\n${lines.join("\n")}${more(lines.length, digest.meetings.total, "/community meetings")}`));
  }
  if (digest.newMembers.total || digest.newOrganisations.length) {
    const parts: string[] = [];
    if (digest.newMembers.total) {
      const extra = digest.newMembers.total - digest.newMembers.items.length;
      parts.push(`*New members* (${digest.newMembers.total}): ${digest.newMembers.items.map(userLink).join(", ")}${extra > 0 ? ` and ${extra} more` : ""}`);
    }
    if (digest.newOrganisations.length) {
      const shown = digest.newOrganisations.slice(0, 10).map((id) => esc(organisationName(id)));
      const extra = digest.newOrganisations.length - shown.length;
      parts.push(`*Newly represented:* ${shown.join(", ")}${extra > 0 ? ` and ${extra} more` : ""}`);
    }
    blocks.push(section(`${parts.join("\n")}\nWho is in: \`/community info ${slug}\``));
  }
  if (digest.empty) blocks.push(section("Nothing new since the last digest, so none would be posted now."));
  const label = opts.viewerGetsDm ? "Stop the digest by DM" : "Get the digest by DM";
  blocks.push(actions(BLOCK.digestActions, button(label, ACTION.digestDm, community.id)));
  return { text: `${community.name} digest: ${plural(digest.newProblems.total, "new problem")}, ${plural(digest.meetings.total, "upcoming meeting")}`, blocks };
}
