// Who is in, who is missing: /community members, App Home's coverage for
// organisers, and the onboarding DM to people who join the channel only.

import { organisationLabel } from "../../src/domain/members/profiles";
import { onboardingDm, onboardingKey } from "../../src/domain/outbox/onboardingDm";
import { findOrganisation, ORGANISATIONS } from "../../src/reference/organisations";
import { PROFESSIONS } from "../../src/reference/professions";
import { ACTION, BLOCK } from "../../src/views/ids";
import { blockKitProblems } from "../support/blockKit";
import type { Harness, HttpReply } from "../support/harness";
import { blockAction } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE", { organisation: "hmrc", profession: "policy" });
  return { communityId: community.id, channel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel },
  } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const label = (id: string) => organisationLabel({ organisation: id, organisationOther: null });

/** Named on open problems and objectives, with no member: most problems first. */
const MISSING = { dwp: 3, "companies-house": 2, ipo: 1, "the-pensions-regulator": 1 };
/** Named only on a solved problem or a duplicate: not missing. */
const CLOSED_ONLY = ["british-business-bank", "insolvency-service"];
const NOT_MEMBERS = new Set(["hmrc", ...Object.keys(MISSING), ...CLOSED_ONLY]);
/** 37 organisations of 7 members, one of 6; with HMRC (30) and "Anytown Council" (5, typed three ways): 300 from 40. */
const SEVENS = ORGANISATIONS.map((o) => o.id)
  .filter((id) => !NOT_MEMBERS.has(id))
  .slice(0, 37);
const SIX = ORGANISATIONS.map((o) => o.id).filter((id) => !NOT_MEMBERS.has(id))[37];
/** 11 listed professions and one typed two ways: 12. */
const PROFESSION_IDS = [
  "policy",
  ...PROFESSIONS.map((p) => p.id)
    .filter((id) => id !== "policy")
    .slice(0, 10),
];
/** The seeded organiser besides Alice: the first member of the 13th seven. */
const SECOND_ORGANISER = "U0S0113";

/** 299 members besides Alice, two former members, and problems naming organisations: a handful of writes. */
async function fillCommunity() {
  const orgs: Array<{ organisation: string; organisationOther?: string }> = [
    ...Array.from({ length: 29 }, () => ({ organisation: "hmrc" })),
    ...SEVENS.flatMap((id) => Array.from({ length: 7 }, () => ({ organisation: id }))),
    ...Array.from({ length: 6 }, () => ({ organisation: SIX })),
    ...["Anytown Council", "anytown council", "ANYTOWN  COUNCIL", "Anytown Council", " anytown Council "].map((name) => ({
      organisation: "other",
      organisationOther: name,
    })),
  ];
  expect(orgs).toHaveLength(299);
  const start = h.clock.now().getTime();
  await h.db.membership.createMany({
    data: orgs.map((o, i) => {
      const p = i % 12;
      const typed = p === 11;
      return {
        communityId,
        slackUserId: `U0S${String(i).padStart(4, "0")}`,
        organisation: o.organisation,
        organisationOther: o.organisationOther ?? null,
        profession: typed ? "other" : PROFESSION_IDS[p],
        professionOther: typed ? (i % 2 ? "Town planning" : "town  Planning") : null,
        role: `U0S${String(i).padStart(4, "0")}` === SECOND_ORGANISER ? "organiser" : "member",
        status: "active",
        joinedAt: new Date(start + (i + 1) * 1000),
      };
    }),
  });
  // People who left or were removed do not represent their organisation.
  await h.db.membership.createMany({
    data: [
      {
        communityId,
        slackUserId: "U0GONE1",
        organisation: "ipo",
        profession: "policy",
        role: "member",
        status: "left",
        leftAt: h.clock.now(),
      },
      {
        communityId,
        slackUserId: "U0GONE2",
        organisation: "ipo",
        profession: "policy",
        role: "organiser",
        status: "removed",
        leftAt: h.clock.now(),
      },
    ],
  });
  const problems: Array<{ status: string; affects: string[] }> = [
    { status: "open", affects: ["dwp", "companies-house", "hmrc"] },
    { status: "objective", affects: ["dwp", "the-pensions-regulator", SEVENS[0]] },
    { status: "open", affects: ["dwp", "companies-house", "ipo"] },
    { status: "solved", affects: ["british-business-bank", "dwp"] },
    { status: "duplicate", affects: ["insolvency-service"] },
  ];
  for (const [i, p] of problems.entries()) {
    const row = await h.db.problem.create({
      data: { communityId, title: `Seeded ${i}`, source: "command", createdBy: "U0ALICE", status: p.status },
    });
    await h.db.problemOrganisation.createMany({ data: p.affects.map((organisation) => ({ problemId: row.id, organisation })) });
  }
}

