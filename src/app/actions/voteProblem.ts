import type { App, BlockButtonAction } from "@slack/bolt";
import { esc, md, plural } from "../../views/mrkdwn";
import { ACTION } from "../../views/ids";
import { promotionSuggestion } from "../../views/problemCard";
import { stepsAfterAck } from "../../messaging/afterAck";
import { refreshProblemMessages } from "../../messaging/problemMessages";
import { errorText } from "../support/replies";
import { Serialised } from "../../messaging/support/serialised";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** "This affects us too": toggles the vote and updates the problem's messages in place. */
export function registerVoteProblem(app: App, services: Services): void {
  const perProblem = new Serialised();
  app.action<BlockButtonAction>(ACTION.voteProblem, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const problemId = action.value ?? "";
    try {
      await perProblem.run(problemId, async () => {
        const { voted, card, suggestTo } = await services.problems.toggleVote(workspaceOf(context), problemId, body.user.id);
        await refreshProblemMessages(client, card, body, services.logger);
        const step = stepsAfterAck(services.logger.child({ problemId }));
        for (const organiser of suggestTo) {
          await step("suggest a promotion", () => client.chat.postMessage({ channel: organiser, ...promotionSuggestion(card) }));
        }
        // An ephemeral list cannot be updated for everyone: tell the voter what happened.
        if (body.container?.is_ephemeral) {
          const title = esc(card.problem.title);
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            text: voted
              ? md`Noted: *${title}* affects you too. It now has ${plural(card.tally.votes, "vote")} from ${plural(card.tally.organisations, "organisation")}.`
              : md`Your vote for *${title}* is taken back.`,
          });
        }
      });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
