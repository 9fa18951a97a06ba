import { z } from "zod";
import { checkCharterEdit } from "../../domain/communities/communityDraft";
import { stepsAfterAck } from "../../messaging/afterAck";
import { announceCharterChange } from "../../messaging/communityMessages";
import type { Services } from "../../services";
import { charterSavedText } from "../../views/charterEdits";
import { CREATE_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community whose charter the form edits. */
export const editCharterMetadata = formMetadata(z.object({ communityId: z.string().max(40) }));

/** The edit charter form: checked by the create form's rules, each error beside its field; announced once it is saved. */
export function editCharterSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: CREATE_BLOCK.name,
    closes: "all",
    async check({ body, view, context }, values) {
      const communityId = openedFor(editCharterMetadata.read(view.private_metadata).communityId, "charter", CREATE_BLOCK.name);
      const fields = checkCharterEdit({
        name: text(values, CREATE_BLOCK.name),
        service: text(values, CREATE_BLOCK.service),
        purpose: text(values, CREATE_BLOCK.purpose),
        cadence: text(values, CREATE_BLOCK.cadence),
        contactMethods: list(values, CREATE_BLOCK.contactMethods),
        links: {
          mailing_list: text(values, CREATE_BLOCK.linkMailingList),
          regular_calls: text(values, CREATE_BLOCK.linkRegularCalls),
          trello: text(values, CREATE_BLOCK.linkTrello),
        },
      });
      const workspace = workspaceOf(context);
      return services.charter.edit(workspace, communityId, body.user.id, fields);
    },
    async after({ body, client }, edit) {
      const changes = edit.kind === "changed" ? edit.changes : [];
      if (edit.kind === "changed") {
        await announceCharterChange(client, services.logger, {
          before: edit.before,
          after: edit.community,
          changes,
          actorId: body.user.id,
        });
      }
      await stepsAfterAck(services.logger)("confirm the saved charter", () =>
        client.chat.postMessage({ channel: body.user.id, text: charterSavedText(edit.community, changes) }),
      );
    },
  });
}