/** The command's answer: in the ack when it was ready in time, otherwise posted to response_url. */
function messageOf(reply: HttpReply): any {
  return reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
}

function sectionTexts(message: any): string[] {
  return message.blocks.filter((b: any) => b.type === "section").map((b: any) => b.text.text);
}

/** Each organisation's heading: "*Label*  ·  N members". */
function headings(message: any): Array<{ label: string; count: number }> {
  return sectionTexts(message)
    .map((t) => /^\*(.+?)\* {2}· {2}(\d+) members?/.exec(t))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== "Not yet represented")
    .map((m) => ({ label: m[1].replace(/&amp;/g, "&"), count: Number(m[2]) }));
}

function pagerButton(message: any, actionId: string): any {
  return message.blocks.find((b: any) => b.block_id === BLOCK.membersPager)?.elements.find((e: any) => e.action_id === actionId);
}

async function click(message: any, actionId: string, user = "U0CAROL"): Promise<any> {
  const button = pagerButton(message, actionId);
  expect(button).toBeDefined();
  await h.interact(blockAction({ user, actionId, value: button.value, channel, responseUrl: h.slack.responseUrl() }));
  const next = h.slack.responses.at(-1)!.body;
  expect(next.replace_original).toBe(true);
  return next;
}

describe("/community members", () => {
  it("on 300 members from 40 organisations: the coverage, who is missing, and every member once across four pages", async () => {
    await fillCommunity();
    // Anyone in the workspace may look, member or not.
    const first = messageOf(await h.command("members", { user: "U0CAROL", channel }));
    expect(first.text).toBe("Members of Starting a business: 300 members from 40 organisations");
    expect(sectionTexts(first)[0]).toBe("*Who is in Starting a business*\n300 members from 40 organisations, in 12 professions.");

    const missing = sectionTexts(first)[1];
    expect(missing.split("\n")).toEqual([
      "*Not yet represented* (4): organisations named on open problems and objectives with no member here yet. Invite someone from each with `/community invite`.",
      `• ${label("dwp").replace(/&/g, "&amp;")}: named on 3 problems`,
      `• ${label("companies-house")}: named on 2 problems`,
      // Equal counts by name; IPO's only members left or were removed.
      ...[label("ipo"), label("the-pensions-regulator")]
        .sort((a, b) => a.localeCompare(b, "en-GB"))
        .map((l) => `• ${l}: named on 1 problem`),
    ]);
    for (const id of [...CLOSED_ONLY, "hmrc", SEVENS[0]]) expect(missing).not.toContain(label(id));

    const pages = [first];
    let message = first;
    while (pagerButton(message, ACTION.membersNext)) {
      message = await click(message, ACTION.membersNext);
      pages.push(message);
    }
    expect(pages).toHaveLength(4);
    for (const [i, page] of pages.entries()) {
      expect(blockKitProblems(page.blocks, "message")).toEqual([]);
      expect(headings(page)).toHaveLength(10);
      expect(JSON.stringify(page.blocks)).toContain(`Page ${i + 1} of 4`);
      // "Not yet represented" leads the first page only.
      expect(JSON.stringify(page.blocks).includes("Not yet represented")).toBe(i === 0);
    }
    expect(pagerButton(first, ACTION.membersPrevious)).toBeUndefined();
    expect(pagerButton(pages[3], ACTION.membersNext)).toBeUndefined();

    // Most members first; equal counts by name; "Other" organisations grouped by their typed name, whatever its case.
    const all = pages.flatMap(headings);
    expect(all).toHaveLength(40);
    expect(all[0]).toEqual({ label: label("hmrc"), count: 30 });
    expect(all.slice(1, 38).map((g) => g.count)).toEqual(Array(37).fill(7));
    expect(all.slice(1, 38).map((g) => g.label)).toEqual(
      SEVENS.map(label).sort((a, b) => a.localeCompare(b, "en-GB", { sensitivity: "base" })),
    );
    expect(all[38]).toEqual({ label: label(SIX), count: 6 });
    expect(all[39]).toEqual({ label: "Anytown Council", count: 5 });

    // Every active member exactly once, with their profession; nobody who left.
    const mentions = pages.flatMap((p) => [...JSON.stringify(p.blocks).matchAll(/<@(U[0-9A-Z]+)>/g)].map((m) => m[1]));
    expect(mentions).toHaveLength(300);
    expect(new Set(mentions).size).toBe(300);
    expect(mentions).not.toContain("U0GONE1");
    expect(mentions).not.toContain("U0GONE2");
    const text = pages.map((p) => JSON.stringify(p.blocks)).join("");
    expect(text).toContain("• <@U0S0011>  ·  Town planning");

    // Organisers are marked, and come first in their organisation.
    const hmrc = sectionTexts(first).find((t) => t.startsWith(`*${label("hmrc").replace(/&/g, "&amp;")}*`))!;
    expect(hmrc.split("\n")[0]).toMatch(/30 members, 1 organiser$/);
    expect(hmrc.split("\n")[1]).toBe("• <@U0ALICE>  ·  Policy  ·  _organiser_");
    expect(text.match(/_organiser_/g)).toHaveLength(2);
    const second = pages.flatMap(sectionTexts).find((t) => t.includes(`<@${SECOND_ORGANISER}>`))!;
    expect(second.split("\n")[1]).toMatch(new RegExp(`^• <@${SECOND_ORGANISER}>  ·  .+  ·  _organiser_$`));

    // Previous goes back, replacing the message in place.
    const back = await click(pages[3], ACTION.membersPrevious);
    expect(headings(back)).toEqual(headings(pages[2]));
  }, 20_000); // seeding and five round trips: more than jest's default 5 s on a busy machine

  it("names the community anywhere, and says when no problem names an organisation", async () => {
    const reply = messageOf(await h.command("members starting a business", { user: "U0CAROL" }));
    expect(sectionTexts(reply)[0]).toBe("*Who is in Starting a business*\n1 member from 1 organisation, in 1 profession.");
    expect(sectionTexts(reply)[1]).toMatch(/^\*Not yet represented\*\nNo open problem names an organisation yet/);
    expect(headings(reply)).toEqual([{ label: label("hmrc"), count: 1 }]);
    expect(reply.blocks.find((b: any) => b.block_id === BLOCK.membersPager)).toBeUndefined();
    const elsewhere = await h.command("members", { user: "U0CAROL" });
    expect(messageOf(elsewhere).text).toMatch(/Which community\? Type `\/community members <name>`/);
  });

  it("says when every organisation named has a member", async () => {
    const problem = await h.db.problem.create({
      data: { communityId, title: "Named", source: "command", createdBy: "U0ALICE", status: "open" },
    });
    await h.db.problemOrganisation.create({ data: { problemId: problem.id, organisation: "hmrc" } });
    const reply = messageOf(await h.command("members", { user: "U0ALICE", channel }));
    expect(sectionTexts(reply)[1]).toBe(
      "*Not yet represented*\nNone: every organisation named on open problems and objectives has a member here. :tada:",
    );
  });

  it("refuses a forged or foreign pager value, and shows the last page for a stale one", async () => {
    await fillCommunity();
    const forged = JSON.stringify({ c: communityId, p: -1 });
    await h.interact(
      blockAction({ user: "U0CAROL", actionId: ACTION.membersNext, value: forged, channel, responseUrl: h.slack.responseUrl() }),
    );
    // Told the button has expired and what to type, not a fault.
    expect(h.slack.responses.at(-1)!.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      text: "That button has expired. Type `/community members` to see the members again.",
    });

    await h.interact(
      blockAction({
        user: "U0EVE",
        team: "T0OTHER",
        actionId: ACTION.membersNext,
        value: JSON.stringify({ c: communityId, p: 1 }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/not in this workspace/);

    await h.interact(
      blockAction({
        user: "U0CAROL",
        actionId: ACTION.membersNext,
        value: JSON.stringify({ c: communityId, p: 99 }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    const stale = h.slack.responses.at(-1)!.body;
    expect(stale.replace_original).toBe(true);
    expect(JSON.stringify(stale.blocks)).toContain("Page 4 of 4");
  });
});

describe("/community members: See all on an organisation cut short", () => {
  /** DWP: 320 members, two of them organisers (the 101st and 201st to join). */
  const DWP = Array.from({ length: 320 }, (_, i) => `U0D${String(i).padStart(4, "0")}`);
  const DWP_ORGANISERS = [DWP[100], DWP[200]];
  /** Ten organisations of 51, so one lands on the second page of the list. */
  const FIFTY_ONES = ORGANISATIONS.map((o) => o.id)
    .filter((id) => !["hmrc", "dwp"].includes(id))
    .slice(0, 10);

  /** 830 members besides Alice (HMRC, 1): the list's first page is DWP and nine of the 51s; its second, the tenth 51 and HMRC. */
  async function seedLarge() {
    const start = h.clock.now().getTime();
    const rows = [
      ...DWP.map((slackUserId) => ({ slackUserId, organisation: "dwp" })),
      ...FIFTY_ONES.flatMap((organisation, o) =>
        Array.from({ length: 51 }, (_, i) => ({ slackUserId: `U0F${o}${String(i).padStart(3, "0")}`, organisation })),
      ),
    ];
    await h.db.membership.createMany({
      data: rows.map((r, i) => ({
        communityId,
        ...r,
        profession: "policy",
        role: DWP_ORGANISERS.includes(r.slackUserId) ? "organiser" : "member",
        status: "active",
        joinedAt: new Date(start + (i + 1) * 1000),
      })),
    });
  }

  const mentionsIn = (message: any) => [...JSON.stringify(message.blocks).matchAll(/<@(U[0-9A-Z]+)>/g)].map((m) => m[1]);
  const contextText = (message: any) =>
    message.blocks
      .filter((b: any) => b.type === "context")
      .map((b: any) => b.elements[0].text)
      .join("\n");

  /** The "See all" accessory on an organisation's heading. */
  function seeAll(message: any, id: string): any {
    const heading = message.blocks.find(
      (b: any) => b.type === "section" && b.text.text.startsWith(`*${label(id).replace(/&/g, "&amp;")}*  ·  `),
    );
    expect(heading).toBeDefined();
    return heading.accessory;
  }

  /** Clicks a button (an accessory or in the organisation's pager) and returns the message that replaced the list. */
  async function press(button: any, user = "U0CAROL"): Promise<any> {
    expect(button).toBeDefined();
    await h.interact(blockAction({ user, actionId: button.action_id, value: button.value, channel, responseUrl: h.slack.responseUrl() }));
    const next = h.slack.responses.at(-1)!.body;
    expect(next.replace_original).toBe(true);
    expect(blockKitProblems(next.blocks, "message")).toEqual([]);
    return next;
  }

  const organisationButton = (message: any, actionId: string) =>
    message.blocks.find((b: any) => b.block_id === BLOCK.membersOrganisationPager)?.elements.find((e: any) => e.action_id === actionId);

  it("pages through every member of an organisation of 320 exactly once, and goes back to the list", async () => {
    await seedLarge();
    const first = messageOf(await h.command("members", { user: "U0CAROL", channel }));
    expect(blockKitProblems(first.blocks, "message")).toEqual([]);
    // The list names 50 of DWP and counts the rest; its heading offers the whole list, at no extra block.
    expect(headings(first)[0]).toEqual({ label: label("dwp"), count: 320 });
    expect(JSON.stringify(first.blocks)).toContain("…and 270 more members");
    const button = seeAll(first, "dwp");
    expect(button).toMatchObject({ type: "button", action_id: ACTION.membersOrganisation, text: { text: "See all 320" } });
    // One member too many is enough to be cut short.
    expect(seeAll(first, FIFTY_ONES[0])).toMatchObject({ text: { text: "See all 51" } });

    const pages = [await press(button)];
    while (organisationButton(pages.at(-1), ACTION.membersOrganisationNext))
      pages.push(await press(organisationButton(pages.at(-1), ACTION.membersOrganisationNext)));
    expect(pages).toHaveLength(3);
    expect(pages[0].text).toBe(`Members of Starting a business from ${label("dwp")}: 320 members`);
    expect(sectionTexts(pages[0])[0].split("\n").slice(0, 2)).toEqual([
      `*${label("dwp")}* in *Starting a business*`,
      "320 members, 2 organisers: organisers first, then by profession.",
    ]);
    expect(pages.map(contextText)).toEqual([
      "Members 1–150 of 320  ·  Page 1 of 3",
      "Members 151–300 of 320  ·  Page 2 of 3",
      "Members 301–320 of 320  ·  Page 3 of 3",
    ]);
    // Organisers first, then the rest as they joined: each page the next 150, nobody twice, nobody from elsewhere.
    const expected = [...DWP_ORGANISERS, ...DWP.filter((u) => !DWP_ORGANISERS.includes(u))];
    expect(pages.map(mentionsIn)).toEqual([expected.slice(0, 150), expected.slice(150, 300), expected.slice(300)]);
    expect(sectionTexts(pages[0])[0].split("\n")[2]).toBe(`• <@${DWP[100]}>  ·  Policy  ·  _organiser_`);
    expect(organisationButton(pages[0], ACTION.membersOrganisationPrevious)).toBeUndefined();

    // Previous goes back a page; Back returns to the page of the list it came from.
    const previous = await press(organisationButton(pages[2], ACTION.membersOrganisationPrevious));
    expect(mentionsIn(previous)).toEqual(mentionsIn(pages[1]));
    const back = await press(organisationButton(previous, ACTION.membersBack));
    expect(back.text).toBe("Members of Starting a business: 831 members from 12 organisations");
    expect(headings(back)).toEqual(headings(first));
  }, 20_000);

  it("from the list's second page: an organisation small enough for one page, and back to the second page", async () => {
    await seedLarge();
    const first = messageOf(await h.command("members", { user: "U0CAROL", channel }));
    const second = await click(first, ACTION.membersNext);
    const tenth = headings(second)[0];
    expect(tenth.count).toBe(51);
    const id = FIFTY_ONES.find((o) => label(o) === tenth.label)!;
    // An organisation named in full carries no button.
    expect(seeAll(second, "hmrc")).toBeUndefined();

    const all = await press(seeAll(second, id));
    expect(mentionsIn(all)).toEqual(Array.from({ length: 51 }, (_, i) => `U0F${FIFTY_ONES.indexOf(id)}${String(i).padStart(3, "0")}`));
    expect(contextText(all)).toBe("All 51 members");
    expect(organisationButton(all, ACTION.membersOrganisationNext)).toBeUndefined();
    const back = await press(organisationButton(all, ACTION.membersBack));
    expect(JSON.stringify(back.blocks)).toContain("Page 2 of 2");
    expect(headings(back)).toEqual(headings(second));

    // Once nobody from it is left, the button says so and still leads back.
    await h.db.membership.updateMany({ where: { communityId, organisation: id }, data: { status: "left", leftAt: h.clock.now() } });
    const gone = await press(seeAll(second, id));
    expect(sectionTexts(gone)).toEqual([
      `Nobody from *${label(id).replace(/&/g, "&amp;")}* is a member of *Starting a business* any more.`,
    ]);
    const backAgain = await press(organisationButton(gone, ACTION.membersBack));
    expect(JSON.stringify(backAgain.blocks)).toContain("Page 2 of 2");
    expect(headings(backAgain)).toEqual([{ label: label("hmrc"), count: 1 }]);
  }, 20_000);

  it("refuses a forged or foreign See all value", async () => {
    await seedLarge();
    const value = (v: object) => JSON.stringify({ c: communityId, o: "dwp", p: 0, b: 0, ...v });
    for (const forged of [
      value({ p: -1 }),
      value({ b: 1.5 }),
      value({ o: "" }),
      value({ o: "x".repeat(401) }),
      JSON.stringify({ c: communityId, p: 0 }),
      "not json",
    ]) {
      await h.interact(
        blockAction({ user: "U0CAROL", actionId: ACTION.membersOrganisation, value: forged, channel, responseUrl: h.slack.responseUrl() }),
      );
      expect(h.slack.responses.at(-1)!.body).toMatchObject({
        replace_original: false,
        text: expect.stringMatching(/Something went wrong/),
      });
    }
    await h.interact(
      blockAction({
        user: "U0EVE",
        team: "T0OTHER",
        actionId: ACTION.membersOrganisationNext,
        value: value({ p: 1 }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(h.slack.responses.at(-1)!.body).toMatchObject({ replace_original: false, text: expect.stringMatching(/not in this workspace/) });
    // A stale page shows the organisation's last.
    await h.interact(
      blockAction({
        user: "U0CAROL",
        actionId: ACTION.membersOrganisationNext,
        value: value({ p: 99 }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(contextText(h.slack.responses.at(-1)!.body)).toBe("Members 301–320 of 320  ·  Page 3 of 3");
  });
});

describe("App Home coverage", () => {
  function homeOpened(user: string) {
    return { type: "app_home_opened", user, channel: "D0HOME", tab: "home", event_ts: "1.0" };
  }

  async function contextLines(user: string): Promise<string[]> {
    await h.event(homeOpened(user));
    const view = h.slack.lastCall("views.publish")!.args.view;
    expect(blockKitProblems(view.blocks, "home")).toEqual([]);
    return view.blocks.filter((b: any) => b.type === "context").map((b: any) => b.elements[0].text);
  }

  it("shows an organiser each organised community's coverage in its context line, and a member none", async () => {
    await fillCommunity();
    // A second community Alice organises, to see both covered from the same few reads.
    const other = await seedCommunity(h, "U0ALICE", {
      name: "Becoming an apprentice",
      service: "Becoming an apprentice",
      channel: "sc-apprentice",
      organisation: "dfe",
      profession: "policy",
    });
    const problem = await h.db.problem.create({
      data: { communityId: other.id, title: "Named", source: "command", createdBy: "U0ALICE", status: "objective" },
    });
    await h.db.problemOrganisation.createMany({ data: ["dfe", "dwp"].map((organisation) => ({ problemId: problem.id, organisation })) });

    const lines = await contextLines("U0ALICE");
    expect(lines).toContain("You are an organiser  ·  1 member  ·  1 organisation, 1 profession  ·  Not yet represented: DWP");
    const names = Object.keys(MISSING).map((id) => findOrganisation(id)!.abbreviation ?? findOrganisation(id)!.name);
    expect(lines).toContain(
      `You are an organiser  ·  300 members  ·  40 organisations, 12 professions  ·  Not yet represented: ${names[0]}, ${names[1]} and 2 more`,
    );

    const member = await contextLines("U0S0000");
    expect(member).toContain("You are a member  ·  300 members");
    expect(member.join("\n")).not.toMatch(/organisations|Not yet represented/);
  });
});

describe("the onboarding DM", () => {
  function joined(user: string, inChannel = channel) {
    return { type: "member_joined_channel", user, channel: inChannel, channel_type: "C", team: "T0TEST", event_ts: "1.0" };
  }
  const dmsTo = (user: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user);

  it("welcomes someone who joins the channel without joining the community, once however often they rejoin", async () => {
    expect((await h.event(joined("U0NEWBIE"))).status).toBe(200);
    const row = await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: onboardingKey(communityId, "U0NEWBIE") } });
    expect(row).toMatchObject({ kind: onboardingDm.name, target: "U0NEWBIE", communityId, status: "pending" });

    await h.app.tick();
    const dms = dmsTo("U0NEWBIE");
    expect(dms).toHaveLength(1);
    const { text, blocks } = dms[0].args;
    expect(text).toBe("Welcome to Starting a business: join the community to take part");
    expect(blockKitProblems(blocks, "message")).toEqual([]);
    expect(blocks[0].text.text).toContain(`You joined <#${channel}>, the channel of *Starting a business*`);
    // The charter, then its Join button for this community.
    expect(blocks.find((b: any) => b.type === "header").text.text).toBe("Starting a business");
    expect(JSON.stringify(blocks)).toContain("People register with HMRC and Companies House separately");
    const join = blocks.find((b: any) => b.type === "actions").elements[0];
    expect(join).toMatchObject({ action_id: ACTION.joinCommunity, value: communityId });
    expect((await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");

    // The button opens the join modal for the community.
    await h.interact(
      blockAction({
        user: "U0NEWBIE",
        actionId: join.action_id,
        value: join.value,
        channel: "D0NEWBIE",
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(JSON.parse(h.slack.lastCall("views.open")!.args.view.private_metadata).communityId).toBe(communityId);

    // Leaving and rejoining the channel welcomes nobody twice.
    await h.event(joined("U0NEWBIE"));
    h.clock.advance(60 * 60_000);
    await h.event(joined("U0NEWBIE"));
    await h.app.tick();
    expect(dmsTo("U0NEWBIE")).toHaveLength(1);
    expect(await h.db.outboxMessage.count({ where: { kind: onboardingDm.name } })).toBe(1);
  });

  it("sends nothing to a member, to the app itself, or for a channel that is no community's", async () => {
    await seedMember(h, "U0BOB", communityId);
    h.slack.reset();
    await h.event(joined("U0BOB"));
    await h.event(joined("U0ALICE"));
    await h.event(joined("UBOT"));
    await h.event(joined("U0NEWBIE", "C0ELSEWHERE"));
    await h.app.tick();
    expect(await h.db.outboxMessage.count({ where: { kind: onboardingDm.name } })).toBe(0);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("is skipped for someone who joins the community before it is sent", async () => {
    await h.event(joined("U0NEWBIE"));
    await seedMember(h, "U0NEWBIE", communityId);
    h.slack.reset();
    await h.app.tick();
    expect(dmsTo("U0NEWBIE")).toHaveLength(0);
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: onboardingKey(communityId, "U0NEWBIE") } })).toMatchObject({
      status: "skipped",
      lastError: "already a member",
    });
  });

  it("a welcome that cannot be delivered does not alert the organisers", async () => {
    h.slack.script("chat.postMessage", { ok: false, error: "cannot_dm_bot" });
    await h.event(joined("U0OTHERBOT"));
    await h.app.tick();
    await h.app.tick();
    expect((await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: onboardingKey(communityId, "U0OTHERBOT") } })).status).toBe(
      "failed",
    );
    expect(await h.db.outboxMessage.count({ where: { kind: "organiser_alert" } })).toBe(0);
  });
});
