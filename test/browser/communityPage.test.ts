// A community's web page in a real browser: link-only and public, an address
// organisers have replaced, and a changed one. Every page passes axe (WCAG 2.2 AA)
// and is saved as a screenshot in test-results/ (docs/community-page.png is one).
import { useBrowser } from "../support/browser";
import { type PageWorld, seedPageWorld } from "../support/communityPage";
import { type Harness, startHarness } from "../support/harness";

const browser = useBrowser();
let h: Harness;
let w: PageWorld;
beforeAll(async () => {
  // On GOV.UK, so the pages have the GOV.UK header; plain http, so no HSTS for the test's browser.
  h = await startHarness({ publicUrl: "http://communities.service.gov.uk" });
  w = await seedPageWorld(h);
});
afterAll(async () => {
  // The browser first: the server's close waits for the sockets Chromium keeps open to it.
  await browser.close();
  await h.close();
});

async function pagePath(): Promise<string> {
  const url = new URL(h.app.services.communityPageLinks.url(await h.app.services.communities.byId(w.communityId)));
  return `${url.pathname}${url.search}`;
}

/** As another replica would change it: this one trusts what it read for up to 2 seconds. */
async function setPage(data: { pageVisibility?: string; pageVersion?: { increment: number } }) {
  await h.db.community.update({ where: { id: w.communityId }, data });
  h.clock.advance(2001);
}

it("shows a link-only community's page from its signed address, as GOV.UK pages look, with no accessibility violations", async () => {
  const page = await browser.page();
  const res = await page.goto(`${h.url}${await pagePath()}`);
  expect(res?.status()).toBe(200);
  expect(await page.title()).toBe("Starting a business – Service Communities");
  expect(await page.locator("h1").textContent()).toBe("Starting a business");
  expect(await page.locator(".govuk-header").count()).toBe(1);
  // The step by step navigation: three numbered steps, in order.
  // As a screen reader reads them (the words "Step" and ":" are visually hidden).
  expect((await page.locator(".app-step-nav__title").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim())).toEqual([
    "Step 1: Check what you need to do",
    "Step 2: Register the company",
    "Step 3: Register for tax",
  ]);
  // The contents list jumps to its section.
  await page.getByRole("link", { name: "Meetings coming up" }).click();
  expect(new URL(page.url()).hash).toBe("#meetings");
  // Add to calendar gives the meeting's file.
  const calendar = page.locator('a[href^="/calendar/"]').first();
  expect(await calendar.textContent()).toBe("Add to calendar: Monthly call, Monday 9 March 2026, 10am to 11am UK time");
  const file = await page.request.get(`${h.url}${await calendar.getAttribute("href")}`);
  expect([file.status(), (await file.text()).includes("SUMMARY:Monthly call")]).toEqual([200, true]);
  await browser.check(page, "community-page", { fullPage: true });
});

it("without its key, says the page is shared by link and whom to ask", async () => {
  const page = await browser.page();
  const res = await page.goto(`${h.url}/c/${w.communityId}/${w.slug}`);
  expect(res?.status()).toBe(404);
  expect(await page.locator("h1").textContent()).toBe("You need the full link to see this page");
  await browser.check(page, "community-page-needs-link");
});

it("with a changed key, says the link does not work", async () => {
  const page = await browser.page();
  const res = await page.goto(`${h.url}${(await pagePath()).slice(0, -3)}xyz`);
  expect(res?.status()).toBe(404);
  expect(await page.locator("h1").textContent()).toBe("This link does not work");
  await browser.check(page, "community-page-changed-link");
});

it("with an address organisers have replaced, says it is out of date and whom to ask for the new one", async () => {
  const old = await pagePath();
  await setPage({ pageVersion: { increment: 1 } });
  const page = await browser.page();
  const res = await page.goto(`${h.url}${old}`);
  expect(res?.status()).toBe(410);
  expect(await page.locator("h1").textContent()).toBe("This link is out of date");
  await browser.check(page, "community-page-out-of-date-link");
  expect((await page.goto(`${h.url}${await pagePath()}`))?.status()).toBe(200);
});

it("once public, opens from its plain address, with no accessibility violations", async () => {
  await setPage({ pageVisibility: "public" });
  const page = await browser.page();
  const res = await page.goto(`${h.url}/c/${w.communityId}/${w.slug}`);
  expect(res?.status()).toBe(200);
  expect(await page.locator("h1").textContent()).toBe("Starting a business");
  await browser.check(page, "community-page-public");
});
