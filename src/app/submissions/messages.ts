// "Your messages" saved: how the member gets each kind of message from the
// community. The address is the one on their Slack profile, read when the form
// was opened and carried in its metadata (Slack echoes it back in a signed
// request; nobody can type one), kept only if they chose some email.
import { z } from "zod";
import { MESSAGE_KINDS } from "../../domain/members/messagePreferences";
import type { Services } from "../../services";
import { MESSAGES_BLOCK } from "../../views/ids";
import { messagesSavedModal } from "../../views/messagesModal";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community, and the address on the member's Slack profile when the form was opened (null: none). */
export const messagesMetadata = formMetadata(z.object({ communityId: z.string().max(40), address: z.string().max(320).nullable() }));

export function messagesSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: MESSAGES_BLOCK.meetings,
    closes: "all",
    answer: ({ community, choices, membership }) => messagesSavedModal({ community, choices, address: membership.email }),
    async check({ body, view, context }, values) {
      const metadata = messagesMetadata.read(view.private_metadata);
      const communityId = openedFor(metadata.communityId, "messages", MESSAGES_BLOCK.meetings);
      const community = await services.communities.byIdIn(workspaceOf(context), communityId);
      const input = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, text(values, MESSAGES_BLOCK[kind])]));
      return services.messageChoices.choose(community, body.user.id, input, metadata.address ?? null);
    },
  });
}
