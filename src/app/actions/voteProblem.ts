import type { App, BlockButtonAction } from "@slack/bolt";
import { esc, plural } from "../../views/blocks";
import { ACTION } from "../../views/ids";
import { problemCardMessage } from "../../views/problemCard";
import { stepsAfterAck } from "../afterAck";
import { errorText } from "../replies";
import { Serialised } from "../serialised";
import type { Services } from "../services";

/** "This affects us too": toggles the vote and updates the problem's messages in place. */
export function registerVoteProblem(app: App, services: Services): void {
  const perProblem = new Serialised();
  app.action<BlockButtonAction>(ACTION.voteProblem, async ({ ack, body, action, client, respond }) => {
    await ack();
    const problemId = action.value ?? "";
    try {
      await perProblem.run(problemId, async () => {
        const { voted, card } = await services.problems.toggleVote(problemId, body.user.id);
        const message = problemCardMessage(card);
        const step = stepsAfterAck(services.logger.child({ problemId }));
        // The announcement, and the message clicked if it is another one (e.g. a list).
        const targets = new Map<string, { channel: string; ts: string }>();
        if (card.problem.announcementChannelId && card.problem.announcementTs) {
          targets.set(card.problem.announcementTs, { channel: card.problem.announcementChannelId, ts: card.problem.announcementTs });
        }
        const clicked = body.container?.is_ephemeral ? undefined : body.message?.ts;
        if (clicked && body.channel?.id && !targets.has(clicked)) targets.set(clicked, { channel: body.channel.id, ts: clicked });
        for (const target of targets.values()) {
          await step("update a problem's message", () => client.chat.update({ ...target, ...message }));
        }
        // An ephemeral list cannot be updated for everyone: tell the voter what happened.
        if (body.container?.is_ephemeral) {
          const title = esc(card.problem.title);
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            text: voted
              ? `Noted: *${title}* affects you too. It now has ${plural(card.tally.votes, "vote")} from ${plural(card.tally.organisations, "organisation")}.`
              : `Your vote for *${title}* is taken back.`,
          });
        }
      });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
