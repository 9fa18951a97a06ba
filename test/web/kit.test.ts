// The web layer's kit over real HTTP, on Bolt's own HTTP receiver as the app uses
// it: security headers, assets, error pages, form tokens, form bodies and the rate
// limit, around two small pages made here with pageRoute (the app's own pages are
// tested in test/flows and test/browser).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import HTTPReceiver from "@slack/bolt/dist/receivers/HTTPReceiver";
import pino from "pino";
import { ManualClock } from "../../src/domain/common/clock";
import { AppError } from "../../src/domain/common/errors";
import { assetRoute } from "../../src/web/kit/assetRoute";
import { CSRF_FIELD } from "../../src/web/kit/csrf";
import { notFoundRoute, webDispatchErrorHandler } from "../../src/web/kit/fallbacks";
import { pageRoute } from "../../src/web/kit/pageRoute";
import { errorPage, redirect } from "../../src/web/kit/results";
import { createWebKit, type WebKit } from "../../src/web/kit/webKit";
import { testConfig } from "../support/harness";

const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));

interface Site {
  url: string;
  kit: WebKit;
  seen: URLSearchParams[];
  close(): Promise<void>;
}

async function startSite(publicUrl: string, link = "link-token"): Promise<Site> {
  const kit = createWebKit({
    config: testConfig("http://127.0.0.1:9/api/", "file:unused", { publicUrl, webFormsPerMinute: 3 }),
    clock,
    logger: pino({ level: "silent" }),
  });
  const seen: URLSearchParams[] = [];
  const form = (token: string) => ({
    kind: "html" as const,
    html: `<form method="post"><input name="${CSRF_FIELD}" value="${token}"></form>`,
  });
  const routes = [
    assetRoute(kit),
    pageRoute(kit, {
      path: "/form",
      get: (r) => form(r.csrfToken()),
      post: (r) => {
        seen.push(r.form);
        return redirect("/form");
      },
    }),
    pageRoute(kit, {
      path: "/linked/:token",
      csrf: (r) => r.params.token!,
      get: (r) => (r.params.token === link ? form(r.csrfToken()) : errorPage("link_invalid")),
      post: (r) => {
        seen.push(r.form);
        return redirect(`/linked/${r.params.token}`);
      },
    }),
    pageRoute(kit, {
      path: "/unsubscribe/:token",
      csrf: false,
      post: () => ({ kind: "empty", status: 200 }),
    }),
    pageRoute(kit, {
      path: "/fails/:how",
      get: (r) => {
        if (r.params.how === "gone") throw new AppError("gone", { key: "form.unreadable" });
        throw new Error("secret internals at /srv/app/db.ts:42");
      },
    }),
    notFoundRoute(kit),
  ];
  const receiver = new HTTPReceiver({ signingSecret: "s", customRoutes: routes, dispatchErrorHandler: webDispatchErrorHandler(kit) });
  const server = (await receiver.start(0)) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, kit, seen, close: () => receiver.stop() };
}

function post(url: string, body: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** The form's token and the cookie it came with. */
async function openForm(url: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(url);
  const token = /value="([^"]+)"/.exec(await res.text())![1]!;
  return { token, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]! };
}

let site: Site;
let secure: Site;
beforeAll(async () => {
  [site, secure] = await Promise.all([startSite("http://127.0.0.1"), startSite("https://communities.service.gov.uk")]);
});
afterAll(async () => {
  await Promise.all([site.close(), secure.close()]);
});
beforeEach(() => {
  // A new minute's allowance for every test.
  clock.advance(120_000);
  site.seen.length = 0;
});

