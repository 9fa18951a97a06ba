// One change told to the round: checked beside each field, added once however
// often the form is sent, and the question it came from redrawn with it.
import { z } from "zod";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { ROUND_BLOCK } from "../../views/ids";
import { roundQuestionDm } from "../../views/round";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The meeting whose round it answers, and the question's DM to redraw. */
export const roundUpdateMetadata = formMetadata(
  z.object({ meetingId: z.string().max(40), channel: z.string().max(40).optional(), ts: z.string().max(40).optional() }),
);

export function roundUpdateSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: ROUND_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const meetingId = openedFor(roundUpdateMetadata.read(view.private_metadata).meetingId, "round", ROUND_BLOCK.title);
      const input = {
        title: text(values, ROUND_BLOCK.title),
        stageIds: list(values, ROUND_BLOCK.stages),
        state: text(values, ROUND_BLOCK.state),
        expectedOn: text(values, ROUND_BLOCK.expectedOn),
        earlier: text(values, ROUND_BLOCK.earlier),
      };
      return services.roundAnswers.addUpdate(workspaceOf(context), meetingId, body.user.id, input, view.id);
    },
    async after({ view, client }, { question }) {
      const { channel, ts } = roundUpdateMetadata.read(view.private_metadata);
      if (!channel || !ts) return;
      await stepsAfterAck(services.logger)("redraw a round question", () =>
        client.chat.update({ channel, ts, ...roundQuestionDm(question) }),
      );
    },
  });
}
