import type { BlockButtonAction } from "@slack/bolt";
import { afterVote } from "../../messaging/problemMessages";
import { Serialised } from "../../messaging/support/serialised";
import type { Services } from "../../services";
import { voteReply } from "../../views/problemCard";
import { onAction } from "../support/action";
import { openJoinModal } from "../support/joinModal";
import { workspaceOf } from "../support/workspace";

/**
 * "This affects us too": toggles the vote, updates the problem's messages in
 * place and tells the voter what happened. Someone who is not a member gets
 * the join form first, so their vote counts for their organisation.
 */
export function voteProblemAction(services: Services) {
  const perProblem = new Serialised();
  return onAction<BlockButtonAction>(services, async ({ body, action, client, respond, context }) => {
    const problemId = action.value ?? "";
    const outcome = await perProblem.run(problemId, async () => {
      const outcome = await services.problemVotes.toggleVote(workspaceOf(context), problemId, body.user.id);
      if (outcome.kind === "counted") await afterVote(client, outcome.card, outcome.suggestTo, body, services.logger);
      return outcome;
    });
    if (outcome.kind === "join_first") {
      // Outside the queue of other votes: the trigger id lasts only 3 seconds.
      const { community, problem } = outcome;
      await openJoinModal({
        client,
        services,
        triggerId: body.trigger_id,
        userId: body.user.id,
        community,
        channelId: body.channel?.id,
        vote: { problemId: problem.id, title: problem.title },
      });
      return;
    }
    await respond({ response_type: "ephemeral", replace_original: false, ...voteReply(outcome.card, outcome.voted) });
  });
}