describe("security headers", () => {
  it("are on every page: a CSP with no inline script but GOV.UK Frontend's own (by its hash), no framing, no sniffing, no referrer", async () => {
    const res = await fetch(`${site.url}/form`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("include HSTS only when PUBLIC_URL is https", async () => {
    expect((await fetch(`${site.url}/nowhere`)).headers.get("strict-transport-security")).toBeNull();
    expect((await fetch(`${secure.url}/nowhere`)).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("allow the inline script of the installed GOV.UK Frontend template, whose hash the CSP names", async () => {
    const html = await (await fetch(`${site.url}/nowhere`)).text();
    const script = /<script>([^<]+)<\/script>/.exec(html)![1]!;
    const hash = require("node:crypto").createHash("sha256").update(script).digest("base64");
    expect((await fetch(`${site.url}/nowhere`)).headers.get("content-security-policy")).toContain(`'sha256-${hash}'`);
  });
});

describe("assets", () => {
  it("serve GOV.UK Frontend's CSS, JS, fonts and images from the package, versioned addresses for a year", async () => {
    const css = site.kit.assets.url("govuk-frontend.min.css");
    const res = await fetch(`${site.url}${css}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toContain(".govuk-header");
    for (const path of [
      "/assets/govuk-frontend.min.js",
      "/assets/fonts/bold-b542beb274-v2.woff2",
      "/assets/images/govuk-crest.svg",
      "/assets/manifest.json",
    ]) {
      expect([path, (await fetch(`${site.url}${path}`)).status]).toEqual([path, 200]);
    }
    expect((await fetch(`${site.url}/assets/fonts/bold-b542beb274-v2.woff2`)).headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${site.url}/assets/govuk-frontend.min.css`)).headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it("answer a browser that has the file with 304", async () => {
    const first = await fetch(`${site.url}/assets/app.css`);
    const again = await fetch(`${site.url}/assets/app.css`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("start GOV.UK Frontend's components from a file, importing the package's module by its versioned address", async () => {
    const init = await (await fetch(`${site.url}${site.kit.assets.url("init.js")}`)).text();
    expect(init).toContain(`import { initAll } from "${site.kit.assets.url("govuk-frontend.min.js")}"`);
  });

  it("are not found outside the package's files", async () => {
    for (const path of ["/assets/../package.json", "/assets/%2e%2e/package.json", "/assets/nope.css", "/assets/fonts"]) {
      expect([path, (await fetch(`${site.url}${path}`)).status]).toEqual([path, 404]);
    }
  });
});

describe("error pages", () => {
  it("say what happened and what to do next, as GOV.UK pages with a title", async () => {
    const res = await fetch(`${site.url}/no/such/page`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain("<title>Page not found – Service Communities</title>");
    expect(html).toContain("If you typed the web address, check it is correct.");
  });

  it("answer a POST nobody takes with the 404 page, and an address that cannot be decoded with 400", async () => {
    const res = await post(`${site.url}/no/such/page`, "a=1");
    expect([res.status, await res.text()]).toEqual([404, expect.stringContaining("Page not found")]);
    const bad = await fetch(`${site.url}/linked/%E0%A4%A`);
    expect([bad.status, await bad.text()]).toEqual([400, expect.stringContaining("Sorry, there is a problem with this page")]);
  });

  it("never show a failure's message or stack: a coded error is its page, anything else the 500 page", async () => {
    const gone = await fetch(`${site.url}/fails/gone`);
    expect([gone.status, await gone.text()]).toEqual([410, expect.stringContaining("This is no longer available")]);
    const res = await fetch(`${site.url}/fails/crash`);
    const html = await res.text();
    expect(res.status).toBe(500);
    expect(html).toContain("Sorry, there is a problem with the service");
    expect(html).not.toMatch(/secret internals|db\.ts|at \w+ \(/);
  });

  it("show the GOV.UK header only on GOV.UK, and the service's name on every page", async () => {
    const elsewhere = await (await fetch(`${site.url}/nowhere`)).text();
    const onGovUk = await (await fetch(`${secure.url}/nowhere`)).text();
    expect(elsewhere).not.toContain("govuk-header");
    expect(onGovUk).toContain('class="govuk-header');
    for (const html of [elsewhere, onGovUk]) expect(html).toContain("Service Communities");
  });
});

describe("forms", () => {
  it("take a form whose token matches its cookie, and answer with 303 to a page", async () => {
    const { token, cookie } = await openForm(`${site.url}/form`);
    expect(cookie).toMatch(/^sc-form=[A-Za-z0-9_-]+$/);
    const res = await post(`${site.url}/form`, `${CSRF_FIELD}=${token}&name=Ada`, { cookie });
    expect([res.status, res.headers.get("location")]).toEqual([303, "/form"]);
    expect(site.seen.map((f) => f.get("name"))).toEqual(["Ada"]);
  });

  it("set the cookie HttpOnly and SameSite=Strict, and __Host- and Secure over https", async () => {
    const plain = (await fetch(`${site.url}/form`)).headers.get("set-cookie")!;
    const https = (await fetch(`${secure.url}/form`)).headers.get("set-cookie")!;
    expect(plain).toMatch(/^sc-form=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(https).toMatch(/^__Host-sc-form=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it("refuse a form with no token, another browser's token, or an old one, and do nothing with it", async () => {
    const { token, cookie } = await openForm(`${site.url}/form`);
    const other = await openForm(`${site.url}/form`);
    const refused = [
      await post(`${site.url}/form`, "name=Ada", { cookie }),
      await post(`${site.url}/form`, `${CSRF_FIELD}=${token}&name=Ada`),
      await post(`${site.url}/form`, `${CSRF_FIELD}=${other.token}&name=Ada`, { cookie }),
    ];
    clock.advance(2 * 3_600_000 + 1000);
    refused.push(await post(`${site.url}/form`, `${CSRF_FIELD}=${token}&name=Ada`, { cookie }));
    for (const res of refused) expect([res.status, await res.text()]).toEqual([400, expect.stringContaining("Your answers were not sent")]);
    expect(site.seen).toEqual([]);
  });

  it("on a personal link's page, bind the token to the link: no cookie, and useless on another link", async () => {
    const res = await fetch(`${site.url}/linked/link-token`);
    expect(res.headers.get("set-cookie")).toBeNull();
    const token = /value="([^"]+)"/.exec(await res.text())![1]!;
    expect((await post(`${site.url}/linked/link-token`, `${CSRF_FIELD}=${token}`)).status).toBe(303);
    expect((await post(`${site.url}/linked/another-token`, `${CSRF_FIELD}=${token}`)).status).toBe(400);
    expect(site.seen).toHaveLength(1);
  });

  it("take a one-click unsubscribe (RFC 8058) with no token where the route says so", async () => {
    expect((await post(`${site.url}/unsubscribe/x`, "List-Unsubscribe=One-Click")).status).toBe(200);
  });

  it("refuse a body over the limit (413) or that is not a form (400)", async () => {
    const { token, cookie } = await openForm(`${site.url}/form`);
    const large = await post(`${site.url}/form`, `${CSRF_FIELD}=${token}&text=${"a".repeat(40_000)}`, { cookie });
    expect([large.status, await large.text()]).toEqual([413, expect.stringContaining("Your answers were too long")]);
    const json = await post(`${site.url}/form`, JSON.stringify({ [CSRF_FIELD]: token }), { cookie, "content-type": "application/json" });
    expect(json.status).toBe(400);
    expect(site.seen).toEqual([]);
  });

  it("are limited per client address: the fourth form in a minute gets 429 with Retry-After, and a form goes through again later", async () => {
    const { token, cookie } = await openForm(`${site.url}/form`);
    const send = () => post(`${site.url}/form`, `${CSRF_FIELD}=${token}`, { cookie });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(303);
    const limited = await send();
    expect([limited.status, limited.headers.get("retry-after"), await limited.text()]).toEqual([
      429,
      "20",
      expect.stringContaining("You have sent too many forms"),
    ]);
    // Pages are not limited: only forms.
    expect((await fetch(`${site.url}/form`)).status).toBe(200);
    clock.advance(20_000);
    expect((await send()).status).toBe(303);
    expect(site.seen).toHaveLength(4);
  });
});
