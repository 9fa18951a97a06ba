// The charter as organisers change it: the edit form, the short announcement in
// the channel, and the history anyone can read.
import type { View } from "@slack/types";
import type { CharterChange, CharterField, CharterHistory, CharterRevision } from "../domain/communities/charterChanges";
import type { CommunityRecord, ContactMethodRecord } from "../domain/ports";
import { dates, labels } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  channelLink,
  context,
  esc,
  header,
  joinMd,
  lines,
  type Mrkdwn,
  md,
  plain,
  section,
  truncate,
  userLink,
} from "./blocks";
import { charterFieldBlocks } from "./createCommunityModal";
import { ACTION, CALLBACK } from "./ids";

/** What each field is called in the announcement and the history. */
const FIELD_NAMES: Record<CharterField, string> = {
  name: "name",
  service: "service",
  purpose: "aims",
  cadence: "how often it meets",
  contactMethods: "how members talk between meetings",
};

/** A value in the history is cut to this, so a revision of long aims stays readable and inside Slack's limits. */
const VALUE_SHOWN = 280;

export function editCharterModal(community: CommunityRecord, privateMetadata: string): View {
  return {
    type: "modal",
    callback_id: CALLBACK.editCharter,
    title: plain("Edit charter", 24),
    submit: plain("Save changes"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks: [
      context(
        md`Changes are saved in the charter's history and announced in ${channelLink(community.slackChannelId)}. The channel keeps its name.`,
      ),
      ...charterFieldBlocks({
        name: community.name,
        service: community.service,
        purpose: community.purpose,
        cadence: community.meetingCadence,
        contactMethods: community.contactMethods,
      }),
    ],
  } as View;
}

/** "name, aims and how often it meets" */
export function changedFieldsText(changes: CharterChange[]): string {
  const names = changes.map((c) => FIELD_NAMES[c.field]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : (names[0] ?? "");
}

/** Posted in the channel once a save changed something: who, which fields, and where to read more. */
export function charterChangedMessage(community: CommunityRecord, actorId: string, changes: CharterChange[]): BlockMessage {
  const rename = changes.find((c) => c.field === "name");
  const headline = rename
    ? md`${userLink(actorId)} renamed this community from *${esc(rename.from)}* to *${esc(rename.to)}*.`
    : md`${userLink(actorId)} changed the charter of *${esc(community.name)}*.`;
  const others = changes.filter((c) => c.field !== "name");
  const detail = others.length ? md` They changed its ${esc(changedFieldsText(others))}.` : md``;
  return {
    text: md`${headline}${detail}`,
    blocks: [
      section(md`${headline}${detail} Type \`/community info\` to read the charter.`),
      actions(undefined, button("Charter history", ACTION.charterHistory, community.id)),
    ],
  };
}

/** The ephemeral reply to the organiser who saved. */
export function charterSavedText(community: CommunityRecord, changes: CharterChange[]): Mrkdwn {
  if (!changes.length) return md`You saved the charter of *${esc(community.name)}* without changing anything, so nothing was announced.`;
  return md`You changed the charter of *${esc(community.name)}*: its ${esc(changedFieldsText(changes))}. The change is announced in ${channelLink(community.slackChannelId)} and saved in the charter's history.`;
}

function contactMethodsText(methods: ContactMethodRecord[]): string {
  if (!methods.length) return "none";
  return methods
    .map((m) => (m.link ? `${labels.contactMethods[m.kind].label} (${m.link})` : labels.contactMethods[m.kind].label))
    .join(", ");
}

function valueText(change: CharterChange, which: "from" | "to"): Mrkdwn {
  let text: string;
  if (change.field === "contactMethods") text = contactMethodsText(change[which]);
  else if (change.field === "cadence") text = labels.cadences[change[which]];
  else text = change[which] || "nothing";
  return esc(truncate(text.replace(/\s+/g, " "), VALUE_SHOWN));
}

function revisionBlock(revision: CharterRevision, zone: string): AnyBlock {
  const changes = revision.changes.map((c) => {
    const field = FIELD_NAMES[c.field];
    return md`• ${esc(field.charAt(0).toUpperCase() + field.slice(1))}: from “${valueText(c, "from")}” to “${valueText(c, "to")}”`;
  });
  return section(md`*${esc(dates.dateAndTime(revision.at, zone))}*, by ${userLink(revision.actorId)}\n${lines(changes)}`);
}

/** The charter's changes, newest first, ending with when and by whom it was started. */
export function charterHistoryMessage(history: CharterHistory): BlockMessage {
  const { community, revisions, total } = history;
  const zone = community.timezone;
  const blocks: AnyBlock[] = [header(`Charter history: ${community.name}`)];
  if (!revisions.length) blocks.push(section(md`Nobody has changed the charter since the community started.`));
  for (const revision of revisions) blocks.push(revisionBlock(revision, zone));
  const notes: Mrkdwn[] = [md`Started by ${userLink(community.createdBy)} on ${esc(dates.dateAndTime(community.createdAt, zone))}.`];
  if (total > revisions.length) notes.push(md`Showing the latest ${revisions.length} of ${total} changes.`);
  blocks.push(context(joinMd(notes, md` `)));
  return { text: md`Charter history: ${esc(community.name)}`, blocks };
}
