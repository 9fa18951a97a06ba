// Actions get done (#17), through the real app over HTTP on each database with
// the clock moved by hand: each owner's DM with Done and Change date; reminders
// through the outbox the working day before (across a weekend, a clock change
// and the community's bank holidays, which its organisers choose) and once overdue, when the action is also carried onto the next
// meeting's agenda, once; Done from the DM, from App Home and from
// /community actions, said in the meeting's thread, once however often it is
// clicked; a new date moves the reminders; and only those who may close it can.
import { actionField } from "../../src/domain/meetings/outcomes";
import { ACTION, CALLBACK, OUTCOME_BLOCK, SETTINGS_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser, records the outcomes
const BOB = "U0BOB"; // owns an action
const CAROL = "U0CAROL"; // owns an action

let h: Harness;
let w: { communityId: string; channel: string; meetingId: string };
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE);
  await seedMember(h, BOB, community.id);
  await seedMember(h, CAROL, community.id, { organisation: "companies-house" });
  // Monday 2 March 2026, 9am UK time: under way when the world starts at 10am.
  h.clock.set(new Date("2026-03-02T08:00:00Z"));
  const meeting = await seedMeeting(h, community.id, "2026-03-02T09:00", {
    by: ALICE,
    channel: community.slackChannelId!,
    now: h.clock.now(),
  });
  h.clock.set(new Date("2026-03-02T10:00:00Z"));
  return { communityId: community.id, channel: community.slackChannelId!, meetingId: meeting.id };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

