import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../../views/ids";
import { voteReply } from "../../views/problemCard";
import { afterVote } from "../../messaging/problemMessages";
import { errorText } from "../support/replies";
import { openJoinModal } from "../support/joinModal";
import { Serialised } from "../../messaging/support/serialised";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/**
 * "This affects us too": toggles the vote, updates the problem's messages in
 * place and tells the voter what happened. Someone who is not a member gets
 * the join form first, so their vote counts for their organisation.
 */
export function registerVoteProblem(app: App, services: Services): void {
  const perProblem = new Serialised();
  app.action<BlockButtonAction>(ACTION.voteProblem, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const problemId = action.value ?? "";
    try {
      const outcome = await perProblem.run(problemId, async () => {
        const outcome = await services.problems.toggleVote(workspaceOf(context), problemId, body.user.id);
        if (outcome.kind === "counted") await afterVote(client, outcome.card, outcome.suggestTo, body, services.logger);
        return outcome;
      });
      if (outcome.kind === "join_first") {
        // Outside the queue of other votes: the trigger id lasts only 3 seconds.
        const { community, problem } = outcome;
        await openJoinModal({ client, services, triggerId: body.trigger_id, userId: body.user.id, community, channelId: body.channel?.id, vote: { problemId: problem.id, title: problem.title } });
        return;
      }
      await respond({ response_type: "ephemeral", replace_original: false, ...voteReply(outcome.card, outcome.voted) });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
