// The add-to-agenda form: the item goes on the meeting once however often the
// form is submitted; the meeting's card is redrawn (bursts of additions collapse
// into a few redraws, as answers do) and the person is told where it went.
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { itemAddedText } from "../../views/agenda";
import { AGENDA_BLOCK } from "../../views/ids";
import { formMetadata } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The meeting, when the form named it; where it was opened (for the answer); the message it came from. */
export const addAgendaItemMetadata = formMetadata(
  z.object({
    meetingId: z.string().max(40).optional(),
    channelId: z.string().max(40).optional(),
    permalink: z.string().max(500).optional(),
  }),
);

export function addAgendaItemSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: AGENDA_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = addAgendaItemMetadata.read(view.private_metadata);
      const meetingId = meta.meetingId ?? text(values, AGENDA_BLOCK.meeting);
      if (!meetingId) throw new AppError("invalid_input", { key: "agenda.choose_meeting" }, AGENDA_BLOCK.meeting);
      const added = await services.agenda.add(
        workspaceOf(context),
        meetingId,
        body.user.id,
        {
          title: text(values, AGENDA_BLOCK.title),
          link: text(values, AGENDA_BLOCK.link),
          topic: text(values, AGENDA_BLOCK.topic),
          messagePermalink: meta.permalink,
        },
        meta.permalink ? "message_shortcut" : "command",
        view.id ?? null,
      );
      // A double click: the first submission redraws and answers.
      return added.repeated ? undefined : { ...added, channelId: meta.channelId };
    },
    async after({ body, client }, { target, item, channelId }) {
      await services.meetingMessages.refresh(client, target.meeting.id);
      const step = stepsAfterAck(services.logger.child({ userId: body.user.id }));
      const text = itemAddedText(target, item);
      // Seen only by them where they added it; by DM if that channel will not take it (the bot is not in it).
      const told =
        channelId &&
        (await step("confirm an agenda item", () => client.chat.postEphemeral({ channel: channelId, user: body.user.id, text })));
      if (!told) await step("confirm an agenda item by DM", () => client.chat.postMessage({ channel: body.user.id, text }));
    },
  });
}