/** Records the meeting's outcomes through the form: Bob's action due Friday 6 March, Carol's on Monday 30 March (after the clocks go forward). */
async function record(
  rows = [
    { title: "Share the research plan", owner: BOB, due: "2026-03-06" },
    { title: "Find someone from DBT", owner: CAROL, due: "2026-03-30" },
  ],
) {
  const values: Record<string, Record<string, unknown>> = { [OUTCOME_BLOCK.decisions]: input.text("Meet every month") };
  rows.forEach((row, i) => {
    values[actionField(i, "title")] = input.text(row.title);
    values[actionField(i, "owner")] = { type: "users_select", selected_user: row.owner };
    values[actionField(i, "due")] = { type: "datepicker", selected_date: row.due };
  });
  const reply = await h.interact(
    viewSubmission({
      user: ALICE,
      callbackId: CALLBACK.recordOutcomes,
      privateMetadata: JSON.stringify({ meetingId: w.meetingId, rows: rows.length }),
      values,
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.actionItem.findMany({ where: { meetingId: w.meetingId }, orderBy: { position: "asc" } });
}

const reminders = (actionId: string) =>
  h.db.outboxMessage.findMany({ where: { subjectId: actionId, kind: "action_reminder" }, orderBy: { dueAt: "asc" } });

function done(user: string, value: string, where: { channel?: string; messageTs?: string; home?: boolean } = {}) {
  const click = blockAction({
    user,
    actionId: ACTION.actionDone,
    value,
    channel: where.home ? undefined : (where.channel ?? user),
    responseUrl: h.slack.responseUrl(),
  });
  return h.interact(where.messageTs ? { ...click, message: { ts: where.messageTs, type: "message" } } : click);
}

const threadPosts = () =>
  h.slack.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === "1.1" && c.args.text.startsWith(":white_check_mark: Action done"));

describe("an action's owner", () => {
  it("gets a DM with Done and Change date, and reminders planned for the working day before and once overdue", async () => {
    const [bobs, carols] = await record();
    const dm = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === BOB)!;
    expect(dm.args.text).toBe("Your action: Share the research plan, due Friday 6 March 2026");
    expect(dm.args.blocks[0].text.text).toBe(
      ":ballot_box_with_check: You have an action from Show and tell, Monday 2 March 2026, in Starting a business: *Share the research plan*, due Friday 6 March 2026.",
    );
    expect(dm.args.blocks[1].elements.map((e: any) => [e.text.text, e.value])).toEqual([
      ["Done", bobs.id],
      ["Change date", bobs.id],
    ]);
    expect((await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } })).dmTs).toBeTruthy();
    // Due Friday: the day before is Thursday; overdue on Monday, the weekend skipped.
    expect((await reminders(bobs.id)).map((r) => [JSON.parse(r.payload).when, r.dueAt.toISOString(), r.target])).toEqual([
      ["before", "2026-03-05T09:00:00.000Z", BOB],
      ["overdue", "2026-03-09T09:00:00.000Z", BOB],
    ]);
    // Due Monday 30 March, the day after the clocks go forward: Friday at 9am GMT, then Tuesday at 9am BST.
    expect((await reminders(carols.id)).map((r) => r.dueAt.toISOString())).toEqual([
      "2026-03-27T09:00:00.000Z",
      "2026-03-31T08:00:00.000Z",
    ]);
  });

  it("is reminded on working days: the community's bank holidays are skipped, and choosing Scotland's moves what changes", async () => {
    // Due Tuesday 7 April 2026: in England and Wales the working day before is Thursday 2 April (Good Friday, Easter Monday).
    const [bobs] = await record([{ title: "Share the research plan", owner: BOB, due: "2026-04-07" }]);
    const pending = async () =>
      (await reminders(bobs.id)).filter((r) => r.status === "pending").map((r) => [JSON.parse(r.payload).when, r.dueAt.toISOString()]);
    expect(await pending()).toEqual([
      ["before", "2026-04-02T08:00:00.000Z"],
      ["overdue", "2026-04-08T08:00:00.000Z"],
    ]);
    await h.command("settings", { user: ALICE, channel: w.channel });
    const modal = h.slack.lastCall("views.open")!.args.view;
    const select = modal.blocks.find((b: any) => b.block_id === SETTINGS_BLOCK.bankHolidays);
    expect(select.element.initial_option.value).toBe("england-and-wales");
    expect(select.element.options.map((o: any) => o.text.text)).toEqual(["England and Wales", "Scotland", "Northern Ireland"]);
    const saved = await h.interact(
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.communitySettings,
        privateMetadata: modal.private_metadata,
        values: {
          [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
          [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
          [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
          [SETTINGS_BLOCK.digestMonthDay]: input.select("1"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "09:00" },
          [SETTINGS_BLOCK.bankHolidays]: input.select("scotland"),
        },
      }),
    );
    expect(saved.json).toEqual({ response_action: "clear" });
    expect((await h.db.community.findUniqueOrThrow({ where: { id: w.communityId } })).bankHolidays).toBe("scotland");
    // Easter Monday is a working day in Scotland.
    expect(await pending()).toEqual([
      ["before", "2026-04-06T08:00:00.000Z"],
      ["overdue", "2026-04-08T08:00:00.000Z"],
    ]);
  });

  it("is reminded the working day before, and once overdue the action goes on the next meeting's agenda, once", async () => {
    const [bobs] = await record();
    const next = await seedMeeting(h, w.communityId, "2026-03-16T10:00", { title: "March meeting", now: h.clock.now() });
    h.slack.reset();
    h.clock.set(new Date("2026-03-05T09:00:00Z"));
    await h.app.tick();
    const before = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === BOB);
    expect(before.map((c) => c.args.blocks[0].text.text.split("\n")[0])).toEqual([
      ":alarm_clock: Your action *Share the research plan* is due on Friday 6 March 2026.",
    ]);
    h.clock.set(new Date("2026-03-09T09:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    const overdue = h.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === BOB)
      .at(-1)!;
    expect(overdue.args.blocks[0].text.text).toContain("was due on Friday 6 March 2026. It is on the agenda of the next meeting.");
    const carried = await h.db.agendaItem.findMany({ where: { meetingId: next.id } });
    expect(carried.map((i) => [i.title, i.source, i.actionId, i.proposedBy])).toEqual([
      ["Share the research plan", "overdue_action", bobs.id, BOB],
    ]);
    const agenda = await h.command("agenda", { user: BOB, channel: w.channel });
    expect(JSON.stringify(agenda.json ?? h.slack.responses.at(-1)!.body)).toContain("1. Overdue action: Share the research plan");
    // Carrying again (the announcement of the next meeting, a retried row) adds nothing.
    expect(await h.app.services.actions.carryOverdue(w.communityId, null, "Europe/London")).toBe(0);
    expect(await h.db.agendaItem.count({ where: { meetingId: next.id } })).toBe(1);
  });

  it("closes it from the DM: the DM and the thread say so, once however often it is clicked, and its reminders are dropped", async () => {
    const [bobs] = await record();
    const { dmTs } = await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } });
    await Promise.all([done(BOB, bobs.id, { messageTs: dmTs! }), done(BOB, bobs.id, { messageTs: dmTs! })]);
    const closed = await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } });
    expect(closed).toMatchObject({ status: "done", doneBy: BOB });
    expect(threadPosts().map((c) => c.args.text)).toEqual([
      `:white_check_mark: Action done: *Share the research plan*, closed by its owner, <@${BOB}>.`,
    ]);
    const redrawn = h.slack.callsTo("chat.update").find((c) => c.args.ts === dmTs)!;
    expect(redrawn.args.blocks).toHaveLength(1);
    expect(redrawn.args.blocks[0].text.text).toContain(":white_check_mark: *Share the research plan* is done.");
    expect(h.slack.responses.at(-1)!.body.text).toBe("*Share the research plan* is already done.");
    expect((await reminders(bobs.id)).map((r) => r.status)).toEqual(["skipped", "skipped"]);
  });

  it("closes it from App Home, which is drawn again without it", async () => {
    const [bobs] = await record();
    await h.event({ type: "app_home_opened", user: BOB, channel: "D0HOME", tab: "home", event_ts: "1.2" });
    const home = JSON.stringify(h.slack.lastCall("views.publish")!.args.view.blocks);
    expect(home).toContain("*Your open actions* (1)");
    expect(home).toContain("*Share the research plan*\\ndue Friday 6 March 2026  ·  Starting a business");
    await done(BOB, bobs.id, { home: true });
    expect((await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } })).status).toBe("done");
    expect(JSON.stringify(h.slack.lastCall("views.publish")!.args.view.blocks)).not.toContain("Your open actions");
    expect(threadPosts()).toHaveLength(1);
  });

  it("moves its date, and its reminders with it; a date that has passed is refused", async () => {
    const [bobs] = await record();
    await h.interact(
      blockAction({ user: BOB, actionId: ACTION.actionChangeDate, value: bobs.id, channel: BOB, responseUrl: h.slack.responseUrl() }),
    );
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.changeActionDate);
    const change = (date: string) =>
      h.interact(
        viewSubmission({
          user: BOB,
          callbackId: CALLBACK.changeActionDate,
          privateMetadata: view.private_metadata,
          values: { dueOn: { type: "datepicker", selected_date: date } },
        }),
      );
    expect((await change("2026-03-01")).json.errors).toEqual({ dueOn: "Pick today or a later date." });
    expect((await change("2026-03-13")).json).toEqual({ response_action: "clear" });
    expect((await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } })).dueOn).toBe("2026-03-13");
    expect((await reminders(bobs.id)).map((r) => [JSON.parse(r.payload).dueOn, r.status, r.dueAt.toISOString()])).toEqual([
      ["2026-03-06", "skipped", "2026-03-05T09:00:00.000Z"],
      ["2026-03-06", "skipped", "2026-03-09T09:00:00.000Z"],
      ["2026-03-13", "pending", "2026-03-12T09:00:00.000Z"],
      ["2026-03-13", "pending", "2026-03-16T09:00:00.000Z"],
    ]);
    const { dmTs } = await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } });
    expect(h.slack.callsTo("chat.update").find((c) => c.args.ts === dmTs)!.args.text).toBe(
      "Your action: Share the research plan, due Friday 13 March 2026",
    );
  });

  it("cannot be closed by another member, only by its owner, whoever recorded it, or an organiser", async () => {
    const [bobs, carols] = await record();
    await done(CAROL, bobs.id, { channel: w.channel });
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "Only the action's owner, whoever recorded it, or the organisers of *Starting a business* can close it or change its date. Nothing was changed.",
    );
    expect((await h.db.actionItem.findUniqueOrThrow({ where: { id: bobs.id } })).status).toBe("open");
    await done(ALICE, carols.id, { channel: w.channel });
    expect(threadPosts().map((c) => c.args.text)).toEqual([
      `:white_check_mark: Action done: *Find someone from DBT*, closed by <@${ALICE}> for <@${CAROL}>.`,
    ]);
  });
});

