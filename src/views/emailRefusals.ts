// Organisers' list of the members whose email address refuses mail (a bounce:
// an SMTP 5xx for the recipient, Notify's invalid address or a permanent-failure
// receipt), each with its address, since when and why, and "Email them again"
// for when the member has fixed it. Only organisers open it, so it may show
// addresses. Opened from /community members and from the organisers' alert.
import type { View } from "@slack/types";
import type { CommunityRecord, MembershipRecord } from "../domain/ports";
import { dates } from "../i18n";
import { type AnyBlock, button, context, esc, md, personLink, plain, plural, section, truncate } from "./blocks";
import { ACTION } from "./ids";

/** 40 refusals and the lines around them stay far inside a modal's 100 blocks. */
export const REFUSALS_SHOWN = 40;

/** What "Email them again" carries: the community and the member. */
export function liftRefusalValue(communityId: string, memberId: string): string {
  return JSON.stringify({ c: communityId, m: memberId });
}

/** The button that opens the list, for /community members and the alert; its text counts them when known. */
export function emailRefusalsButton(communityId: string, count?: number) {
  return button(count ? `Check email addresses (${count})` : "Check email addresses", ACTION.emailRefusals, communityId);
}

function refusalBlock(community: Pick<CommunityRecord, "id" | "timezone">, member: MembershipRecord): AnyBlock {
  const since = member.emailFailedAt ? dates.longDate(member.emailFailedAt, community.timezone) : "";
  const again = {
    ...button("Email them again", ACTION.liftEmailRefusal, liftRefusalValue(community.id, member.slackUserId)),
    confirm: {
      title: plain("Email them again?", 100),
      text: plain(
        `Only do this once ${truncate(member.email ?? "", 200)} has been fixed. If it still refuses mail, you will be told again.`,
        300,
      ),
      confirm: plain("Email them again", 30),
      deny: plain("Cancel", 30),
    },
  };
  return section(
    md`*${personLink(member)}*  ·  ${esc(member.email ?? "")}\nSince ${esc(since)}: ${esc(truncate(member.emailFailure ?? "", 500))}`,
    again,
  );
}

export function emailRefusalsModal(
  community: Pick<CommunityRecord, "id" | "name" | "timezone">,
  refused: MembershipRecord[],
  /** The member just emailed again, to say so at the top. */
  lifted?: MembershipRecord,
): View {
  const blocks: AnyBlock[] = [
    context(
      md`Members of *${esc(community.name)}* whose email address refuses mail. Nothing is emailed to them: members in Slack get there what they chose by email, members by email get nothing. Only organisers can see this.`,
    ),
  ];
  if (lifted) {
    blocks.push(
      section(md`:white_check_mark: ${personLink(lifted)} will be emailed again. If their address still refuses mail, you will be told.`),
    );
  }
  if (!refused.length) blocks.push(section(md`Every member's email address takes mail.`));
  for (const member of refused.slice(0, REFUSALS_SHOWN)) blocks.push(refusalBlock(community, member));
  if (refused.length > REFUSALS_SHOWN) blocks.push(context(md`…and ${plural(refused.length - REFUSALS_SHOWN, "more member")}.`));
  return {
    type: "modal",
    title: plain("Email addresses", 24),
    close: plain("Close", 24),
    blocks,
  } as View;
}
