// The live-projects round's page in a real browser (Debian's Chromium), reached from
// the link in its email: the question and what the organisation has told; the form
// sent with nothing in it (the error summary, a message beside each field); a change
// with two stages and an expected date (the confirmation, the list redrawn, the
// answer in the round's post); Nothing new from another organisation; and the page
// once the meeting has started. axe runs on every page.
import type { Page } from "playwright-core";
import { emailPersonId } from "../../src/domain/members/people";
import { roundPostMessage } from "../../src/views/roundPost";
import { useBrowser } from "../support/browser";
import { type Harness, startHarness } from "../support/harness";
import { seedCommunity, seedMeeting } from "../support/seed";

const browser = useBrowser();
let h: Harness;
let communityId: string;
let meetingId: string;
const DANA = emailPersonId("dana@dbt.example.gov.uk");
const ERIN = emailPersonId("erin@dfe.example.gov.uk");

beforeAll(async () => {
  h = await startHarness({ publicUrl: "http://127.0.0.1" }); // Monday 2 March 2026, 10:00Z
  const community = await seedCommunity(h, "U0ALICE");
  communityId = community.id;
  for (const [address, name, organisation] of [
    ["dana@dbt.example.gov.uk", "Dana Smith", "dbt"],
    ["erin@dfe.example.gov.uk", "Erin Jones", "dfe"],
  ] as const) {
    await h.app.services.memberships.join(
      await h.app.services.communities.byId(communityId),
      emailPersonId(address),
      { organisation, organisationOther: null, profession: "policy", professionOther: null },
      { contact: { email: address, displayName: name } },
    );
  }
  await h.db.journeyStage.createMany({
    data: [
      { communityId, title: "Register the company", position: 0, status: "accepted", createdBy: "U0ALICE" },
      { communityId, title: "Register for tax", position: 1, status: "accepted", createdBy: "U0ALICE" },
      { communityId, title: "Employ people", position: 2, status: "accepted", createdBy: "U0ALICE" },
    ],
  });
  meetingId = (await seedMeeting(h, communityId, "2026-03-10T10:00", { now: h.clock.now() })).id;
});
afterAll(async () => {
  await browser.close();
  await h.close();
});

async function linkFor(person: string, organisation: string): Promise<string> {
  const meeting = await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  return `${h.url}${new URL(h.app.services.pageLinks.roundAnswer(person, meeting, organisation)).pathname}`;
}

async function heading(page: Page): Promise<string | undefined> {
  return (await page.locator("h1").first().textContent())?.trim();
}

