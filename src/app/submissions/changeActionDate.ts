// An action's new due date: checked beside the picker, its reminders moved,
// the owner's DM redrawn with it, and the person's App Home with it too.
import { z } from "zod";
import { redrawActionDm } from "../../messaging/actionMessages";
import { publishHome } from "../../messaging/home";
import type { Services } from "../../services";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

export const changeActionDateMetadata = formMetadata(z.object({ actionId: z.string().max(40) }));

export function changeActionDateSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: "dueOn",
    closes: "all",
    async check({ body, view, context }, values) {
      const actionId = openedFor(changeActionDateMetadata.read(view.private_metadata).actionId, "action", "dueOn");
      return services.actions.changeDate(workspaceOf(context), actionId, body.user.id, text(values, "dueOn"));
    },
    async after({ body, client, context }, item) {
      await redrawActionDm(client, services, item);
      await publishHome(client, services, workspaceOf(context), body.user.id);
    },
  });
}
