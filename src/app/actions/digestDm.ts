// "Get the digest by DM" / "Stop the digest by DM": toggles the clicker's choice.
import type { App, BlockButtonAction } from "@slack/bolt";
import { esc, md } from "../../views/mrkdwn";
import { ACTION } from "../../views/ids";
import { errorText, tellClicker } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

export function registerDigestDm(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.digestDm, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    try {
      const community = await services.communities.byIdIn(workspaceOf(context), action.value ?? "");
      const on = !(await services.digests.wantsDm(community, body.user.id));
      await services.digests.setDm(community, body.user.id, on);
      await tellClicker(
        body,
        respond,
        client,
        on
          ? md`You will also get the *${esc(community.name)}* digest by DM. Click the button again to stop.`
          : md`You will no longer get the *${esc(community.name)}* digest by DM. It is still posted in the channel.`,
      );
    } catch (error) {
      await tellClicker(body, respond, client, errorText(error, services.logger));
    }
  });
}
