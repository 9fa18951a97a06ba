// The web layer in a real browser: an error page is a GOV.UK page that passes
// axe (WCAG 2.2 AA), its styles and scripts load under the Content-Security-Policy,
// and GOV.UK Frontend's inline script (allowed by its hash) and components run.
import { useBrowser } from "../support/browser";
import { type Harness, startHarness } from "../support/harness";

const browser = useBrowser();
let h: Harness;
beforeAll(async () => {
  // Plain http, as a browser on the machine reaches the test's server.
  h = await startHarness({ publicUrl: "http://127.0.0.1" });
});
afterAll(async () => {
  // The browser first: the server's close waits for the sockets Chromium keeps open to it.
  await browser.close();
  await h.close();
});

it("shows the 404 page, styled and scripted under the CSP, with nothing refused and no accessibility violations", async () => {
  const page = await browser.page();
  const refused: string[] = [];
  const address = `${h.url}/no/such/page`;
  // The Content-Security-Policy's refusals are reported on the console.
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  page.on("requestfailed", (request) => refused.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.url() !== address && response.status() >= 400) refused.push(`${response.url()} ${response.status()}`);
  });
  const res = await page.goto(address);
  expect(res?.status()).toBe(404);
  expect(await page.title()).toBe("Page not found – Service Communities");
  expect(await page.locator("h1").textContent()).toBe("Page not found");
  // The inline script ran (the CSP allows it by its hash), and GOV.UK Frontend's stylesheet applied.
  expect(await page.locator("body").getAttribute("class")).toContain("govuk-frontend-supported");
  expect(await page.locator("h1").evaluate((el) => (globalThis as any).getComputedStyle(el).fontFamily)).toContain("GDS Transport");
  // The module script started the components: the skip link is initialised.
  await page.waitForFunction('document.querySelector(".govuk-skip-link").getAttribute("data-govuk-skip-link-init") !== null');
  await browser.check(page, "error-page-not-found");
  expect(refused).toEqual([]);
});
