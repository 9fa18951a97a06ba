// The first-meeting kit on the meeting form, for a community that has never met.
// The GOV.UK guidance's steps 2 to 5 are what a first meeting agrees: the
// problems members share, the objectives, how the community works and how often
// it meets, and who else it needs. Each line and each chosen problem becomes an
// item on the meeting's agenda, which members can add to afterwards.
import type { FirstMeetingKit } from "../domain/meetings/firstMeeting";
import { type AnyBlock, context, LIMITS, md, option, plain, textInput } from "./blocks";
import { ACTION, MEETING_BLOCK } from "./ids";

export const FIRST_MEETING_AGENDA = [
  "Agree the problems we share",
  "Agree our objectives",
  "Agree how we work and how often we meet",
  "Who else we need",
] as const;

export function firstMeetingBlocks(kit: FirstMeetingKit, init: { firstAgenda?: string; firstProblemIds?: string[] }): AnyBlock[] {
  const blocks: AnyBlock[] = [
    context(
      md`This is the community's first meeting. Here is an agenda for a first meeting: change it as you like. Each line becomes an item on the agenda.`,
    ),
    textInput(MEETING_BLOCK.firstAgenda, ACTION.input, "First meeting agenda", {
      initial: init.firstAgenda ?? FIRST_MEETING_AGENDA.join("\n"),
      optional: true,
      multiline: true,
      max: 2000,
    }),
  ];
  if (kit.problems.length) {
    const options = kit.problems.slice(0, LIMITS.staticOptions).map((p) => option(p.title, p.id));
    const chosen = init.firstProblemIds ? options.filter((o) => init.firstProblemIds?.includes(o.value ?? "")) : options;
    blocks.push({
      type: "input",
      block_id: MEETING_BLOCK.firstProblems,
      optional: true,
      label: plain("Problems to agree"),
      hint: plain(`The problems in the charter. Each one you keep becomes an item on the agenda, after the lines above.`, 150),
      element: {
        type: "multi_static_select",
        action_id: ACTION.input,
        placeholder: plain("Choose problems"),
        options,
        ...(chosen.length ? { initial_options: chosen } : {}),
      },
    } as AnyBlock);
  }
  return blocks;
}

/** The kit's answers, as the submission reads them: one item a line. */
export function firstMeetingLines(text: string | null): string[] {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}
