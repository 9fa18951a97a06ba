// Done on an action: from its owner's DM or a reminder (the message becomes
// "done", without buttons), from /community actions (the list is redrawn), or
// from App Home (Home is redrawn). Whichever it is, the owner's DM and the
// meeting's thread say so. Closed once however often it is clicked.
import type { BlockButtonAction } from "@slack/bolt";
import { afterActionDone } from "../../messaging/actionMessages";
import { stepsAfterAck } from "../../messaging/afterAck";
import { publishHome } from "../../messaging/home";
import type { Services } from "../../services";
import { actionDm, actionsListMessage } from "../../views/actions";
import { esc, md } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { listDoneValue } from "../support/actionValues";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";

export function actionDoneAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context, respond }) => {
    const workspace = workspaceOf(context);
    const userId = body.user.id;
    const raw = action.value ?? "";
    const fromList = raw.startsWith("{") ? readValue(listDoneValue, raw, { key: "action.gone" }) : null;
    const item = await services.actions.complete(workspace, fromList?.a ?? raw, userId);
    if (body.container?.type === "view") {
      await publishHome(client, services, workspace, userId);
    } else if (fromList) {
      const community = await services.communities.byIdIn(workspace, fromList.c);
      const page = await services.actions.page(community, userId, fromList.f, fromList.p);
      const notice = md`*${esc(item.action.title)}* is done.`;
      await respond({ replace_original: true, ...actionsListMessage(page, services.clock.now(), { notice }) });
    } else if (body.message?.ts !== item.action.dmTs) {
      // A reminder: it becomes "done" too (the first DM is redrawn below).
      await stepsAfterAck(services.logger)("redraw a reminder", () => respond({ replace_original: true, ...actionDm(item, "done") }));
    }
    await afterActionDone(client, services, item, userId);
  });
}
