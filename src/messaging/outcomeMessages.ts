// Posting what came out of a meeting: once, as a reply in the thread of the
// meeting's announcement (or in its channel, or to the person who recorded it,
// when there is no announcement to reply to). The right to post is claimed in
// the database first, so a double submit, or two replicas, post it once.
import type { WebClient } from "@slack/web-api";
import { announcementChannel } from "../domain/meetings/meetingCards";
import type { Services } from "../services";
import { outcomesMessage } from "../views/outcomes";
import { stepsAfterAck } from "./afterAck";

export async function postOutcomes(client: WebClient, services: Services, meetingId: string): Promise<boolean> {
  const found = await services.outcomes.recorded(meetingId);
  if (!found || found.outcome.postTs) return false;
  if (!(await services.outcomes.claimPost(meetingId))) return false;
  const card = await services.meetings.card(meetingId);
  const { announcementChannelId, announcementTs } = card.meeting;
  const thread = announcementChannelId && announcementTs ? { channel: announcementChannelId, thread_ts: announcementTs } : null;
  const channel = thread?.channel ?? announcementChannel(card) ?? found.outcome.recordedBy;
  const step = stepsAfterAck(services.logger.child({ meetingId }));
  const posted = await step("post a meeting's outcomes", async () => {
    const result = await client.chat.postMessage({
      channel,
      ...(thread ? { thread_ts: thread.thread_ts } : {}),
      ...outcomesMessage(card, found.outcome, found.actions),
    });
    if (!result.ts) throw new Error("chat.postMessage returned no ts");
    await services.outcomes.setPost(meetingId, result.channel ?? channel, result.ts);
  });
  if (!posted) await services.outcomes.releasePost(meetingId);
  // The card says the outcome is recorded, and where.
  await services.meetingMessages.refresh(client, meetingId);
  return posted;
}
