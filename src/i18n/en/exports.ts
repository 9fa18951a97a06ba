// English: the words in the journey's exports. Plain text: a spreadsheet or a
// content team's tools show it as it is.
import type { ExportWords } from "../catalogue";

export const exportWords: ExportWords = {
  stepByStepTitle: (service) => `${service}: step by step`,
  stepByStepIntroduction: (service) =>
    `A first draft of the step by step for ${service}, from the journey its service community mapped. Check each step with the organisations that own it before you publish it.`,
  landscapeHeadings: [
    "Step",
    "Stage",
    "Organisation",
    "Role",
    "Open problems at this stage",
    "Objectives at this stage",
    "Members from this organisation working on this stage",
  ],
  landscapeRoles: { owns: "Owns", delivers: "Delivers", affected: "Affected" },
  notFound: "There is no file at this link. Ask for a new link with the Export button on the community's journey in Slack.",
  expired:
    "This link has expired: links to exports work for one hour. Ask for a new one with the Export button on the community's journey in Slack.",
  communityGone: "That community no longer exists.",
  failed: "Something went wrong, so there is no file. Try again in a moment.",
};
