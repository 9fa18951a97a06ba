import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../services";
import { updatesMessage } from "../../views/updates";
import { onAction } from "../support/action";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";
import { pageNumber } from "./membersPage";

/** What the pager carries: the community, the organisation (or every one) and the page. */
const updatesPageValue = z.object({ c: z.string().min(1).max(40), o: z.string().min(1).max(200).nullable(), p: pageNumber });

/** Previous / Next on /community updates: the timeline's page, in place. */
export function updatesPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ action, context, respond }) => {
    const value = readValue(updatesPageValue, action.value, { key: "round.unreadable" });
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    const organisation = value.o ? { key: value.o, label: "" } : null;
    const page = await services.timeline.page(community, organisation, value.p);
    // The organisation's name as it was last told, now that its updates are read.
    const label = page.projects[0]?.label ?? value.o ?? "";
    await respond({ replace_original: true, ...updatesMessage({ ...page, organisation: organisation && { ...organisation, label } }) });
  });
}
