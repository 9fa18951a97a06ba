// Opens "Your messages" for one member and community: from App Home's button,
// /community messages, /community settings (for a member who is not an
// organiser), and the organisers' settings form (pushed on top of it).
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { CommunityRecord } from "../../domain/ports";
import type { Services } from "../../services";
import { messagesModal } from "../../views/messagesModal";
import { messagesMetadata } from "../submissions/messages";

/**
 * The address on the person's Slack profile (users.info, with the users:read.email scope),
 * or null when Slack gives none (a profile without one, or the scope not granted).
 */
export async function slackProfileEmail(client: WebClient, userId: string, logger: Logger): Promise<string | null> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.profile?.email?.trim() || null;
  } catch (error) {
    logger.warn({ err: error, userId }, "could not read a user's email address; offering Slack only");
    return null;
  }
}

export async function openMessagesModal(input: {
  client: WebClient;
  services: Services;
  community: CommunityRecord;
  userId: string;
  triggerId: string;
  /** On top of the form it was opened from (views.push), not a new one. */
  push?: boolean;
}): Promise<void> {
  const { client, services, community, userId } = input;
  const [mine, address] = await Promise.all([
    services.messageChoices.of(community, userId),
    slackProfileEmail(client, userId, services.logger),
  ]);
  const view = messagesModal(
    { community, choices: mine.choices, address, refusal: mine.refusal },
    messagesMetadata.write({ communityId: community.id, address }),
  );
  if (input.push) await client.views.push({ trigger_id: input.triggerId, view });
  else await client.views.open({ trigger_id: input.triggerId, view });
}
