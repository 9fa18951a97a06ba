import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { tellClicker } from "../support/replies";
import { workspaceOf } from "../support/workspace";

/** "Get the digest by DM" / "Stop the digest by DM": toggles the clicker's choice. */
export function digestDmAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, respond, context }) => {
    const community = await services.communities.byIdIn(workspaceOf(context), action.value ?? "");
    const on = !(await services.digests.wantsDm(community, body.user.id));
    await services.digests.setDm(community, body.user.id, on);
    await tellClicker(
      body,
      respond,
      client,
      on
        ? md`You will also get the *${esc(community.name)}* digest by DM. Select the button again to stop.`
        : md`You will no longer get the *${esc(community.name)}* digest by DM. It is still posted in the channel.`,
    );
  });
}
