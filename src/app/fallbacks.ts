// Answers for requests no listener takes: real Slack sends them when someone
// clicks a button, submits a form or opens a list in a message posted before
// its ids were renamed. Each is acked at once, and the person is told what to
// do instead of waiting out Slack's timeout for an error.
import { stepsAfterAck } from "../messaging/afterAck";
import type { Services } from "../services";
import { OUT_OF_DATE_BUTTON, outOfDateModal, outOfDateOption, unknownCommandText } from "../views/outOfDate";
import type { CommunitiesApp } from "./edge";
import { ephemeral, tellClicker } from "./support/replies";

/** Registers last: each answers what no other listener of its kind takes. */
export function registerFallbacks(app: CommunitiesApp, services: Services): void {
  const step = stepsAfterAck(services.logger.child({ listener: "fallback" }));
  const seen = (kind: string, type: string, id: string | undefined) =>
    services.logger.info({ kind, type, id }, "a request no listener takes");

  app.otherwise("action", async ({ ack, body, client, respond }) => {
    await ack();
    seen("action", body.type, body.actions[0]?.action_id);
    // App Home has no response_url, so Bolt gives no respond(); tellClicker DMs there instead.
    const noReply = async () => undefined;
    await step("say a button is out of date", () => tellClicker(body, respond ?? noReply, client, OUT_OF_DATE_BUTTON));
  });

  app.otherwise("view", async ({ ack, body }) => {
    seen("view", body.type, body.view.callback_id);
    // Closing a form needs no answer; a submitted one is replaced by a note saying what to do.
    if (body.type === "view_submission") await ack({ response_action: "update", view: outOfDateModal("form") });
    else await ack();
  });

  app.otherwise("options", async ({ ack, body }) => {
    seen("options", body.type, body.action_id);
    // A list can only show choices: its one choice says what to do.
    await ack({ options: [outOfDateOption()] });
  });

  app.otherwise("shortcut", async ({ ack, body, client }) => {
    await ack();
    seen("shortcut", body.type, body.callback_id);
    if (body.trigger_id)
      await step("say a shortcut is out of date", () =>
        client.views.open({ trigger_id: body.trigger_id, view: outOfDateModal("shortcut") }),
      );
  });

  app.otherwise("command", async ({ ack, body }) => {
    seen("command", "command", body.command);
    await ack(ephemeral(unknownCommandText(body.command)));
  });
}
