// Answers for requests no listener takes: real Slack sends them when someone
// clicks a button, submits a form or opens a list in a message posted before
// its ids were renamed. Each is acked at once, and the person is told what to
// do instead of waiting out Slack's timeout for an error.
import type { WebClient } from "@slack/web-api";
import { OUT_OF_DATE_BUTTON, outOfDateModal, outOfDateOption, unknownCommandText } from "../views/outOfDate";
import { stepsAfterAck } from "../messaging/afterAck";
import type { CommunitiesApp } from "./edge";
import { ephemeral, tellClicker } from "./support/replies";
import type { Services } from "../services";

/** The little a fallback reads; the envelope was checked at the edge (edge.ts). */
type Args = {
  ack: (response?: unknown) => Promise<void>;
  client: WebClient;
  respond?: (message: Record<string, unknown>) => Promise<unknown>;
  body: Record<string, unknown> & { user?: { id: string }; user_id?: string; command?: string; trigger_id?: string; type?: string; container?: { type?: string } };
};

/** Registers last: each answers what no other listener of its kind takes. */
export function registerFallbacks(app: CommunitiesApp, services: Services): void {
  const step = stepsAfterAck(services.logger.child({ listener: "fallback" }));
  const seen = (kind: string, body: Args["body"]) =>
    services.logger.info({ kind, type: body.type, id: (body as { callback_id?: unknown }).callback_id ?? (body as { action_id?: unknown }).action_id }, "a request no listener takes");

  app.otherwise("action", async (raw) => {
    const { ack, body, client, respond } = raw as unknown as Args;
    await ack();
    seen("action", body);
    const noReply = async () => undefined;
    await step("say a button is out of date", () => tellClicker(body as { user: { id: string } }, respond ?? noReply, client, OUT_OF_DATE_BUTTON));
  });

  app.otherwise("view", async (raw) => {
    const { ack, body } = raw as unknown as Args;
    seen("view", body);
    // Closing a form needs no answer; a submitted one is replaced by a note saying what to do.
    if (body.type === "view_submission") await ack({ response_action: "update", view: outOfDateModal("form") });
    else await ack();
  });

  app.otherwise("options", async (raw) => {
    const { ack, body } = raw as unknown as Args;
    seen("options", body);
    // A list can only show choices: its one choice says what to do.
    await ack({ options: [outOfDateOption()] });
  });

  app.otherwise("shortcut", async (raw) => {
    const { ack, body, client } = raw as unknown as Args;
    await ack();
    seen("shortcut", body);
    if (body.trigger_id) await step("say a shortcut is out of date", () => client.views.open({ trigger_id: body.trigger_id!, view: outOfDateModal("shortcut") }));
  });

  app.otherwise("command", async (raw) => {
    const { ack, body } = raw as unknown as Args;
    seen("command", body);
    await ack(ephemeral(unknownCommandText(String(body.command ?? ""))));
  });
}
