// The digest's live projects: what organisations told the live-projects rounds
// since the last digest, the community's own rounds first and then each group's
// under the group's name (so a group's answers reach the whole community). Each
// place lists its first updates with "and N more", and counts the organisations
// that had nothing new. Written once as plain lines for the email and as mrkdwn
// for Slack, one section a place, so no section passes Slack's limit.
import { DIGEST_SECTION_ITEMS, type Digest } from "../domain/digests/digests";
import type { DigestLiveProjects, DigestUpdate } from "../domain/ports";
import { digestLiveProjectWords as words } from "../i18n";
import { type AnyBlock, context, esc, lines, type Mrkdwn, md, section, truncate } from "./blocks";
import { groupTitle } from "./groups";
import { domainMessage } from "./mrkdwn";
import { stateText } from "./round";

/** An update's title in the digest is cut to this; /community updates has it whole. */
const TITLE_MAX = 150;
const ORGANISATION_MAX = 80;

/**
 * The places shown, when anything was told since: the community's own, then its groups,
 * those with updates first, up to DIGEST_SECTION_ITEMS of them; and how many groups are left.
 */
function shown(digest: Digest): { places: DigestLiveProjects[]; moreGroups: number } {
  const { places, total } = digest.liveProjects;
  if (!total) return { places: [], moreGroups: 0 };
  const groups = places.filter((p) => p.group);
  const ranked = [...groups.filter((p) => p.total), ...groups.filter((p) => !p.total)];
  return {
    places: [...places.filter((p) => !p.group), ...ranked.slice(0, DIGEST_SECTION_ITEMS)],
    moreGroups: Math.max(0, ranked.length - DIGEST_SECTION_ITEMS),
  };
}

function placeName(place: DigestLiveProjects, digest: Digest): string {
  return place.group ? groupTitle(place.group.name) : digest.community.name;
}

/** "2 updates from 2 organisations; 1 organisation had nothing new" */
function counts(place: DigestLiveProjects): string {
  const parts = place.total ? [words.told(place.total, place.organisations)] : [];
  if (place.nothingNew) parts.push(words.nothingNew(place.nothingNew));
  return parts.join("; ");
}

function more(place: DigestLiveProjects): string[] {
  return place.total > place.items.length ? [words.moreUpdates(place.total - place.items.length)] : [];
}

function updateMd(update: DigestUpdate): Mrkdwn {
  // The catalogue's sentence around parts escaped here.
  return domainMessage(
    words.update(esc(truncate(update.title, TITLE_MAX)), esc(truncate(update.organisationName, ORGANISATION_MAX)), esc(stateText(update))),
  );
}

function updateText(update: DigestUpdate): string {
  return words.update(truncate(update.title, TITLE_MAX), truncate(update.organisationName, ORGANISATION_MAX), stateText(update));
}

/**
 * The digest's Slack sections: one per place, the first headed with the number of updates,
 * then a line with the groups not listed and the command that shows them all (a block of its
 * own, so a section long enough to be cut never cuts it).
 */
export function digestLiveProjectBlocks(digest: Digest): AnyBlock[] {
  const { places, moreGroups } = shown(digest);
  if (!places.length) return [];
  const blocks: AnyBlock[] = places.map((place, i) =>
    section(
      lines([
        ...(i === 0 ? [md`*${esc(words.heading)}* (${digest.liveProjects.total})`] : []),
        md`*${esc(placeName(place, digest))}*: ${esc(counts(place))}`,
        ...place.items.map((u) => md`• ${updateMd(u)}`),
        ...more(place).map((t) => md`• ${esc(t)}`),
      ]),
    ),
  );
  const all = md`All of them: \`/community updates ${esc(digest.community.slug)}\``;
  blocks.push(context(moreGroups > 0 ? md`…${esc(words.moreGroups(moreGroups))}. ${all}` : all));
  return blocks;
}

/** The same, as headings and lists for the email. */
export function digestLiveProjectParts(digest: Digest): Array<{ heading: string; items: string[] }> {
  const { places, moreGroups } = shown(digest);
  const parts = places.map((place) => ({
    heading: `${words.heading}: ${placeName(place, digest)}`,
    items: [counts(place), ...place.items.map(updateText), ...more(place)],
  }));
  if (moreGroups > 0) parts.at(-1)?.items.push(words.moreGroups(moreGroups));
  return parts;
}
