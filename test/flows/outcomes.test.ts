// Record outcomes (#17), through the real app over HTTP on each database: from
// the meeting's menu once it has started, for its organisers and whoever
// scheduled it; notes, decisions and actions (each owned by a member, with a due
// date and perhaps a stage or problem), checked beside each field; recorded and
// posted in the announcement's thread once, however often the form is sent.
import { actionField } from "../../src/domain/meetings/outcomes";
import { ACTION, CALLBACK, OUTCOME_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { input, overflowAction, viewAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member who scheduled the meeting
const CAROL = "U0CAROL"; // member
const DAN = "U0DAN"; // not a member

let h: Harness;
let w: { communityId: string; channel: string; meetingId: string; stageId: string; problemId: string };
const world = seededWorld(async (h) => {
  const seeded = await seedCommunity(h, ALICE);
  await seedMember(h, BOB, seeded.id);
  await seedMember(h, CAROL, seeded.id, { organisation: "companies-house" });
  await h.db.community.update({ where: { id: seeded.id }, data: { membersCanSchedule: true } });
  const stage = await h.db.journeyStage.create({
    data: { communityId: seeded.id, title: "Register the company", position: 0, createdBy: ALICE },
  });
  const problem = await h.db.problem.findFirstOrThrow({ where: { communityId: seeded.id } });
  const meeting = await seedMeeting(h, seeded.id, "2026-03-03T10:00", { by: BOB, channel: seeded.slackChannelId!, now: h.clock.now() });
  return { communityId: seeded.id, channel: seeded.slackChannelId!, meetingId: meeting.id, stageId: stage.id, problemId: problem.id };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start()); // clock: Monday 2 March 2026, 10:00Z; the meeting is the next day at 10am
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const started = () => h.clock.set(new Date("2026-03-03T10:30:00Z"));

function openForm(user: string) {
  return h.interact(
    overflowAction({
      user,
      actionId: ACTION.meetingMenu,
      value: JSON.stringify({ m: w.meetingId, do: "outcomes" }),
      channel: w.channel,
      responseUrl: h.slack.responseUrl(),
    }),
  );
}

interface Row {
  title?: string | null;
  owner?: string | null;
  due?: string | null;
  topic?: string | null;
}

function submit(
  user: string,
  fields: { notes?: string | null; link?: string | null; decisions?: string | null; actions?: Row[] },
  viewId?: string,
) {
  const rows = fields.actions ?? [];
  const values: Record<string, Record<string, unknown>> = {
    [OUTCOME_BLOCK.notes]: input.text(fields.notes ?? null),
    [OUTCOME_BLOCK.notesLink]: input.text(fields.link ?? null),
    [OUTCOME_BLOCK.decisions]: input.text(fields.decisions ?? null),
  };
  for (let i = 0; i < Math.max(3, rows.length); i++) {
    const row = rows[i] ?? {};
    values[actionField(i, "title")] = input.text(row.title ?? null);
    values[actionField(i, "owner")] = { type: "users_select", selected_user: row.owner ?? null };
    values[actionField(i, "due")] = { type: "datepicker", selected_date: row.due ?? null };
    values[actionField(i, "topic")] = input.select(row.topic ?? null);
  }
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.recordOutcomes,
      privateMetadata: JSON.stringify({ meetingId: w.meetingId, rows: Math.max(3, rows.length) }),
      viewId,
      values,
    }),
  );
}

const full = {
  notes: "We walked the journey.\nHMRC and Companies House will compare their address checks.",
  link: "https://docs.example.gov.uk/notes",
  decisions: "1. Meet every month\n- Start with the address check",
  actions: [
    { title: "Share the research plan", owner: CAROL, due: "2026-03-20" },
    { title: "Find someone from DBT", owner: ALICE, due: "2026-03-31" },
  ],
};

