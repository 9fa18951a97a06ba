// Posting what came out of a meeting: once, as a reply in the thread of the
// meeting's announcement (or in its channel, or to the person who recorded it,
// when there is no announcement to reply to). The right to post is claimed in
// the database first, so a double submit, or two replicas, post it once. A
// group's meeting is then told to the whole community in one line, linking to
// that reply, claimed the same way. What Slack refused is tried again by the
// scheduler (postMissingOutcomes), so an outcome is never recorded and lost.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { announcementChannel, type MeetingCard } from "../domain/meetings/meetingCards";
import type { MeetingService } from "../domain/meetings/meetings";
import type { OutcomeService } from "../domain/meetings/outcomes";
import type { ActionItemRecord, OutcomeRecord } from "../domain/ports";
import { groupOutcomeSummary, outcomesMessage } from "../views/outcomes";
import { stepsAfterAck } from "./afterAck";
import type { MeetingMessages } from "./meetingMessages";

/** What posting needs: the listeners pass Services, the scheduler the same few. */
export interface OutcomePostNeeds {
  outcomes: OutcomeService;
  meetings: MeetingService;
  meetingMessages: MeetingMessages;
  logger: Logger;
}

/** Posts the reply, then a group's summary, each at most once. True if the reply was posted now. */
export async function postOutcomes(client: WebClient, services: OutcomePostNeeds, meetingId: string): Promise<boolean> {
  const found = await services.outcomes.recorded(meetingId);
  if (!found) return false;
  const step = stepsAfterAck(services.logger.child({ meetingId }));
  const card = await services.meetings.card(meetingId);
  let outcome = found.outcome;
  let posted = false;
  if (!outcome.postTs) {
    if (!(await services.outcomes.claimPost(meetingId))) return false;
    let where: { channel: string; ts: string } | undefined;
    const ok = await step("post a meeting's outcomes", async () => {
      where = await postReply(client, services, card, outcome, found.actions);
    });
    if (!ok || !where) {
      await services.outcomes.releasePost(meetingId);
      return false;
    }
    outcome = { ...outcome, postChannelId: where.channel, postTs: where.ts };
    posted = true;
    // The card says the outcome is recorded, and where.
    await services.meetingMessages.refresh(client, meetingId);
  }
  if (outcome.summary === "due") await postSummary(client, services, card, outcome, found.actions.length, step);
  return posted;
}

async function postReply(
  client: WebClient,
  services: OutcomePostNeeds,
  card: MeetingCard,
  outcome: OutcomeRecord,
  actions: ActionItemRecord[],
): Promise<{ channel: string; ts: string }> {
  const { announcementChannelId, announcementTs } = card.meeting;
  const thread = announcementChannelId && announcementTs ? { channel: announcementChannelId, thread_ts: announcementTs } : null;
  const channel = thread?.channel ?? announcementChannel(card) ?? outcome.recordedBy;
  const result = await client.chat.postMessage({
    channel,
    ...(thread ? { thread_ts: thread.thread_ts } : {}),
    ...outcomesMessage(card, outcome, actions),
  });
  if (!result.ts) throw new Error("chat.postMessage returned no ts");
  const where = { channel: result.channel ?? channel, ts: result.ts };
  await services.outcomes.setPost(card.meeting.id, where.channel, where.ts);
  return where;
}

/** "The Research group met…": in the community's channel, unless the group has no channel of its own (then the reply is already there). */
async function postSummary(
  client: WebClient,
  services: OutcomePostNeeds,
  card: MeetingCard,
  outcome: OutcomeRecord,
  actions: number,
  step: ReturnType<typeof stepsAfterAck>,
): Promise<void> {
  const meetingId = card.meeting.id;
  const channel = card.community.slackChannelId;
  if (!channel || outcome.postChannelId === channel) {
    await services.outcomes.summaryDone(meetingId);
    return;
  }
  if (!(await services.outcomes.claimSummary(meetingId))) return;
  const done = await step("tell the community what a group's meeting decided", async () => {
    // A link to the reply is worth having but not worth losing the summary for.
    const permalink = await client.chat
      .getPermalink({ channel: outcome.postChannelId ?? "", message_ts: outcome.postTs ?? "" })
      .then((r) => r.permalink ?? null)
      .catch(() => null);
    await client.chat.postMessage({ channel, ...groupOutcomeSummary(card, outcome, actions, permalink) });
    await services.outcomes.summaryDone(meetingId);
  });
  if (!done) await services.outcomes.releaseSummary(meetingId);
}

/** The scheduler's retry: each outcome whose reply or summary did not go out, tried again. */
export async function postMissingOutcomes(client: WebClient, services: OutcomePostNeeds): Promise<void> {
  for (const meetingId of await services.outcomes.unposted()) await postOutcomes(client, services, meetingId);
}
