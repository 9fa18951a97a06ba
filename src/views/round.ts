// The live-projects round as the people asked see it: the question (and its
// reminder) by DM, with Tell us about a change and Nothing new, redrawn with what
// their organisation has told so far; and the form for one change.
import type { View } from "@slack/types";
import { PROJECT_STATES, type ProjectUpdateRecord } from "../domain/ports";
import type { UpdateForm } from "../domain/round/answers";
import { UPDATE_LIMITS } from "../domain/round/answers";
import type { RoundQuestion } from "../domain/round/round";
import { roundChannel } from "../domain/round/roundPlan";
import { dates, labels, roundWords } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  channelLink,
  context,
  esc,
  joinMd,
  LIMITS,
  lines,
  type Mrkdwn,
  md,
  option,
  plain,
  plural,
  section,
  selectInput,
  textInput,
  truncate,
  userLink,
} from "./blocks";
import { groupTitle } from "./groups";
import { ACTION, CALLBACK, ROUND_BLOCK } from "./ids";
import { domainMessage } from "./mrkdwn";
import { dueText } from "./outcomes";

/** Updates a question lists before saying how many more. */
const TOLD_SHOWN = 10;

/** "In policy clearance, expected Friday 30 October 2026" */
export function stateText(update: Pick<ProjectUpdateRecord, "state" | "expectedOn">): string {
  const state = update.state ? labels.projectStates[update.state] : "";
  return update.expectedOn ? `${state}, expected ${dueText(update.expectedOn)}` : state;
}

/** "Show and tell, Tuesday 7 April 2026" */
export function meetingName(meeting: { title: string; startsAt: Date; timezone: string }): Mrkdwn {
  return md`${esc(meeting.title)}, ${esc(dates.longDate(meeting.startsAt, meeting.timezone))}`;
}

function questionText(q: RoundQuestion): Mrkdwn {
  const bold = (text: string) => md`*${esc(text)}*`;
  // The catalogue's sentence around parts already escaped and marked here.
  return domainMessage(
    roundWords.question(bold(q.organisation.label), bold(q.community.service), q.group ? bold(groupTitle(q.group.name)) : null),
  );
}

/** The question by DM, its reminder, and the same redrawn once they have answered. */
export function roundQuestionDm(q: RoundQuestion): BlockMessage {
  const heading =
    q.when === "reminder"
      ? md`:alarm_clock: *Reminder: live projects before ${meetingName(q.meeting)}*`
      : md`:mega: *Live projects before ${meetingName(q.meeting)}*`;
  const postAt = md`${esc(dates.clockTime(q.postAt, q.community.timezone))} on ${esc(dates.longDate(q.postAt, q.community.timezone))}`;
  const about = [
    md`For example a policy in clearance, a form that is changing or a service going live. The answers are posted in ${channelLink(roundChannel(q.community, q.group))} at ${postAt}, and kept in \`/community updates\`.`,
  ];
  if (q.askedWith.length) {
    about.push(
      md`${joinMd(q.askedWith.map(userLink), md`, `)} ${q.askedWith.length > 1 ? md`were` : md`was`} asked too: one answer for ${esc(q.organisation.label)} is enough.`,
    );
  }
  const blocks: AnyBlock[] = [section(lines([heading, questionText(q)])), context(...about)];
  if (q.told.length) {
    const shown = q.told.slice(0, TOLD_SHOWN).map((u) => md`• ${esc(truncate(u.title, 150))} (${esc(stateText(u))})`);
    const more = q.told.length - shown.length;
    if (more > 0) shown.push(md`…and ${plural(more, "more")}`);
    blocks.push(section(lines([md`:white_check_mark: *Told so far for ${esc(q.organisation.label)}*`, ...shown])));
  } else if (q.nothingNew) {
    blocks.push(section(md`:white_check_mark: ${esc(q.organisation.label)} has nothing new this time. Thank you.`));
  }
  const buttons = [
    button(q.told.length ? "Tell us about another change" : "Tell us about a change", ACTION.roundTellUs, q.meeting.id, "primary"),
  ];
  if (!q.told.length && !q.nothingNew) buttons.push(button("Nothing new", ACTION.roundNothingNew, q.meeting.id));
  blocks.push(actions(undefined, ...buttons));
  return { text: questionText(q), blocks };
}

/** The form for one change, from a question's button. */
export function roundUpdateModal(form: UpdateForm, privateMetadata: string): View {
  const blocks: AnyBlock[] = [
    context(
      md`For *${esc(form.organisation.label)}*, before ${meetingName(form.meeting)}. Everyone in ${esc(form.community.name)} will see it.`,
    ),
    textInput(ROUND_BLOCK.title, ACTION.input, "What is it?", {
      max: UPDATE_LIMITS.titleMax,
      hint: "For example: New online form for registering a company",
    }),
  ];
  if (form.earlier.length) {
    blocks.push(
      selectInput(
        ROUND_BLOCK.earlier,
        ACTION.input,
        "Is it something you told us about before?",
        form.earlier.slice(0, LIMITS.staticOptions).map((u) => ({ label: `${u.title} (${stateText(u)})`, value: u.projectKey })),
        undefined,
        { optional: true, hint: "Choose it, and its history shows in one place in /community updates." },
      ),
    );
  }
  if (form.stages.length) {
    blocks.push({
      type: "input",
      block_id: ROUND_BLOCK.stages,
      optional: true,
      label: plain("Which stages of the journey does it touch?"),
      element: {
        type: "multi_static_select",
        action_id: ACTION.input,
        options: form.stages.slice(0, LIMITS.staticOptions).map((s) => option(s.title, s.id)),
      },
    } as AnyBlock);
  }
  blocks.push(
    {
      type: "input",
      block_id: ROUND_BLOCK.state,
      label: plain("Where is it now?"),
      element: { type: "radio_buttons", action_id: ACTION.input, options: PROJECT_STATES.map((s) => option(labels.projectStates[s], s)) },
    } as AnyBlock,
    {
      type: "input",
      block_id: ROUND_BLOCK.expectedOn,
      optional: true,
      label: plain("When is it expected?"),
      hint: plain("The next step or going live. Leave it empty if you do not know yet.", 150),
      element: { type: "datepicker", action_id: ACTION.input },
    } as AnyBlock,
  );
  return {
    type: "modal",
    callback_id: CALLBACK.roundUpdate,
    private_metadata: privateMetadata,
    title: plain("Live projects", LIMITS.modalTitle),
    submit: plain("Send", LIMITS.modalTitle),
    close: plain("Cancel", LIMITS.modalTitle),
    blocks,
  } as View;
}
