// What happens after someone becomes a member, whether they joined themselves
// or accepted an invitation: they are added to the channel, the channel hears
// who joined, and they get a welcome DM. Best effort, after the ack.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { isEmailPerson } from "../domain/members/people";
import { organisationLabel, professionLabel } from "../domain/members/profiles";
import type { CommunityRecord, MembershipRecord } from "../domain/ports";
import { channelLink, esc, type Mrkdwn, md, personLink, userLink } from "../views/mrkdwn";
import { stepsAfterAck } from "./afterAck";

/** "Companies House, User-centred design" */
export function memberDescription(membership: MembershipRecord): Mrkdwn {
  return md`${esc(organisationLabel(membership))}, ${esc(professionLabel(membership))}`;
}

export async function welcomeNewMember(
  client: WebClient,
  logger: Logger,
  community: CommunityRecord,
  membership: MembershipRecord,
  invitedBy?: string,
): Promise<void> {
  const step = stepsAfterAck(logger.child({ communityId: community.id }));
  const channel = community.slackChannelId;
  const userId = membership.slackUserId;
  // A member by email has no Slack account to add to the channel or to DM: the web page they joined on welcomes them.
  const bySlack = !isEmailPerson(userId);
  if (channel) {
    if (bySlack) await step("invite a new member", () => client.conversations.invite({ channel, users: userId }), ["already_in_channel"]);
    const how = invitedBy ? md`, invited by ${userLink(invitedBy)}` : md``;
    // Their organisation after a colon, not in brackets: its own name may carry an abbreviation in brackets.
    await step("announce a new member", () =>
      client.chat.postMessage({
        channel,
        text: md`:wave: ${personLink(membership)} joined the community${how}: ${memberDescription(membership)}.`,
      }),
    );
  }
  if (!bySlack) return;
  await step("welcome a new member", () =>
    client.chat.postMessage({
      channel: userId,
      text: md`Welcome to *${esc(community.name)}*.${channel ? md` The community talks in ${channelLink(channel)}.` : md``} Type \`/community info ${esc(community.name)}\` to read its charter.`,
    }),
  );
}
