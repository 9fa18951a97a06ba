import type { WebClient } from "@slack/web-api";
import { organisationLabel } from "../../domain/members/profiles";
import type { CommunityRecord } from "../../domain/ports";
import { OTHER_ORGANISATION_ID } from "../../reference/organisations";
import type { Services } from "../../services";
import { joinCommunityModal } from "../../views/joinCommunityModal";
import { OTHER_ORGANISATION_LABEL } from "../../views/profileFields";
import { joinCommunityMetadata } from "../submissions/joinCommunity";

/**
 * Opens the join modal (from /community join or a Join button). A current
 * member gets it prefilled, to update their organisation or profession.
 */
export async function openJoinModal(input: {
  client: WebClient;
  services: Services;
  triggerId: string;
  userId: string;
  community: CommunityRecord | null;
  channelId?: string;
  /** A non-member's vote waiting for their organisation: cast after they join. */
  vote?: { problemId: string; title: string };
}): Promise<void> {
  const { community } = input;
  // Refused now rather than after the form: an organiser removed them.
  if (community) await input.services.memberships.requireNotRemoved(community, input.userId);
  const [current, stages, chosenStages] = community
    ? await Promise.all([
        input.services.memberships.membership(community.id, input.userId),
        input.services.journey.stages(community.id),
        input.services.journey.memberStages(community.id, input.userId),
      ])
    : [null, [], []];
  const defaults =
    current?.status === "active"
      ? {
          organisation: {
            id: current.organisation,
            // The "Other" option's own words, as the type-ahead lists it.
            label: current.organisation === OTHER_ORGANISATION_ID ? OTHER_ORGANISATION_LABEL : organisationLabel(current),
          },
          organisationOther: current.organisationOther,
          profession: current.profession,
          professionOther: current.professionOther,
        }
      : undefined;
  await input.client.views.open({
    trigger_id: input.triggerId,
    view: joinCommunityModal({
      community: community ? { id: community.id, name: community.name, service: community.service } : undefined,
      defaults,
      stages,
      chosenStages,
      voteFor: input.vote?.title,
      privateMetadata: joinCommunityMetadata.write({
        communityId: community?.id,
        channelId: input.channelId,
        voteProblemId: input.vote?.problemId,
      }),
    }),
  });
}
