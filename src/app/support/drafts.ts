// The invitation and reach-out drafts, written for the person asking for them:
// the domain knows their organisation and role and the community's state; only
// Slack knows their name and the channel's name, which are read here. A draft
// without them is still a good draft, so a refusal from Slack costs only those words.
import type { WebClient } from "@slack/web-api";
import type { CommunityRecord } from "../../domain/ports";
import { prose } from "../../i18n";
import type { DraftWriter } from "../../i18n/catalogue";
import type { Services } from "../../services";

async function slackName(client: WebClient, userId: string, services: Services): Promise<string | null> {
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.profile?.real_name || user?.real_name || user?.profile?.display_name || null;
  } catch (error) {
    services.logger.warn({ err: error, userId }, "could not read a writer's name for a draft");
    return null;
  }
}

async function channelName(client: WebClient, channelId: string | null, services: Services): Promise<string | null> {
  if (!channelId) return null;
  try {
    return (await client.conversations.info({ channel: channelId })).channel?.name ?? null;
  } catch (error) {
    services.logger.warn({ err: error, channelId }, "could not read a channel's name for a draft");
    return null;
  }
}

async function writerOf(client: WebClient, services: Services, community: CommunityRecord, writerId: string) {
  const [context, name] = await Promise.all([
    services.invitations.draftContext(community, writerId),
    slackName(client, writerId, services),
  ]);
  const writer: DraftWriter = { name, ...context.writer };
  return { context, writer };
}

/** The invitation form's message, signed by `writerId`. */
export async function invitationDraft(
  client: WebClient,
  services: Services,
  community: CommunityRecord,
  writerId: string,
): Promise<string> {
  const { context, writer } = await writerOf(client, services, community, writerId);
  return prose.invitationMessage(community, context.problems, writer, context.proposal);
}

/** The post for cross-government channels, asking especially for the organisations not yet in. */
export async function reachOutDraft(client: WebClient, services: Services, community: CommunityRecord, writerId: string): Promise<string> {
  const [{ context, writer }, missing, channel] = await Promise.all([
    writerOf(client, services, community, writerId),
    services.coverage.missing(community),
    channelName(client, community.slackChannelId, services),
  ]);
  return prose.reachOutPost(
    community,
    context.problems,
    writer,
    missing.map((m) => m.shortLabel),
    channel,
  );
}
