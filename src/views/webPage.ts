// A community's web page, as Slack messages mention it: its address and who can see it.
import type { CommunityRecord } from "../domain/ports";
import type { Message } from "./blocks";
import { concat, esc, link, type Mrkdwn, md } from "./mrkdwn";

/** "Web page: <link>, which only people with the link can see." */
export function webPageLine(community: Pick<CommunityRecord, "page">, address: string): Mrkdwn {
  const who = community.page.visibility === "public" ? md`anyone with the address can see it` : md`only people with the link can see it`;
  return md`Web page: ${link(address, esc(address))} (${who}).`;
}

/** `/community page`: the address to share with people outside Slack, and who can change it. */
export function webPageMessage(community: Pick<CommunityRecord, "name" | "page">, address: string): Message {
  const share =
    community.page.visibility === "public"
      ? md`Anyone with the address can see it.`
      : md`Only people with this link can see it: share it with people outside Slack who should see the community.`;
  return {
    text: concat(
      md`The web page of *${esc(community.name)}* shows its charter, objectives, problems, journey, meetings and who is in it: ${link(address, esc(address))}\n`,
      md`${share} Organisers can make it public, or give it a new address so that old links stop working, in \`/community settings\`.`,
    ),
  };
}
