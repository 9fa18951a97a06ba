// Outbound proxy. Government networks often reach the internet only through an
// HTTP proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). Every call the bot makes goes
// through fetch or undici's WebSocket: @slack/web-api 8 and Bolt's respond() call
// the `fetch` in the client options, and @slack/socket-mode opens its WebSocket
// with a `dispatcher`. One undici dispatcher that picks a route per destination
// therefore carries them all. Node's own fetch ignores the proxy variables, so
// without this every call would go direct.
import type { FetchFunction } from "@slack/web-api";
import { getProxyForUrl } from "proxy-from-env";
import { Agent, Dispatcher, ProxyAgent, fetch as undiciFetch } from "undici";
import type { ProxySettings } from "../config";

/**
 * The proxy for one destination (undefined: go direct), decided by proxy-from-env
 * as curl decides: HTTPS_PROXY for https:, HTTP_PROXY for http:, NO_PROXY's hosts,
 * domains (.gov.uk), host:port entries and `*` excluded.
 */
export function proxyForUrl(url: string | URL, settings: ProxySettings): string | undefined {
  // proxy-from-env reads process.env; it is handed the settings config.ts validated
  // instead, for this synchronous call only, so what was checked is what decides.
  const env = process.env;
  process.env = { https_proxy: settings.httpsProxy, http_proxy: settings.httpProxy, no_proxy: settings.noProxy };
  try {
    return getProxyForUrl(String(url)) || undefined;
  } finally {
    process.env = env;
  }
}

/** A proxy URL fit for a log: any user name and password are left out. */
export function withoutCredentials(proxy: string): string {
  const url = new URL(proxy);
  const hidden = url.username || url.password;
  url.username = "";
  url.password = "";
  return `${url.origin}${hidden ? " (with credentials)" : ""}`;
}

/** The proxy in use, for the start-up log and messages about an unreachable Slack. */
export function describeProxy(settings: ProxySettings | undefined): { https?: string; http?: string; noProxy?: string } | undefined {
  if (!settings?.httpsProxy && !settings?.httpProxy) return undefined;
  return {
    ...(settings.httpsProxy ? { https: withoutCredentials(settings.httpsProxy) } : {}),
    ...(settings.httpProxy ? { http: withoutCredentials(settings.httpProxy) } : {}),
    ...(settings.noProxy ? { noProxy: settings.noProxy } : {}),
  };
}

/**
 * Routes each request: direct, through the proxy as a plain-HTTP proxy request
 * (http: destinations, as curl sends them), or through a CONNECT tunnel (https:
 * destinations, and every WebSocket upgrade, which a forwarding proxy cannot relay).
 * The decision is made once per destination.
 */
class ProxyRouter extends Dispatcher {
  private readonly direct: Agent;
  private readonly proxies = new Map<string, ProxyAgent>();
  private readonly routes = new Map<string, Dispatcher>();

  constructor(
    private readonly settings: ProxySettings,
    private readonly tls: TlsOptions,
  ) {
    super();
    this.direct = new Agent({ connect: { ...tls } });
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.route(String(options.origin), Boolean(options.upgrade)).dispatch(options, handler);
  }

  private route(origin: string, upgrade: boolean): Dispatcher {
    const key = `${upgrade ? "upgrade " : ""}${origin}`;
    let route = this.routes.get(key);
    if (!route) {
      const proxy = proxyForUrl(origin, this.settings);
      route = proxy ? this.viaProxy(proxy, upgrade) : this.direct;
      this.routes.set(key, route);
    }
    return route;
  }

  private viaProxy(proxy: string, tunnel: boolean): ProxyAgent {
    // undici tunnels https: always; proxyTunnel decides only for http: destinations.
    const key = `${tunnel ? "tunnel" : "forward"} ${proxy}`;
    let agent = this.proxies.get(key);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy, proxyTunnel: tunnel, requestTls: { ...this.tls } });
      this.proxies.set(key, agent);
    }
    return agent;
  }

  private all(): Dispatcher[] {
    return [this.direct, ...this.proxies.values()];
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closed = Promise.all(this.all().map((d) => d.close())).then(() => undefined);
    if (!callback) return closed;
    void closed.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(errOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const err = typeof errOrCallback === "function" ? null : (errOrCallback ?? null);
    const done = typeof errOrCallback === "function" ? errOrCallback : callback;
    const destroyed = Promise.all(this.all().map((d) => d.destroy(err))).then(() => undefined);
    if (!done) return destroyed;
    void destroyed.then(done);
  }
}

/** TLS settings for the destinations; production needs none (NODE_EXTRA_CA_CERTS adds a private CA). */
export interface TlsOptions {
  ca?: string | Buffer;
}

export interface Outbound {
  /** For SocketModeReceiver's `dispatcher`: the WebSocket and apps.connections.open. */
  dispatcher: Dispatcher;
  /** For every WebClient and Bolt's clientOptions (Web API calls and respond()). */
  clientOptions: { fetch: FetchFunction };
  /** Closes the pooled connections (on stop). */
  close(): Promise<void>;
}

/** The outbound route for these settings, or undefined when no proxy is set: then nothing changes. */
export function createOutbound(settings: ProxySettings | undefined, tls: TlsOptions = {}): Outbound | undefined {
  if (!settings?.httpsProxy && !settings?.httpProxy) return undefined;
  const dispatcher = new ProxyRouter(settings, tls);
  const fetch = ((url, init) => undiciFetch(url, { ...(init as object), dispatcher })) as FetchFunction;
  return { dispatcher, clientOptions: { fetch }, close: () => dispatcher.close() };
}
