// A community's web page over HTTP, on SQLite and PostgreSQL: what it shows, who may
// open it (link-only by default, public when organisers say, old addresses retired),
// and the settings and command that give its address. The browser's view of it,
// with axe, is test/browser/communityPage.test.ts.
import { CALLBACK, SETTINGS_BLOCK } from "../../src/views/ids";
import { type PageWorld, seedPageWorld } from "../support/communityPage";
import { TEAM_ID } from "../support/harness";
import { input, viewSubmission } from "../support/payloads";
import { seededWorld } from "../support/world";

// And a problem whose title is markup, which the page must show as text.
const world = seededWorld(async (h) => {
  const w = await seedPageWorld(h);
  await h.db.problem.create({
    data: {
      communityId: w.communityId,
      title: "Forms <script>alert(1)</script> ask twice",
      source: "command",
      createdBy: "U0BOB",
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
  return w;
});
let h: Awaited<ReturnType<typeof world.start>>["h"];
let w: Readonly<PageWorld>;
beforeEach(async () => {
  ({ h, world: w } = await world.start());
});
afterEach(async () => {
  await h.close();
});

async function community() {
  return h.app.services.communities.byId(w.communityId);
}

/** The page's address as the bot gives it now, as a path on the test's server. */
async function address(): Promise<string> {
  const url = new URL(h.app.services.communityPageLinks.url(await community()));
  return `${url.pathname}${url.search}`;
}

async function open(path: string) {
  const res = await fetch(`${h.url}${path}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** Saves the settings form as it opened, with the web page's choices. */
async function saveSettings(visibility: string, newAddress: boolean) {
  await h.command("settings Starting a business", { user: "U0ALICE" });
  const modal = h.slack.lastCall("views.open")!.args.view;
  const reply = await h.interact(
    viewSubmission({
      user: "U0ALICE",
      callbackId: CALLBACK.communitySettings,
      privateMetadata: modal.private_metadata,
      values: {
        [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes([]),
        [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
        [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
        [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
        [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
        [SETTINGS_BLOCK.digestMonthDay]: input.select("1"),
        [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "09:00" },
        [SETTINGS_BLOCK.pageVisibility]: input.radio(visibility),
        [SETTINGS_BLOCK.pageNewAddress]: input.checkboxes(newAddress ? ["yes"] : []),
      },
    }),
  );
  expect(reply.status).toBe(200);
  return reply;
}

describe("the community page", () => {
  it("shows the charter, objectives, most-voted problems with the organisations they affect, the journey, meetings, who is in and how to join", async () => {
    const { status, html, headers } = await open(await address());
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(html).toContain("<title>Starting a business – Service Communities</title>");
    expect(html).toContain("Make starting a business simpler, whichever organisation people meet first.");
    // The charter: how often it meets, and how members talk, with the mailing list's link.
    expect(html).toMatch(/How often we meet\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Monthly/);
    expect(html).toContain('<a class="govuk-link" href="https://lists.example.gov.uk/starting-a-business">Mailing list</a>');
    expect(html).toContain("4 members from 3 organisations");
    // The objective, led by its owner's organisation, with its progress.
    expect(html).toMatch(/Agree one way to verify a business&#39;s identity<\/th>\s*<td class="govuk-table__cell">DWP<\/td>/);
    expect(html).toContain("Tuesday 30 June 2026");
    expect(html).toMatch(/govuk-tag--blue">\s*In progress/);
    // Open problems, most votes first, with who they affect (named by the author or a voter); not solved ones.
    const problems = [
      ...html.matchAll(
        /<th scope="row" class="govuk-table__header">([^<]*)<\/th>\s*<td class="govuk-table__cell">(\d+ votes?)<\/td>\s*<td class="govuk-table__cell">([^<]*)</g,
      ),
    ].map((m) => m.slice(1));
    expect(problems).toEqual([
      ["It is unclear which licences a business needs", "2 votes", "Companies House, DBT and DWP"],
      ["People register with HMRC and Companies House separately", "1 vote", "Companies House, DWP and HMRC"],
      ["Forms &lt;script&gt;alert(1)&lt;/script&gt; ask twice", "0 votes", "Not said yet"],
      ["Business bank accounts take weeks to open", "0 votes", "Not said yet"],
    ]);
    expect(html).not.toContain("Solved long ago");
    expect(html).not.toContain("<script>alert(1)");
    // The journey, as numbered steps with their owners and links.
    expect([...html.matchAll(/<span class="govuk-visually-hidden">Step<\/span> (\d)/g)].map((m) => m[1])).toEqual(["1", "2", "3"]);
    expect(html).toContain("Owned by Companies House. HMRC delivers part of it.");
    expect(html).toContain('href="https://www.gov.uk/limited-company-formation"');
    // Meetings still to come, with their calendar files, which open.
    expect(html).toContain("Monday 9 March 2026, 10am to 11am UK time");
    expect(html).toContain("10 South Colonnade, London, or by video call");
    expect(html).not.toContain("A meeting that has happened");
    const calendar = /href="(\/calendar\/[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&");
    const file = await fetch(`${h.url}${calendar}`);
    expect([file.status, file.headers.get("content-type")]).toEqual([200, "text/calendar; charset=utf-8; method=REQUEST"]);
    // Who is in, and who is not yet.
    expect(html).toContain("<li>DWP (2 members)</li>");
    expect(html).toContain("<li>DBT, named on 1 problem</li>");
    // How to join: the channel through Slack, in the workspace; an invitation by email otherwise.
    expect(html).toContain(`${h.slack.apiUrl.replace(/\/api\/$/, "")}/app_redirect?channel=${w.channelId}&amp;team=${TEAM_ID}`);
    expect(html).toContain("ask one of the community's organisers to invite you by email");
  });

  it("is link-only by default: without its key it says whom to ask, and a changed key is refused", async () => {
    const plain = await open(`/c/${w.communityId}/${w.slug}`);
    expect([plain.status, plain.html]).toEqual([404, expect.stringContaining("You need the full link to see this page")]);
    expect(plain.html).not.toContain("Starting a business</h1>");
    const tampered = (await address()).replace(/key=(.)/, (_m, c) => `key=${c === "A" ? "B" : "A"}`);
    const bad = await open(tampered);
    expect([bad.status, bad.html]).toEqual([404, expect.stringContaining("This link does not work")]);
    // Another community's key does not open this one.
    const other = await h.app.services.communityPageLinks.url({ id: "another", slug: "x", page: { visibility: "link_only", version: 0 } });
    expect((await open(`/c/${w.communityId}/${w.slug}${new URL(other).search}`)).status).toBe(404);
  });

  it("opens without a key once organisers make it public, and the settings form shows its address", async () => {
    await h.command("settings Starting a business", { user: "U0ALICE" });
    const modal = JSON.stringify(h.slack.lastCall("views.open")!.args.view);
    expect(modal).toContain(h.app.services.communityPageLinks.url(await community()));
    expect(modal).toContain("Only people with the link");
    await saveSettings("public", false);
    expect((await community()).page).toEqual({ visibility: "public", version: 0 });
    expect((await open(`/c/${w.communityId}/${w.slug}`)).status).toBe(200);
    expect((await open(`/c/${w.communityId}`)).status).toBe(200);
    // The organiser is told the address and who can see it.
    expect(h.slack.lastCall("chat.postMessage")!.args.text).toContain(`Web page: <https://communities.test/c/${w.communityId}/${w.slug}|`);
    expect(h.slack.lastCall("chat.postMessage")!.args.text).toContain("anyone with the address can see it");
  });

  it("retires every earlier address when organisers give it a new one: an old link gets a page saying it is out of date", async () => {
    const before = await address();
    await saveSettings("link_only", true);
    const after = await address();
    expect(after).not.toBe(before);
    const old = await open(before);
    expect([old.status, old.html]).toEqual([410, expect.stringContaining("This link is out of date")]);
    expect(old.html).toContain("Ask the person who sent you this link, or one of the community&#39;s organisers, for the new one.");
    expect((await open(after)).status).toBe(200);
    // Twice more: the first address is still recognised as retired, not as a forgery.
    await saveSettings("link_only", true);
    await saveSettings("link_only", true);
    expect((await open(before)).status).toBe(410);
    expect((await community()).page.version).toBe(3);
  });

  it("refuses a visibility the form never offers, beside its field", async () => {
    const reply = await saveSettings("everyone", false);
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: { [SETTINGS_BLOCK.pageVisibility]: "Choose who can see the community's web page." },
    });
  });

  it("is given by /community page to anyone in the workspace, with who can see it", async () => {
    const reply = (await h.command("page Starting a business", { user: "U0DAN" })).json;
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain(h.app.services.communityPageLinks.url(await community()).replace(/&/g, "&amp;"));
    expect(reply.text).toContain("Only people with this link can see it");
  });

  it("shows what changed within two seconds: the page is kept that long", async () => {
    const path = await address();
    expect((await open(path)).html).not.toContain("A new problem");
    await h.db.problem.create({ data: { communityId: w.communityId, title: "A new problem", source: "command", createdBy: "U0BOB" } });
    expect((await open(path)).html).not.toContain("A new problem");
    h.clock.advance(2001);
    // The old page while the new one is built (no view waits on a rebuild), then the new one.
    expect((await open(path)).html).not.toContain("A new problem");
    await h.idle();
    expect((await open(path)).html).toContain("A new problem");
    // A new address saved here retires the old one at once, cached page or not.
    await saveSettings("link_only", true);
    expect((await open(path)).status).toBe(410);
  });

  it("takes up to two seconds to see a new address saved on another replica", async () => {
    const path = await address();
    expect((await open(path)).status).toBe(200);
    await h.db.community.update({ where: { id: w.communityId }, data: { pageVersion: { increment: 1 } } });
    expect((await open(path)).status).toBe(200);
    h.clock.advance(2001);
    expect((await open(path)).status).toBe(410);
  });

  it("says a community has closed once it is archived, and is not found for an address that names none", async () => {
    const path = await address();
    await h.db.community.update({ where: { id: w.communityId }, data: { archivedAt: h.clock.now() } });
    const closed = await open(path);
    expect([closed.status, closed.html]).toEqual([410, expect.stringContaining("Starting a business has been archived by its organisers")]);
    const none = await open("/c/nosuchcommunity/x");
    expect([none.status, none.html]).toEqual([404, expect.stringContaining("Page not found")]);
  });
});
