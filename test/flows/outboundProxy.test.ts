// The outbound proxy module on its own: which destinations go through which
// proxy (proxy-from-env's rules), what config.ts accepts, what is logged, and
// the CONNECT tunnel to an https:// destination, with TLS checked end to end
// against a local HTTPS server whose certificate the test makes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import { ConfigError, loadConfig } from "../../src/config";
import { createOutbound, describeProxy, proxyForUrl } from "../../src/outbound/proxy";
import { TestProxy } from "../support/proxy";

describe("which proxy a destination uses", () => {
  const settings = { httpsProxy: "http://secure-proxy:3128", httpProxy: "http://plain-proxy:3128" };

  it("takes HTTPS_PROXY for https: and HTTP_PROXY for http:, and neither when unset", () => {
    expect(proxyForUrl("https://slack.com/api/auth.test", settings)).toBe("http://secure-proxy:3128");
    expect(proxyForUrl("https://hooks.slack.com/commands/T0/1/x", settings)).toBe("http://secure-proxy:3128");
    expect(proxyForUrl("http://127.0.0.1:8080/api/", settings)).toBe("http://plain-proxy:3128");
    expect(proxyForUrl("https://slack.com/api/", { httpProxy: "http://plain-proxy:3128" })).toBeUndefined();
    expect(proxyForUrl("https://slack.com/api/", {})).toBeUndefined();
  });

  it("leaves out NO_PROXY's hosts, domains, host:port entries, and everything for *", () => {
    const noProxy = (value: string, url: string) => proxyForUrl(url, { ...settings, noProxy: value });
    expect(noProxy("localhost,127.0.0.1", "http://127.0.0.1:8080/")).toBeUndefined();
    expect(noProxy(".gov.uk", "https://communities.example.gov.uk/")).toBeUndefined();
    expect(noProxy(".gov.uk", "https://slack.com/api/")).toBe("http://secure-proxy:3128");
    // A bare name is that host only, unlike curl: a domain needs its leading dot.
    expect(noProxy("example.gov.uk", "https://communities.example.gov.uk/")).toBe("http://secure-proxy:3128");
    expect(noProxy("*.example.gov.uk", "https://communities.example.gov.uk/")).toBeUndefined();
    expect(noProxy("127.0.0.1:9999", "http://127.0.0.1:8080/")).toBe("http://plain-proxy:3128");
    expect(noProxy("127.0.0.1:8080", "http://127.0.0.1:8080/")).toBeUndefined();
    expect(noProxy("*", "https://slack.com/api/")).toBeUndefined();
  });

  it("decides from the settings it is given, not from the process environment, which it leaves as it was", () => {
    const before = process.env;
    process.env.HTTPS_PROXY = "http://from-the-shell:3128";
    try {
      expect(proxyForUrl("https://slack.com/api/", {})).toBeUndefined();
      expect(process.env).toBe(before);
      expect(process.env.HTTPS_PROXY).toBe("http://from-the-shell:3128");
    } finally {
      delete process.env.HTTPS_PROXY;
    }
  });

  it("is described for the log without credentials", () => {
    expect(describeProxy({ httpsProxy: "http://alice:s3cret@proxy.example.gov.uk:3128", noProxy: "localhost" })).toEqual({
      https: "http://proxy.example.gov.uk:3128 (with credentials)",
      noProxy: "localhost",
    });
    expect(describeProxy(undefined)).toBeUndefined();
    expect(describeProxy({ noProxy: "localhost" })).toBeUndefined();
  });

  it("changes nothing when no proxy is set", () => {
    expect(createOutbound(undefined)).toBeUndefined();
    expect(createOutbound({ noProxy: "localhost" })).toBeUndefined();
  });
});

