// A form's community picker, where the form was opened outside a community's
// channel (the problem and meeting forms): once a community is chosen, the form
// is redrawn with that community's journey to pick stages from, carrying what
// was already entered (each form says how).
import type { BlockAction, ExternalSelectAction } from "@slack/bolt";
import type { View } from "@slack/types";
import type { CommunityRecord, StageRecord } from "../../domain/ports";
import type { Services } from "../../services";
import { onAction } from "./action";
import { type FieldValue, readViewState } from "./viewState";
import { workspaceOf } from "./workspace";

export interface PickedForm {
  community: CommunityRecord;
  /** Its accepted stages, in journey order. */
  stages: StageRecord[];
  /** What the form holds now. */
  values: Record<string, FieldValue>;
  /** The form's own metadata, which the redrawn form keeps. */
  privateMetadata: string;
}

export function onCommunityPicked(services: Services, redraw: (form: PickedForm) => View | Promise<View>) {
  return onAction<BlockAction<ExternalSelectAction>>(services, async ({ body, action, client, context }) => {
    const view = body.view;
    const picked = action.selected_option?.value;
    if (!view || !picked) return;
    const community = await services.communities.byIdIn(workspaceOf(context), picked);
    const stages = await services.journey.stages(community.id);
    const next = await redraw({ community, stages, values: readViewState(view), privateMetadata: view.private_metadata });
    // The hash makes Slack refuse the update if the form changed meanwhile, rather than overwrite it.
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  });
}
