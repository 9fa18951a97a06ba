// The activities of step 6 of "How to set up a service community: step by
// step" (alphagov/service-communities-templates), with the guidance each links
// to and how long a first session of it usually takes. Their words are in the
// catalogue (src/i18n/en/activities.ts).
export const ACTIVITY_IDS = ["map_whole_problem", "experience_map", "share_findings", "step_by_step"] as const;
export type ActivityId = (typeof ACTIVITY_IDS)[number];

export interface Activity {
  id: ActivityId;
  guidance: string;
  /** A first session's length, in minutes (one of the meeting form's lengths). */
  durationMinutes: number;
  /** It walks the whole journey, so Plan it chooses every stage as one the meeting covers. */
  walksJourney: boolean;
}

export const ACTIVITIES: readonly Activity[] = Object.freeze([
  {
    id: "map_whole_problem",
    guidance: "https://www.gov.uk/service-manual/design/map-a-users-whole-problem",
    durationMinutes: 120,
    walksJourney: true,
  },
  {
    id: "experience_map",
    guidance: "https://www.gov.uk/service-manual/user-research/creating-an-experience-map",
    durationMinutes: 120,
    walksJourney: true,
  },
  {
    id: "share_findings",
    guidance: "https://www.gov.uk/service-manual/user-research/sharing-user-research-findings",
    durationMinutes: 60,
    walksJourney: false,
  },
  {
    id: "step_by_step",
    guidance: "https://design-system.service.gov.uk/patterns/step-by-step-navigation/",
    durationMinutes: 90,
    walksJourney: true,
  },
]);

export function isActivityId(id: string): id is ActivityId {
  return (ACTIVITY_IDS as readonly string[]).includes(id);
}
