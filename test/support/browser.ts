// A real browser for the web pages' tests: Debian's Chromium (/usr/bin/chromium,
// or CHROMIUM_PATH) driven by playwright-core, which downloads nothing. One
// browser a test file (launching costs a second or two), with a fresh profile in
// a temporary folder; each test gets a new page, with the cookies cleared.
//
// check(page, name) runs axe-core on the page for WCAG 2.2 AA (the rules tagged
// wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa) and fails the test on any
// violation, listing each with the elements it found; and saves a screenshot as
// test-results/<name>.png for a reviewer to look at (the whole page when asked:
// a tall page's takes a second). axe is loaded into every page as the browser
// opens it (an init script, which the pages' Content-Security-Policy does not
// govern, as a <script> it would refuse), which costs less than evaluating its
// half a megabyte again for each page checked.
//
// Nothing here waits on a timer: page.goto resolves at the load event, and the
// app's clock is the harness's ManualClock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
export const RESULTS_DIR = path.join(ROOT, "test-results");
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface TestBrowser {
  /** A new tab, with no cookies from earlier tests. */
  page(): Promise<Page>;
  /** axe (WCAG 2.2 AA: no violations) and a screenshot into test-results/<name>.png. */
  check(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  /**
   * Closes the browser now. Call it before closing the test's server: Chromium
   * keeps sockets open to a server it has used (some never carrying a request),
   * and the server's close waits for those.
   */
  close(): Promise<void>;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** How long a browser test may take: a page's load, axe and a screenshot take seconds on a loaded machine. */
const BROWSER_TEST_TIMEOUT_MS = 60_000;

/** Call at the top of a test file: one browser for the file, closed after its last test. */
export function useBrowser(): TestBrowser {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  const open: Page[] = [];
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium), or set CHROMIUM_PATH.`);
    }
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "sc-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
      viewport: { width: 1024, height: 768 },
    });
    await context.addInitScript({ content: AXE_SOURCE });
  });
  afterEach(async () => {
    for (const page of open.splice(0)) await page.close().catch(() => undefined);
  });
  const close = async () => {
    await context?.close();
    context = undefined;
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    profile = undefined;
  };
  afterAll(close);
  return {
    close,
    async page() {
      if (!context) throw new Error("the browser did not start");
      await context.clearCookies();
      const page = await context.newPage();
      open.push(page);
      return page;
    },
    async check(page, name, options = {}) {
      const violations = await page.evaluate(
        (tags) =>
          (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe
            .run((globalThis as unknown as { document: unknown }).document, {
              runOnly: { type: "tag", values: tags },
              resultTypes: ["violations"],
            })
            .then((r) => r.violations),
        WCAG_22_AA,
      );
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
      expect(describeViolations(violations as AxeViolation[])).toEqual([]);
    },
  };
}

function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`).join("\n")}`,
  );
}
