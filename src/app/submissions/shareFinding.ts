import { z } from "zod";
import { tellChannel } from "../../messaging/communityMessages";
import type { Services } from "../../services";
import { findingSharedMessage } from "../../views/findings";
import { FINDING_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community the finding is shared with. */
export const shareFindingMetadata = formMetadata(z.object({ communityId: z.string().max(40) }));

/** The share form: each error beside its field; shared once however often it is submitted, and posted in the channel. */
export function shareFindingSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: FINDING_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const communityId = openedFor(shareFindingMetadata.read(view.private_metadata).communityId, "finding", FINDING_BLOCK.title);
      const shared = await services.findings.share(
        workspaceOf(context),
        communityId,
        body.user.id,
        {
          title: text(values, FINDING_BLOCK.title),
          link: text(values, FINDING_BLOCK.link),
          summary: text(values, FINDING_BLOCK.summary),
          stageIds: list(values, FINDING_BLOCK.stages),
          organisation: text(values, FINDING_BLOCK.organisation),
          organisationOther: text(values, FINDING_BLOCK.organisationOther),
        },
        view.id,
      );
      // A double click: the first submission posted it.
      return shared.kind === "shared" ? shared : undefined;
    },
    async after({ client }, { community, finding }) {
      await tellChannel(
        client,
        services.logger,
        community.slackChannelId,
        "post the shared finding",
        findingSharedMessage(community, finding),
      );
    },
  });
}
