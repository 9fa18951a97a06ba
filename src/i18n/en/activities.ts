// English: the activities of step 6, each explained in two plain sentences,
// with the meeting title and agenda that "Plan it" writes into the meeting form.
import type { ActivityWords } from "../catalogue";

export const activityWords: ActivityWords = {
  map_whole_problem: {
    title: "Map a user's whole problem",
    about:
      "Walk through everything a user has to do to solve their whole problem, whichever organisation each part belongs to. It helps when nobody can see the full journey, or when problems fall between organisations.",
    meetingTitle: "Mapping the user's whole problem",
    agenda: [
      "Agree who the user is and the goal they are trying to reach",
      "Walk the journey stage by stage, from the user's point of view",
      "Mark the pain points, and which organisation owns each",
      "Agree next steps and who will take them",
    ],
  },
  experience_map: {
    title: "Create an experience map",
    about:
      "Draw what users do, think and feel at each stage of the service, from your research. It gives everyone one picture of the service, and shows where the biggest problems are.",
    meetingTitle: "Creating an experience map",
    agenda: [
      "Share the research each organisation has on these users",
      "Map what users do, think and feel at each stage",
      "Agree the moments that matter most to users",
      "Agree who will write up the map and share it",
    ],
  },
  share_findings: {
    title: "Share user research findings",
    about:
      "Researchers from each organisation share what they have learned about people who use the service. It avoids repeating research, and shows where findings agree and differ.",
    meetingTitle: "Sharing user research findings",
    agenda: [
      "Each organisation shares its latest findings, 10 minutes each",
      "Look for findings that agree, and ones that differ",
      "Agree the questions nobody has answered yet",
      "Share the findings with /community findings, so the journey shows them",
    ],
  },
  step_by_step: {
    title: "Step by step navigation",
    about:
      "Agree the steps a user must take, and publish them as GOV.UK step by step navigation. It helps when users cannot tell what to do next, or which organisation to go to.",
    meetingTitle: "Agreeing our step by step navigation",
    agenda: [
      "Check the journey's stages are the steps users take",
      "Agree a title and a short summary for each step",
      "Agree the links for each step, and who owns each page",
      "Agree who will take the draft to their content team",
    ],
  },
};
