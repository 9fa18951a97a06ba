// The DMs and thread lines about actions: each owner's DM once outcomes are
// recorded (its ts kept, so it can be redrawn when the action changes), and a
// line in the meeting's thread when an action is done. Best effort after the ack.
import type { WebClient } from "@slack/web-api";
import { isEmailPerson } from "../domain/members/people";
import type { ActionInContext, ActionItemRecord } from "../domain/ports";
import type { Services } from "../services";
import { actionDm, actionDoneInThread } from "../views/actions";
import { plannedActionEmail } from "./actionEmails";
import { stepsAfterAck } from "./afterAck";

/** Each owner's DM with their action and its Done and Change date buttons; an owner by email gets an email with a link to the same. */
export async function sendActionDms(client: WebClient, services: Services, actions: ActionItemRecord[]): Promise<void> {
  const step = stepsAfterAck(services.logger);
  for (const { id } of actions) {
    const item = await services.actions.find(id);
    if (!item) continue;
    if (isEmailPerson(item.action.ownerId)) {
      await step("email an action's owner their action", async () => {
        const email = await plannedActionEmail(services, item, "assigned");
        if (email) await services.mail.plan([email]);
      });
      continue;
    }
    await step("send an action's owner their DM", async () => {
      const result = await client.chat.postMessage({ channel: item.action.ownerId, ...actionDm(item, "assigned") });
      if (result.ts && result.channel) await services.actions.setDm(id, result.channel, result.ts);
    });
  }
}

/** Redraws the owner's DM (done: without buttons; a new date: with it). */
export async function redrawActionDm(client: WebClient, services: Services, item: ActionInContext): Promise<void> {
  const { dmChannelId: channel, dmTs: ts } = item.action;
  if (!channel || !ts) return;
  const message = actionDm(item, item.action.status === "done" ? "done" : "assigned");
  await stepsAfterAck(services.logger)("redraw an action's DM", () => client.chat.update({ channel, ts, ...message }));
}

/** Once an action is done: its DM says so, and so does the meeting's thread. */
export async function afterActionDone(client: WebClient, services: Services, item: ActionInContext, by: string): Promise<void> {
  await redrawActionDm(client, services, item);
  const { announcementChannelId: channel, announcementTs: thread } = item.meeting;
  if (!channel || !thread) return;
  const step = stepsAfterAck(services.logger.child({ actionId: item.action.id }));
  await step("say in the thread that an action is done", () =>
    client.chat.postMessage({ channel, thread_ts: thread, ...actionDoneInThread(item, by) }),
  );
}
