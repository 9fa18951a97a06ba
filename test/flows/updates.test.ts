// The delivery timeline (#17): what organisations told the live-projects round
// over two meetings, through the real app on each database. A change told again
// at the next round, as something told before, reads as one thing with where it
// stood each time; /community updates shows every organisation's or one's, a
// page at a time, named in the channel or from anywhere.
import { ACTION, CALLBACK, ROUND_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser, HMRC
const CAROL = "U0CAROL"; // Companies House
const DAN = "U0DAN"; // HMRC

let h: Harness;
let w: { communityId: string; channel: string; march: string; april: string; register: string; pay: string };
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE);
  await seedMember(h, CAROL, community.id, { organisation: "companies-house" });
  await seedMember(h, DAN, community.id, { organisation: "hmrc" });
  const stage = (title: string, position: number) =>
    h.db.journeyStage.create({ data: { communityId: community.id, title, position, status: "accepted", createdBy: ALICE } });
  const [register, pay] = [await stage("Register the company", 0), await stage("Pay the fees", 1)];
  const march = await seedMeeting(h, community.id, "2026-03-10T10:00", { title: "March meeting", now: h.clock.now() });
  const april = await seedMeeting(h, community.id, "2026-04-14T10:00", { title: "April meeting", now: h.clock.now() });
  return {
    communityId: community.id,
    channel: community.slackChannelId!,
    march: march.id,
    april: april.id,
    register: register.id,
    pay: pay.id,
  };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

function tellUs(user: string, meetingId: string, fields: { title: string; state: string; stages?: string[]; earlier?: string }) {
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.roundUpdate,
      privateMetadata: JSON.stringify({ meetingId }),
      values: {
        [ROUND_BLOCK.title]: input.text(fields.title),
        [ROUND_BLOCK.state]: input.radio(fields.state),
        ...(fields.stages ? { [ROUND_BLOCK.stages]: input.multiStatic(fields.stages) } : {}),
        ...(fields.earlier ? { [ROUND_BLOCK.earlier]: input.select(fields.earlier) } : {}),
      },
    }),
  );
}

async function updates(args: string, channel: string) {
  const reply = await h.command(`updates${args ? ` ${args}` : ""}`, { user: CAROL, channel });
  return reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
}

/** Two rounds: HMRC's idea in March, in policy clearance by April (told as the same thing); Companies House's in March. */
async function twoRounds() {
  expect((await tellUs(DAN, w.march, { title: "Joint registration", state: "idea", stages: [w.register] })).json).toEqual({
    response_action: "clear",
  });
  h.clock.set(new Date("2026-03-03T10:00:00Z"));
  await tellUs(CAROL, w.march, { title: "Lower fees for sole traders", state: "agreed", stages: [w.pay, w.register] });
  h.clock.set(new Date("2026-04-08T10:00:00Z"));
  await h.interact(
    blockAction({ user: DAN, actionId: ACTION.roundTellUs, value: w.april, channel: DAN, responseUrl: h.slack.responseUrl() }),
  );
  const form = h.slack.lastCall("views.open")!.args.view;
  const earlier = form.blocks.find((b: any) => b.block_id === ROUND_BLOCK.earlier);
  expect(earlier.element.options.map((o: any) => o.text.text)).toEqual(["Joint registration (Idea)"]);
  expect(form.blocks.find((b: any) => b.block_id === ROUND_BLOCK.stages).element.options.map((o: any) => o.text.text)).toEqual([
    "Register the company",
    "Pay the fees",
  ]);
  await tellUs(DAN, w.april, {
    title: "Joint registration for tax and company",
    state: "policy_clearance",
    stages: [w.register],
    earlier: earlier.element.options[0].value,
  });
}

describe("/community updates", () => {
  it("shows each thing told about, most recently changed first, with where it stood at each round", async () => {
    await twoRounds();
    const all = await updates("", w.channel);
    expect(all.blocks.map((b: any) => b.text?.text ?? b.elements?.[0]?.text)).toEqual([
      "*Live projects in Starting a business* (2)",
      [
        "*Joint registration for tax and company*  ·  HMRC",
        `• In policy clearance: Wednesday 8 April 2026, before April meeting  ·  <@${DAN}>`,
        `• Idea (told as “Joint registration”): Monday 2 March 2026, before March meeting  ·  <@${DAN}>`,
        "Stages: Register the company",
      ].join("\n"),
      [
        "*Lower fees for sole traders*  ·  Companies House",
        `• Agreed: Tuesday 3 March 2026, before March meeting  ·  <@${CAROL}>`,
        "Stages: Register the company and Pay the fees",
      ].join("\n"),
      "Add an organisation's name to see only its updates, for example `/community updates HMRC`.",
    ]);
  });

  it("shows one organisation's, named in the channel or after the community's name anywhere; an unknown one is named plainly", async () => {
    await twoRounds();
    const hmrc = await updates("HMRC", w.channel);
    expect(hmrc.blocks[0].text.text).toBe("*HMRC's live projects in Starting a business* (1)");
    const fromElsewhere = await updates("Starting a business Companies House", "C0RANDOM");
    expect(fromElsewhere.blocks[0].text.text).toBe("*Companies House's live projects in Starting a business* (1)");
    expect(fromElsewhere.blocks[1].text.text).toContain("*Lower fees for sole traders*");
    expect((await updates("Ministry of Magic", w.channel)).text).toBe(
      "No organisation called “Ministry of Magic” has told this community anything. Try one of: Companies House, HMRC.",
    );
  });

  it("pages through many things, ten a page, within Slack's limits", async () => {
    await h.db.projectUpdate.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        communityId: w.communityId,
        meetingId: w.march,
        organisation: "hmrc",
        organisationName: "HMRC",
        projectKey: `p${i}`,
        title: `Change ${String(i + 1).padStart(2, "0")}`,
        state: "idea",
        answeredBy: DAN,
        createdAt: new Date(Date.UTC(2026, 2, 2, 10, i)),
      })),
    });
    const first = await updates("", w.channel);
    expect(first.blocks[0].text.text).toBe("*Live projects in Starting a business* (25), page 1 of 3");
    expect(first.blocks[1].text.text).toContain("*Change 25*");
    const next = first.blocks.find((b: any) => b.type === "actions").elements[0];
    expect(next.text.text).toBe("Next");
    await h.interact(
      blockAction({ user: CAROL, actionId: ACTION.updatesNext, value: next.value, channel: w.channel, responseUrl: h.slack.responseUrl() }),
    );
    const third = JSON.parse(next.value);
    await h.interact(
      blockAction({
        user: CAROL,
        actionId: ACTION.updatesNext,
        value: JSON.stringify({ ...third, p: 2 }),
        channel: w.channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    const last = h.slack.responses.at(-1)!.body;
    expect(last.replace_original).toBe(true);
    expect(last.blocks[0].text.text).toContain("page 3 of 3");
    expect(last.blocks.filter((b: any) => b.type === "section")).toHaveLength(1 + 5);
  });
});