describe("proxy configuration", () => {
  const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };

  it("is unset unless HTTPS_PROXY or HTTP_PROXY is", () => {
    expect(loadConfig(base).proxy).toBeUndefined();
    expect(loadConfig({ ...base, NO_PROXY: "localhost" }).proxy).toBeUndefined();
  });

  it("reads the upper- and lower-case forms, the lower-case one first, and takes host:port as http://", () => {
    expect(loadConfig({ ...base, HTTPS_PROXY: "http://proxy.example.gov.uk:3128", NO_PROXY: "localhost,.internal" }).proxy).toEqual({
      httpsProxy: "http://proxy.example.gov.uk:3128",
      httpProxy: undefined,
      noProxy: "localhost,.internal",
    });
    expect(
      loadConfig({
        ...base,
        HTTPS_PROXY: "http://upper:3128",
        https_proxy: "http://lower:3128",
        http_proxy: "plain-proxy:8080",
        no_proxy: "x",
        NO_PROXY: "y",
      }).proxy,
    ).toEqual({
      httpsProxy: "http://lower:3128",
      httpProxy: "http://plain-proxy:8080",
      noProxy: "x",
    });
  });

  it("refuses a proxy that is not an http(s) URL, naming the variable and not repeating its password", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ ...base, HTTPS_PROXY: "socks5://proxy:1080", http_proxy: "ftp://alice:s3cret@proxy:21" });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain("HTTPS_PROXY should be a proxy URL such as http://proxy.example.gov.uk:3128");
    expect(error!.message).toContain("http_proxy should be a proxy URL such as http://proxy.example.gov.uk:3128");
    expect(error!.message).not.toContain("s3cret");
  });
});

describe("an https:// destination through HTTPS_PROXY", () => {
  let dir: string;
  let cert: Buffer;
  let server: https.Server;
  let origin: string;
  let proxy: TestProxy;
  const hits: string[] = [];

  beforeAll(async () => {
    // A self-signed certificate for localhost, so the tunnelled TLS is verified for real.
    dir = mkdtempSync(path.join(tmpdir(), "proxy-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    cert = readFileSync(path.join(dir, "cert.pem"));
    server = https.createServer({ key: readFileSync(path.join(dir, "key.pem")), cert }, (req, res) => {
      hits.push(req.url ?? "");
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, user_id: "UBOT" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    proxy = new TestProxy();
    await proxy.start();
  });

  afterAll(async () => {
    await proxy.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    proxy.reset();
    hits.length = 0;
  });

  it("opens a CONNECT tunnel, with the proxy's credentials, for Web API calls and response_url posts", async () => {
    const outbound = createOutbound({ httpsProxy: proxy.urlWithCredentials("alice", "s3cret") }, { ca: cert })!;
    try {
      const client = new WebClient("xoxb-test", { slackApiUrl: `${origin}/api/`, retryConfig: { retries: 0 }, ...outbound.clientOptions });
      expect(await client.auth.test()).toMatchObject({ ok: true, user_id: "UBOT" });
      // Bolt's respond() posts to response_url with the same fetch.
      const posted = await outbound.clientOptions.fetch(`${origin}/response/1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(posted.status).toBe(200);
      expect(hits).toEqual(["/api/auth.test", "/response/1"]);
      expect(proxy.tunnels.map((t) => t.target)).toContain(`localhost:${new URL(origin).port}`);
      expect(proxy.tunnels[0].proxyAuthorization).toBe(`Basic ${Buffer.from("alice:s3cret").toString("base64")}`);
      expect(proxy.requests).toHaveLength(0);
    } finally {
      await outbound.close();
    }
  });

  it("goes direct when only HTTP_PROXY is set, or when NO_PROXY names the host", async () => {
    for (const settings of [{ httpProxy: proxy.url }, { httpsProxy: proxy.url, noProxy: "localhost" }]) {
      const outbound = createOutbound(settings, { ca: cert })!;
      try {
        const client = new WebClient("xoxb-test", {
          slackApiUrl: `${origin}/api/`,
          retryConfig: { retries: 0 },
          ...outbound.clientOptions,
        });
        expect(await client.auth.test()).toMatchObject({ ok: true });
      } finally {
        await outbound.close();
      }
    }
    expect(hits).toEqual(["/api/auth.test", "/api/auth.test"]);
    expect(proxy.total).toBe(0);
  });
});
