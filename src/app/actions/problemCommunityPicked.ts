import type { BlockAction, ExternalSelectAction } from "@slack/bolt";
import { organisationLabel } from "../../domain/members/profiles";
import type { Services } from "../../services";
import { PROBLEM_BLOCK } from "../../views/ids";
import { problemModal } from "../../views/problemModal";
import { onAction } from "../support/action";
import { list, readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/**
 * The problem form's community picker (the form opened outside a community's
 * channel): once a community is chosen, the form is redrawn with that
 * community's journey to pick a stage from. What was already entered is
 * carried across.
 */
export function problemCommunityPickedAction(services: Services) {
  return onAction<BlockAction<ExternalSelectAction>>(services, async ({ body, action, client, context }) => {
    const view = body.view;
    const picked = action.selected_option?.value;
    if (!view || !picked) return;
    const community = await services.communities.byIdIn(workspaceOf(context), picked);
    const stages = await services.journey.stages(community.id);
    const values = readViewState(view);
    const next = problemModal({
      picked: { id: community.id, name: community.name },
      stages,
      title: text(values, PROBLEM_BLOCK.title) ?? undefined,
      description: text(values, PROBLEM_BLOCK.description) ?? undefined,
      affects: list(values, PROBLEM_BLOCK.affects).map((id) => ({
        id,
        label: organisationLabel({ organisation: id, organisationOther: null }),
      })),
      stageText: text(values, PROBLEM_BLOCK.stage) ?? undefined,
      link: text(values, PROBLEM_BLOCK.link) ?? undefined,
      // The same form: the message a shortcut logged it from stays with it.
      privateMetadata: view.private_metadata,
    });
    // The hash makes Slack refuse the update if the form changed meanwhile, rather than overwrite it.
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  });
}