describe("the live-projects round's page", () => {
  it("takes a change with its stages and expected date, after saying what is missing, and the post has it", async () => {
    const page = await browser.page();
    expect((await page.goto(await linkFor(DANA, "dbt")))?.status()).toBe(200);
    expect(await heading(page)).toBe("What has DBT changed, planned or cleared since the last meeting that affects Starting a business?");
    expect(await page.locator(".govuk-caption-l").textContent()).toBe("Starting a business: before Show and tell, Tuesday 10 March 2026");
    expect(await page.locator("#told").textContent()).toBe("Nobody has answered for DBT yet.");
    await browser.check(page, "round", { fullPage: true });

    // Nothing filled in: the error summary, and a message beside each field.
    await page.getByRole("button", { name: "Send", exact: true }).click();
    expect(await page.title()).toBe(
      "Error: What has DBT changed, planned or cleared since the last meeting that affects Starting a business? – Service Communities",
    );
    expect((await page.locator(".govuk-error-summary__list li").allTextContents()).map((t) => t.trim())).toEqual([
      "Enter what it is, in 3 to 150 characters",
      "Select where it is now",
    ]);
    expect(await page.locator("#title-error").textContent()).toContain("Enter what it is, in 3 to 150 characters");
    await browser.check(page, "round-errors", { fullPage: true });
    expect(await h.db.projectUpdate.count()).toBe(0);

    // A date that is not one: its own message, and what was typed is kept.
    await page.getByLabel("What is it?").fill("Joint registration for tax and company");
    await page.getByLabel("In policy clearance").check();
    await page.getByLabel("Day").fill("31");
    await page.getByLabel("Month").fill("2");
    await page.getByLabel("Year").fill("2027");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    expect((await page.locator(".govuk-error-summary__list li").allTextContents()).map((t) => t.trim())).toEqual([
      "Enter the date it is expected as a real date in the next 10 years, for example 30 10 2026, or leave it empty",
    ]);
    expect(await page.getByLabel("What is it?").inputValue()).toBe("Joint registration for tax and company");
    expect(await page.getByLabel("In policy clearance").isChecked()).toBe(true);

    await page.getByLabel("Register the company").check();
    await page.getByLabel("Register for tax").check();
    await page.getByLabel("Day").fill("30");
    await page.getByLabel("Month").fill("10");
    await page.getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain(
      "Thank you. Your change has been added to what DBT has told.",
    );
    expect((await page.locator("#told li").allTextContents()).map((t) => t.trim())).toEqual([
      "Joint registration for tax and company: In policy clearance, expected Friday 30 October 2026. Stages: Register the company, Register for tax",
    ]);
    // A second change may follow it, as something told before or not; Nothing new is no longer offered.
    expect(await page.locator("h2", { hasText: "Tell us about another change" }).count()).toBe(1);
    expect(await page.getByLabel("Is it something you told us about before?").locator("option").allTextContents()).toEqual([
      "No, it is something new",
      "Joint registration for tax and company (In policy clearance, expected Friday 30 October 2026)",
    ]);
    expect(await page.getByRole("button", { name: "Nothing new" }).count()).toBe(0);
    await browser.check(page, "round-told", { fullPage: true });

    const update = await h.db.projectUpdate.findFirstOrThrow({ include: { stages: true } });
    expect(update).toMatchObject({ organisation: "dbt", answeredBy: DANA, state: "policy_clearance", expectedOn: "2026-10-30" });
    expect(update.stages).toHaveLength(2);

    // In the round's post as any answer from Slack.
    const compiled = await h.app.services.round.compile(meetingId, null);
    if ("skip" in compiled) throw new Error(compiled.skip);
    expect(compiled.summary.told.map((o) => [o.label, o.updates.map((u) => u.title)])).toEqual([
      ["DBT", ["Joint registration for tax and company"]],
    ]);
    expect(JSON.stringify(roundPostMessage(compiled).blocks)).toContain(
      "• Joint registration for tax and company: In policy clearance, expected Friday 30 October 2026  ·  Register the company and Register for tax  ·  Dana Smith (by email)",
    );
  });

  it("takes Nothing new, once", async () => {
    const page = await browser.page();
    await page.goto(await linkFor(ERIN, "dfe"));
    await page.getByRole("button", { name: "Nothing new" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain(
      "Thank you. We have noted that DfE has nothing new this time.",
    );
    expect(await page.locator("#told").textContent()).toBe("DfE has nothing new this time. Thank you.");
    expect(await page.getByRole("button", { name: "Nothing new" }).count()).toBe(0);
    await browser.check(page, "round-nothing-new");
    expect(await h.db.projectUpdate.count({ where: { organisation: "dfe", nothingNew: true } })).toBe(1);
  });

  it("says plainly that the round is closed once the meeting has started, with no form", async () => {
    const page = await browser.page();
    const link = await linkFor(DANA, "dbt");
    const before = h.clock.now();
    h.clock.set(new Date("2026-03-10T10:00:00Z"));
    try {
      expect((await page.goto(link))?.status()).toBe(410);
      expect(await heading(page)).toBe("This live-projects round is closed");
      expect(await page.locator("main").textContent()).toContain(
        "Show and tell, Tuesday 10 March 2026 has started, so its live-projects round takes no more answers.",
      );
      expect(await page.locator("form").count()).toBe(0);
      await browser.check(page, "round-closed");
    } finally {
      h.clock.set(before);
    }
  });
});
