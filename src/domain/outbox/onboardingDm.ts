// The welcome DM to someone who joined a community's channel without joining
// the community: its charter and a Join button. Deduped by community and
// person, so however often they leave and rejoin the channel they are welcomed once.
import { z } from "zod";
import { outboxKind } from "./kind";

export const onboardingDm = outboxKind({ name: "onboarding_dm", about: "community", payload: z.object({}) });

export function onboardingKey(communityId: string, slackUserId: string): string {
  return `onboard:${communityId}:${slackUserId}`;
}