describe("Record outcomes", () => {
  it("waits for the meeting to start", async () => {
    await openForm(ALICE);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "*Show and tell* has not started yet. You can record what came out of it from Tuesday 3 March 2026 at 10am UK time.",
    );
  });

  it("is for organisers and whoever scheduled the meeting", async () => {
    started();
    await openForm(CAROL);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "Only the organisers of *Starting a business*, or whoever scheduled it, can record what came out of this meeting. Nothing was changed.",
    );
    const forged = await submit(CAROL, { notes: "Sneaky notes" });
    expect(forged.json.response_action).toBe("errors");
    await openForm(BOB);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.recordOutcomes);
    expect(view.blocks.filter((b: any) => /^action_\d+_title$/.test(b.block_id))).toHaveLength(3);
    expect(await h.db.meetingOutcome.count()).toBe(0);
  });

  it("adds another action row, keeping what was entered", async () => {
    started();
    await openForm(ALICE);
    const opened = h.slack.lastCall("views.open")!.args.view;
    await h.interact(
      viewAction({
        user: ALICE,
        actionId: ACTION.addOutcomeAction,
        value: "4",
        view: { ...opened, id: "V0OUT", hash: "h1" },
        state: {
          [OUTCOME_BLOCK.decisions]: input.text("Meet every month"),
          [actionField(0, "title")]: input.text("Share the research plan"),
          [actionField(0, "owner")]: { type: "users_select", selected_user: CAROL },
          [actionField(0, "due")]: { type: "datepicker", selected_date: "2026-03-20" },
        },
      }),
    );
    const update = h.slack.lastCall("views.update")!.args;
    expect(update).toMatchObject({ view_id: "V0OUT", hash: "h1" });
    const block = (id: string) => update.view.blocks.find((b: any) => b.block_id === id);
    expect(update.view.blocks.filter((b: any) => /^action_\d+_title$/.test(b.block_id))).toHaveLength(4);
    expect(block(OUTCOME_BLOCK.decisions).element.initial_value).toBe("Meet every month");
    expect(block(actionField(0, "title")).element.initial_value).toBe("Share the research plan");
    expect(block(actionField(0, "owner")).element.initial_user).toBe(CAROL);
    expect(block(actionField(0, "due")).element.initial_date).toBe("2026-03-20");
    expect(JSON.parse(update.view.private_metadata)).toEqual({ meetingId: w.meetingId, rows: 4 });
  });

  it("says beside each field what is wrong, and records nothing", async () => {
    started();
    const empty = await submit(ALICE, {});
    expect(empty.json.errors).toEqual({ [OUTCOME_BLOCK.notes]: "Add notes, a link to notes, a decision or an action." });
    const wrong = await submit(ALICE, {
      link: "not a link",
      actions: [
        { title: "Share the plan" },
        { title: "Ask the other team", owner: DAN, due: "2026-03-02" },
        { owner: CAROL, due: "2026-03-20" },
      ],
    });
    expect(wrong.json.errors).toEqual({
      [OUTCOME_BLOCK.notesLink]: expect.stringContaining("link"),
      [actionField(0, "owner")]: "Choose who owns this action.",
      [actionField(0, "due")]: "Pick the date the action is due.",
      [actionField(1, "owner")]: "The owner must be a member of Starting a business. Choose a member, or ask them to join first.",
      [actionField(1, "due")]: "Pick a date on or after the meeting, Tuesday 3 March 2026.",
      [actionField(2, "title")]: "Say what the action is, in 3 to 200 characters, for example Share the research plan.",
    });
    expect(await h.db.meetingOutcome.count()).toBe(0);
  });

  it("records once and posts once in the announcement's thread, however often the form is sent", async () => {
    started();
    const fields = {
      ...full,
      actions: [
        { ...full.actions[0], topic: `stage:${w.stageId}` },
        { ...full.actions[1], topic: `problem:${w.problemId}` },
      ],
    };
    const replies = await Promise.all([submit(ALICE, fields, "V0ONCE"), submit(ALICE, fields, "V0ONCE")]);
    expect(replies.map((r) => r.json)).toEqual([{ response_action: "clear" }, { response_action: "clear" }]);
    await submit(ALICE, fields, "V0ONCE");
    const outcome = await h.db.meetingOutcome.findUniqueOrThrow({ where: { meetingId: w.meetingId } });
    expect(outcome).toMatchObject({
      notes: full.notes,
      notesLink: "https://docs.example.gov.uk/notes",
      decisions: "Meet every month\nStart with the address check",
      recordedBy: ALICE,
      postChannelId: w.channel,
    });
    const actions = await h.db.actionItem.findMany({ where: { meetingId: w.meetingId }, orderBy: { position: "asc" } });
    expect(actions.map((a) => [a.title, a.ownerId, a.dueOn, a.stageId, a.problemId, a.status])).toEqual([
      ["Share the research plan", CAROL, "2026-03-20", w.stageId, null, "open"],
      ["Find someone from DBT", ALICE, "2026-03-31", null, w.problemId, "open"],
    ]);
    const posts = h.slack.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === "1.1");
    expect(posts).toHaveLength(1);
    expect(posts[0].args.channel).toBe(w.channel);
    expect(posts[0].args.text).toBe("What came out of Show and tell: 2 decisions and 2 actions");
    const text = JSON.stringify(posts[0].args.blocks);
    expect(text).toContain("*Decisions*\\n• Meet every month\\n• Start with the address check");
    expect(text).toContain(`• Share the research plan: <@${CAROL}>, due Friday 20 March 2026  ·  Stage: Register the company`);
    expect(text).toContain("<https://docs.example.gov.uk/notes|Read the notes>");
    // The card says it is recorded, and where.
    const card = h.slack.callsTo("chat.update").findLast((c) => c.args.ts === "1.1")!;
    expect(JSON.stringify(card.args.blocks)).toContain(
      "What came out of it is recorded (2 decisions and 2 actions): see the reply to this message.",
    );

    // A second form is refused, and says who recorded it.
    await openForm(BOB);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      `What came out of *Show and tell* was recorded by <@${ALICE}> already. It is in the reply to the meeting's announcement.`,
    );
    const another = await submit(BOB, { notes: "Other notes" }, "V0OTHER");
    expect(another.json.response_action).toBe("errors");
    expect(await h.db.actionItem.count()).toBe(2);
  });

  it("refuses a cancelled meeting", async () => {
    started();
    await h.db.meeting.update({ where: { id: w.meetingId }, data: { status: "cancelled" } });
    await openForm(ALICE);
    expect(h.slack.responses.at(-1)!.body.text).toBe("*Show and tell* was cancelled, so there is nothing to record.");
  });
});