describe("/community actions", () => {
  async function list(user: string, args = "") {
    const reply = await h.command(`actions${args ? ` ${args}` : ""}`, { user, channel: w.channel });
    return reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
  }

  it("lists everyone's open actions soonest first, yours with mine, and the done ones, each with Done for who may close it", async () => {
    await record();
    const open = await list(BOB);
    expect(open.blocks[0].text.text).toBe("*Open actions in Starting a business* (2)");
    expect(open.blocks.slice(1).map((b: any) => [b.text.text.split("\n")[0], b.accessory?.text.text ?? null])).toEqual([
      ["*Share the research plan*", "Done"],
      ["*Find someone from DBT*", null],
    ]);
    expect(open.blocks[1].text.text).toBe(
      `*Share the research plan*\n<@${BOB}>  ·  due Friday 6 March 2026  ·  from Show and tell, Monday 2 March 2026, in Starting a business`,
    );
    expect((await list(CAROL, "mine")).blocks.map((b: any) => b.text.text.split("\n")[0])).toEqual([
      "*Your open actions in Starting a business* (1)",
      "*Find someone from DBT*",
    ]);
    // Done from the list redraws it.
    await h.interact(
      blockAction({
        user: BOB,
        actionId: ACTION.actionDone,
        value: open.blocks[1].accessory.value,
        channel: w.channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    const redrawn = h.slack.responses.at(-1)!.body;
    expect(redrawn.replace_original).toBe(true);
    expect(redrawn.blocks[0].elements[0].text).toBe("*Share the research plan* is done.");
    expect(redrawn.blocks[1].text.text).toBe("*Open actions in Starting a business* (1)");
    h.clock.set(new Date("2026-03-09T12:00:00Z"));
    const finished = await list(ALICE, "done");
    expect(finished.blocks[1].text.text).toContain("done on Monday 2 March 2026");
    expect((await list(ALICE)).blocks[1].text.text).toContain("due Monday 30 March 2026");
  });

  it("says plainly when the list's name is not one, and pages through many actions", async () => {
    expect((await list(BOB, "urgent")).text).toBe(
      "There is no list called “urgent”. Type `/community actions` with mine, open or done, for example `/community actions done`.",
    );
    // More actions than a page holds (the form holds ten; these are written straight to the table).
    await h.db.actionItem.createMany({
      data: Array.from({ length: 35 }, (_, i) => ({
        meetingId: w.meetingId,
        communityId: w.communityId,
        title: `Action ${String(i + 1).padStart(2, "0")}`,
        ownerId: BOB,
        dueOn: "2026-04-01",
        position: i,
        createdBy: ALICE,
      })),
    });
    const first = await list(BOB, "open");
    expect(first.blocks[0].text.text).toContain("(35), page 1 of 2");
    const next = first.blocks.at(-1).elements[0];
    expect(next.text.text).toBe("Next");
    await h.interact(
      blockAction({ user: BOB, actionId: ACTION.actionsNext, value: next.value, channel: w.channel, responseUrl: h.slack.responseUrl() }),
    );
    const second = h.slack.responses.at(-1)!.body;
    expect(second.blocks[0].text.text).toContain("page 2 of 2");
    expect(second.blocks.length).toBe(1 + 15 + 1);
  });
});
