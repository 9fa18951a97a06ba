// Groups feed back to the larger community (#17), through the real app over
// HTTP on each database: a group's meeting's outcome is posted in the group's
// thread and told in the community's channel in one line linking to it, once;
// what Slack refused is posted by the next scheduler tick, once; and the
// community's digest lists what the group decided under the group's name, with
// the actions now overdue and whose they are.
import { actionField } from "../../src/domain/meetings/outcomes";
import { CALLBACK, OUTCOME_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser
const CAROL = "U0CAROL"; // member, in the group
const GROUP_CHANNEL = "C0RESEARCH";

let h: Harness;
let w: { communityId: string; channel: string; meetingId: string };
const world = seededWorld(async (h) => {
  const seeded = await seedCommunity(h, ALICE);
  await seedMember(h, CAROL, seeded.id, { organisation: "companies-house" });
  const community = await h.app.services.communities.byId(seeded.id);
  const made = await h.app.services.groups.create(community, ALICE, {
    name: "User research",
    focus: "Research across the journey",
    channel: null,
  });
  if (made.kind !== "created") throw new Error(`group not created: ${made.kind}`);
  await h.db.group.update({ where: { id: made.group.id }, data: { slackChannelId: GROUP_CHANNEL } });
  const meeting = await seedMeeting(h, seeded.id, "2026-03-03T10:00", {
    by: ALICE,
    groupId: made.group.id,
    channel: GROUP_CHANNEL,
    now: h.clock.now(),
  });
  return { communityId: seeded.id, channel: seeded.slackChannelId!, meetingId: meeting.id };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start()); // Monday 2 March 2026, 10:00Z; the group meets the next day at 10am
  h.slack.reset();
  h.clock.set(new Date("2026-03-03T10:30:00Z"));
});
afterEach(async () => {
  await h.close();
});

function record(viewId: string) {
  const values: Record<string, Record<string, unknown>> = {
    [OUTCOME_BLOCK.notes]: input.text(null),
    [OUTCOME_BLOCK.notesLink]: input.text(null),
    [OUTCOME_BLOCK.decisions]: input.text("Share one research plan\nInterview users together"),
    [actionField(0, "title")]: input.text("Share the research plan"),
    [actionField(0, "owner")]: { type: "users_select", selected_user: CAROL },
    [actionField(0, "due")]: { type: "datepicker", selected_date: "2026-03-05" },
    [actionField(0, "topic")]: input.select(null),
  };
  return h.interact(
    viewSubmission({
      user: ALICE,
      callbackId: CALLBACK.recordOutcomes,
      privateMetadata: JSON.stringify({ meetingId: w.meetingId, rows: 1 }),
      viewId,
      values,
    }),
  );
}

const threadReplies = () =>
  h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === GROUP_CHANNEL && c.args.thread_ts === "1.1");
const summaries = () =>
  h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === w.channel && /group met/.test(c.args.text ?? ""));
const SUMMARY =
  "The User research group met on Tuesday 3 March 2026 (Show and tell): 2 decisions and 1 action. <https://test.slack.com/archives/C0RESEARCH/p";

describe("a group's meeting feeds back to the community", () => {
  it("posts the outcome in the group's thread, then one line in the community's channel that links to it, once", async () => {
    const replies = await Promise.all([record("V0G1"), record("V0G1")]);
    expect(replies.map((r) => r.json)).toEqual([{ response_action: "clear" }, { response_action: "clear" }]);
    expect(threadReplies()).toHaveLength(1);
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0].args.text).toContain(SUMMARY);
    expect(summaries()[0].args.text).toContain("|Read what came out of it>");
    expect(await h.db.meetingOutcome.findUniqueOrThrow({ where: { meetingId: w.meetingId } })).toMatchObject({ summary: "posted" });
    // The scheduler finds nothing left to post.
    await h.app.tick();
    expect(threadReplies()).toHaveLength(1);
    expect(summaries()).toHaveLength(1);
  });

  it("posts what Slack refused at the next scheduler tick, once, and nothing is recorded twice", async () => {
    h.slack.script("chat.postMessage", { ok: false, error: "internal_error" });
    expect((await record("V0G2")).json).toEqual({ response_action: "clear" });
    expect(await h.db.meetingOutcome.count({ where: { meetingId: w.meetingId, postTs: null, summary: "due" } })).toBe(1);
    expect(threadReplies()).toHaveLength(1); // the refused attempt
    expect(summaries()).toHaveLength(0);
    await h.app.tick();
    expect(threadReplies()).toHaveLength(2);
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0].args.text).toContain(SUMMARY);
    await h.app.tick();
    expect(threadReplies()).toHaveLength(2);
    expect(summaries()).toHaveLength(1);
    expect(await h.db.actionItem.count()).toBe(1);
  });

  it("lists what the group decided in the community's digest under the group's name, and the overdue action with its owner", async () => {
    await record("V0G3");
    await h.app.tick(); // plans the digest for Monday 9 March, 9am
    h.slack.reset();
    h.clock.set(new Date("2026-03-09T09:00:30Z"));
    await h.app.tick();
    const digest = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === w.channel && /digest/.test(c.args.text ?? ""));
    expect(digest).toBeDefined();
    const text = JSON.stringify(digest!.args.blocks);
    expect(text).toContain("*What meetings decided* (1)\\n*User research group: Show and tell, Tuesday 3 March 2026*");
    expect(text).toContain("• Decided: Share one research plan\\n• Decided: Interview users together");
    expect(text).toContain(`• Action: Share the research plan: <@${CAROL}>, due Thursday 5 March 2026`);
    expect(text).toContain(
      `*Overdue actions* (1)\\n• Share the research plan: <@${CAROL}>, due Thursday 5 March 2026\\nAll of them: \`/community actions starting-a-business open\``,
    );
  });
});
