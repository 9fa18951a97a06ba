// The reply to the journey's Export button: two links, each good for an hour,
// to files built from the journey as it is when the link is opened.
import type { CommunityRecord } from "../domain/ports";
import { type BlockMessage, context, esc, link, md, section } from "./blocks";

export function journeyExportsMessage(community: CommunityRecord, links: { stepByStep: string; landscape: string }): BlockMessage {
  const text = md`Exports of the journey of *${esc(community.name)}*`;
  return {
    text,
    blocks: [
      section(md`${text}:`),
      section(
        md`• ${link(links.stepByStep, md`Step by step draft (JSON)`)}: the stages in the shape of GOV.UK step by step navigation, for your content team to start from.\n• ${link(links.landscape, md`Service landscape (CSV)`)}: one row for each stage and organisation, with what the organisation does there and the open problems, objectives and members at that stage. It opens in Excel and LibreOffice.`,
      ),
      context(
        md`The links work for one hour, and only for this community's files. Anyone with a link can open it, so share the files, not the links.`,
      ),
    ],
  };
}
