// Sending a submitted invitation form, after the ack: look up the email
// addresses, record the invitations, DM each invitee, and tell the inviter what
// happened to each person. The inviter sees progress at once, then the summary.
import type { WebClient } from "@slack/web-api";
import type { InviteOutcome } from "../domain/invitations/invitations";
import { emailPersonId, isEmailPerson } from "../domain/members/people";
import type { CommunityRecord } from "../domain/ports";
import type { Services } from "../services";
import { invitationEmailToSend } from "../views/email/emails";
import { invitationDm, inviteSummary, invitingProgress } from "../views/invitations";
import { lookupFailureReason, NO_ACCOUNT_FOR_EMAIL, slackErrorCode, unreachablePersonReason } from "./slackErrors";

/** Slack calls in flight at once: enough to be quick, few enough to stay inside rate limits. */
const CONCURRENCY = 5;

/** Runs `work` over the items, at most `limit` at a time, keeping their order. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type LookUp = { email: string; userId: string } | { email: string; notFound: true } | { email: string; failed: string };

/**
 * An address's Slack account in this workspace. Not found (or deactivated, or a
 * bot) is an answer; any other refusal is a failure the inviter must hear about
 * as such, not as "not in this workspace".
 */
async function lookUp(client: WebClient, services: Services, email: string): Promise<LookUp> {
  try {
    const user = (await client.users.lookupByEmail({ email })).user;
    if (!user?.id || user.deleted || user.is_bot) return { email, notFound: true };
    return { email, userId: user.id };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === NO_ACCOUNT_FOR_EMAIL) return { email, notFound: true };
    services.logger.warn({ err: error, code }, "could not look up an invitee's email address");
    return { email, failed: lookupFailureReason(code) };
  }
}

export async function deliverInvitations(
  client: WebClient,
  services: Services,
  input: { community: CommunityRecord; inviterId: string; users: string[]; emails: string[]; message: string; requestId: string },
): Promise<void> {
  const { community, inviterId } = input;
  const logger = services.logger.child({ communityId: community.id });
  // A double-clicked submit: whichever submission claims the form sends and reports; its twin does nothing.
  if (!(await services.invitations.claimRequest(input.requestId))) return;
  let progress: { channel: string; ts: string } | null = null;
  try {
    const posted = await client.chat.postMessage({
      channel: inviterId,
      text: invitingProgress(community.name, input.users.length + input.emails.length),
    });
    if (posted.channel && posted.ts) progress = { channel: posted.channel, ts: posted.ts };
  } catch (error) {
    logger.warn({ err: error }, "could not show the inviter progress");
  }

  const lookedUp = await pooled(input.emails, CONCURRENCY, (email) => lookUp(client, services, email));
  const notFound = lookedUp.flatMap((l) => ("notFound" in l ? [l.email] : []));
  const lookupFailed = lookedUp.flatMap((l) => ("failed" in l ? [{ email: l.email, reason: l.failed }] : []));
  const people = [
    ...input.users.map((userId) => ({ userId, email: null as string | null })),
    ...lookedUp.flatMap((l) => ("userId" in l ? [{ userId: l.userId, email: l.email }] : [])),
    // No Slack account: invited as a member by email, who answers on the invitation's web page.
    ...notFound.map((email) => ({ userId: emailPersonId(email), email })),
  ];
  const { outcomes, repeated } = await services.invitations.invite({
    community,
    inviterId,
    people,
    message: input.message,
    requestId: input.requestId,
  });
  if (repeated) {
    // Its twin, submitted at the same moment, invited them and reports; this progress note goes.
    if (progress)
      await client.chat
        .delete({ channel: progress.channel, ts: progress.ts })
        .catch((error: unknown) => logger.warn({ err: error }, "could not remove a progress note"));
    return;
  }

  const invited = outcomes.filter((o): o is Extract<InviteOutcome, { kind: "invited" }> => o.kind === "invited").map((o) => o.invitation);
  const byEmail = invited.filter((i) => isEmailPerson(i.inviteeId));
  // Those with no Slack account get the same message by email, with their own link to answer on the web.
  await services.mail.plan(
    byEmail.map((invitation) => invitationEmailToSend(community, invitation, services.pageLinks.invitation(invitation))),
  );
  const cards = await services.invitations.cards(invited.filter((i) => !isEmailPerson(i.inviteeId)));
  const undelivered: Array<{ userId: string; reason: string }> = [];
  const retrying: string[] = [];
  await pooled(cards, CONCURRENCY, async (card) => {
    const invitation = card.invitation;
    try {
      const sent = await client.chat.postMessage({ channel: invitation.inviteeId, ...invitationDm(card) });
      if (sent.channel && sent.ts) await services.invitations.delivered(invitation, sent.channel, sent.ts);
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn({ err: error, code }, "could not send an invitation");
      const reason = unreachablePersonReason(code);
      if (reason) {
        undelivered.push({ userId: invitation.inviteeId, reason });
        await services.invitations.undelivered(invitation);
      } else {
        // Slack failed for a moment: the invitation stays open and the outbox sends it in a few minutes.
        retrying.push(invitation.inviteeId);
      }
    }
  });

  const summary = inviteSummary({
    communityName: community.name,
    outcomes,
    undelivered,
    retrying,
    emailed: byEmail.map((i) => i.email ?? ""),
    lookupFailed,
    message: input.message,
  });
  try {
    if (progress) await client.chat.update({ channel: progress.channel, ts: progress.ts, ...summary });
    else await client.chat.postMessage({ channel: inviterId, ...summary });
  } catch (error) {
    logger.warn({ err: error }, "could not update the invitation summary; posting it instead");
    await client.chat
      .postMessage({ channel: inviterId, ...summary })
      .catch((e: unknown) => logger.error({ err: e }, "could not tell the inviter"));
  }
}
