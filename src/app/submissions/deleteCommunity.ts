import { z } from "zod";
import { tellChannel } from "../../messaging/communityMessages";
import type { Services } from "../../services";
import { DELETE_BLOCK } from "../../views/ids";
import { deletedNotice, deletedView } from "../../views/lifecycle";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community the form deletes. */
export const deleteCommunityMetadata = formMetadata(z.object({ communityId: z.string().max(40) }));

/** The delete form: the typed name must match; then the form turns into what was removed, and the channel is told. */
export function deleteCommunitySubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: DELETE_BLOCK.confirm,
    closes: "all",
    async check({ body, view, context }, values) {
      const communityId = openedFor(deleteCommunityMetadata.read(view.private_metadata).communityId, "delete", DELETE_BLOCK.confirm);
      return services.lifecycle.delete(workspaceOf(context), communityId, body.user.id, text(values, DELETE_BLOCK.confirm) ?? "");
    },
    answer: (deletion) => deletedView(deletion),
    async after({ body, client }, deletion) {
      await tellChannel(
        client,
        services.logger,
        deletion.community.slackChannelId,
        "tell the channel the community is deleted",
        deletedNotice(deletion, body.user.id),
      );
    },
  });
}
