// What make-organiser, step-down and remove say: to the organiser who typed
// the command (one sentence a person named), in the community's channel, and
// to the person affected by DM.
import type { WebClient } from "@slack/web-api";
import type { PersonOutcome, PromotionOutcome, RemovalOutcome } from "../domain/members/roles";
import type { CommunityRecord } from "../domain/ports";
import type { Services } from "../services";
import { channelLink, concat, esc, listWithMore, type Mrkdwn, md, userLink } from "../views/mrkdwn";
import { stepsAfterAck } from "./afterAck";

/** "<@A>", "<@A> and <@B>", "<@A>, <@B> and <@C>". */
export function people(userIds: string[]): Mrkdwn {
  return listWithMore(userIds.map(userLink));
}

function stillOrganiserNote(community: CommunityRecord): Mrkdwn {
  return md`nothing changed, because you are no longer an organiser of *${esc(community.name)}*.`;
}

export function promotionLine(community: CommunityRecord, { userId, outcome }: PersonOutcome<PromotionOutcome>): Mrkdwn {
  const name = esc(community.name);
  const who = userLink(userId);
  switch (outcome) {
    case "promoted":
      return md`:star: ${who} is now an organiser of *${name}*.`;
    case "already_organiser":
      return md`${who} is already an organiser of *${name}*, so nothing changed.`;
    case "not_member":
      return md`${who} is not a member of *${name}*, so they cannot be made an organiser. Ask them to join first (\`/community join ${name}\`).`;
    case "forbidden":
      return md`${who}: ${stillOrganiserNote(community)}`;
  }
}

export function removalLine(community: CommunityRecord, { userId, outcome }: PersonOutcome<RemovalOutcome>): Mrkdwn {
  const name = esc(community.name);
  const who = userLink(userId);
  switch (outcome) {
    case "removed": {
      // Membership and the Slack channel are separate: only a channel manager can remove them there.
      const channel = community.slackChannelId
        ? md` They are still in ${channelLink(community.slackChannelId)}. Remove them there if needed.`
        : md``;
      return md`${who} has been removed from *${name}*.${channel}`;
    }
    case "self":
      return concat(
        md`You cannot remove yourself. To leave *${name}*, type \`/community leave ${name}\`. `,
        md`To stop being an organiser but stay a member, type \`/community step-down ${name}\`.`,
      );
    case "not_member":
      return md`${who} is not a member of *${name}*, so there is nothing to remove.`;
    case "last_organiser":
      return md`${who} is the last organiser of *${name}*, so they cannot be removed: a community needs at least one organiser.`;
    case "forbidden":
      return md`${who}: ${stillOrganiserNote(community)}`;
  }
}

/** Announces new organisers in the channel and tells each of them by DM. Best effort, after the ack. */
export async function tellPromoted(
  client: WebClient,
  services: Services,
  community: CommunityRecord,
  actorId: string,
  promoted: string[],
): Promise<void> {
  if (promoted.length === 0) return;
  const step = stepsAfterAck(services.logger.child({ communityId: community.id }));
  const name = esc(community.name);
  const channel = community.slackChannelId;
  if (channel) {
    const role = promoted.length === 1 ? md`an organiser` : md`organisers`;
    await step("announce new organisers", () =>
      client.chat.postMessage({ channel, text: md`:star: ${userLink(actorId)} made ${people(promoted)} ${role} of *${name}*.` }),
    );
  }
  for (const userId of promoted) {
    await step("tell a new organiser", () =>
      client.chat.postMessage({
        channel: userId,
        text: concat(
          md`:star: ${userLink(actorId)} made you an organiser of *${name}*. You can now change its settings (\`/community settings ${name}\`), `,
          md`make other members organisers and remove members. If you would rather not, type \`/community step-down ${name}\`.`,
        ),
      }),
    );
  }
}

/** Announces removals in the channel and tells each removed person by DM. Best effort, after the ack. */
export async function tellRemoved(
  client: WebClient,
  services: Services,
  community: CommunityRecord,
  actorId: string,
  removed: string[],
): Promise<void> {
  if (removed.length === 0) return;
  const step = stepsAfterAck(services.logger.child({ communityId: community.id }));
  const name = esc(community.name);
  const channel = community.slackChannelId;
  if (channel) {
    await step("announce removed members", () =>
      client.chat.postMessage({ channel, text: md`${userLink(actorId)} removed ${people(removed)} from *${name}*.` }),
    );
  }
  for (const userId of removed) {
    await step("tell a removed member", () =>
      client.chat.postMessage({
        channel: userId,
        text: md`${userLink(actorId)}, an organiser of *${name}*, has removed you from the community. If you think this is a mistake, talk to them: only an organiser can invite you back.`,
      }),
    );
  }
}

/** Announces in the channel that an organiser stepped down. Best effort, after the ack. */
export async function announceSteppedDown(
  client: WebClient,
  services: Services,
  community: CommunityRecord,
  actorId: string,
  organisers: string[],
): Promise<void> {
  const channel = community.slackChannelId;
  if (!channel) return;
  await stepsAfterAck(services.logger.child({ communityId: community.id }))("announce a step down", () =>
    client.chat.postMessage({
      channel,
      text: md`${userLink(actorId)} has stepped down as an organiser of *${esc(community.name)}* and stays a member. Its organisers now: ${people(organisers)}.`,
    }),
  );
}
