// Telling people about changes to a journey made from a form, which cannot
// redraw the message it was opened from: the journey is shown again where the
// form was opened (seen only by them), or by DM; a member whose suggestion was
// answered is told by DM.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { CommunityRecord, StageRecord, WorkspaceKey } from "../domain/ports";
import type { Services } from "../services";
import { journeyMessage } from "../views/journey";
import { esc, type Mrkdwn, md } from "../views/mrkdwn";
import { stepsAfterAck } from "./afterAck";

export async function showJourney(
  client: WebClient,
  services: Services,
  input: { workspace: WorkspaceKey; communityId: string; userId: string; channelId?: string; page: number; notice: Mrkdwn },
): Promise<void> {
  const step = stepsAfterAck(services.logger.child({ communityId: input.communityId }));
  const page = await services.journey.journey(input.workspace, input.communityId, input.userId, input.page);
  const message = journeyMessage(page, { notice: input.notice });
  const { channelId } = input;
  const shown =
    channelId !== undefined &&
    (await step("show the journey", () => client.chat.postEphemeral({ channel: channelId, user: input.userId, ...message })));
  if (!shown) await step("send the journey", () => client.chat.postMessage({ channel: input.userId, ...message }));
}

/** The member who suggested a stage hears what became of it (not when they answered it themselves). */
export async function tellSuggester(
  client: WebClient,
  logger: Logger,
  input: { stage: StageRecord; community: CommunityRecord; answeredBy: string; accepted: boolean; number?: number },
): Promise<void> {
  const { stage, community } = input;
  if (stage.createdBy === input.answeredBy) return;
  const title = esc(stage.title);
  const name = esc(community.name);
  const text = input.accepted
    ? md`The stage you suggested, *${title}*, is now stage ${input.number ?? 0} of the journey of *${name}*. Type \`/community journey ${esc(community.slug)}\` to see it.`
    : md`The stage you suggested for the journey of *${name}*, *${title}*, was not added. Ask its organisers in the community's channel if you would like to know why.`;
  await stepsAfterAck(logger.child({ stageId: stage.id }))("tell a member about their suggestion", () =>
    client.chat.postMessage({ channel: stage.createdBy, text }),
  );
}
