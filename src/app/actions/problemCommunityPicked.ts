import { organisationLabel } from "../../domain/members/profiles";
import type { Services } from "../../services";
import { PROBLEM_BLOCK } from "../../views/ids";
import { problemModal } from "../../views/problemModal";
import { onCommunityPicked } from "../support/communityPicked";
import { list, text } from "../support/viewState";

/**
 * The problem form's community picker (the form opened outside a community's
 * channel): once a community is chosen, the form is redrawn with that
 * community's journey to pick a stage from. What was already entered is
 * carried across.
 */
export function problemCommunityPickedAction(services: Services) {
  return onCommunityPicked(services, ({ community, stages, values, privateMetadata }) =>
    problemModal({
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
      privateMetadata,
    }),
  );
}
