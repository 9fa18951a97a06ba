// A fake Slack Web API on a random local port. The app's Web API client points
// at it through SLACK_API_URL; it records every call and answers plausibly, and
// a test can script errors (ok:false) or rate limits (429 + Retry-After).
// It also receives response_url posts, which Slack would otherwise get.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  token?: string;
  /** When it arrived (real milliseconds), for pacing checks. */
  at: number;
}

export interface RecordedResponse {
  path: string;
  body: Record<string, any>;
}

type Reply = Record<string, unknown> | ((args: Record<string, any>) => Record<string, unknown>);

interface Script {
  reply?: Reply;
  retryAfter?: number;
  gate?: Gate;
  times: number;
}

/** A held call: `arrived` resolves when the call comes in; it is answered on `release()`. */
export interface Gate {
  arrived: Promise<void>;
  release(): void;
}

interface FakeChannel {
  id: string;
  name: string;
  topic: string;
  purpose: string;
  members: Set<string>;
  general: boolean;
  archived: boolean;
  readOnly: boolean;
}

export interface FakeSlackSnapshot {
  channels: FakeChannel[];
  counter: number;
  timezones: Array<[string, string]>;
  emails: Array<[string, string]>;
  calls: RecordedCall[];
  responses: RecordedResponse[];
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  private readonly scripts = new Map<string, Script[]>();
  /** People whose accounts are deactivated: a DM to them is refused, as Slack refuses it. */
  private readonly deactivated = new Set<string>();
  private readonly channels = new Map<string, FakeChannel>();
  private server?: http.Server;
  private counter = 0;
  /** users.info answers Europe/London unless a test sets someone's zone. */
  readonly timezones = new Map<string, string>();
  /** users.lookupByEmail finds these addresses (lower case) and answers users_not_found for any other; users.info gives each as the profile's. */
  readonly emails = new Map<string, string>();
  baseUrl = "";

  /** The Web API base, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url for a command or action payload. */
  responseUrl(): string {
    return `${this.baseUrl}/response/${++this.counter}`;
  }

  async start(): Promise<void> {
    await this.startOn(0);
  }

  /** Listens on a given port (a Slack that comes back where it was). */
  async startOn(port: number): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next `times` calls of `method` get `reply` (e.g. { ok: false, error: "name_taken" }). */
  script(method: string, reply: Reply, times = 1): void {
    this.queue(method).push({ reply, times });
  }

  /** The next `times` calls of `method` get HTTP 429 with Retry-After. */
  rateLimit(method: string, retryAfterSeconds: number, times = 1): void {
    this.queue(method).push({ retryAfter: retryAfterSeconds, times });
  }

  /** The next call of `method` waits, unanswered, until the test releases it. */
  hold(method: string): Gate {
    let arrive!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const gate: Gate & { enter(): Promise<void> } = {
      arrived,
      release,
      enter: () => {
        arrive();
        return released;
      },
    };
    this.queue(method).push({ gate, times: 1 });
    return gate;
  }

  /**
   * Pretend a channel already exists (for name_taken and linking, and for seeded
   * communities, with their `members`). `general` makes it the workspace's general
   * channel, as conversations.info reports it (is_general); `archived` and `readOnly` likewise.
   */
  addChannel(
    name: string,
    opts: { topic?: string; purpose?: string; members?: string[]; general?: boolean; archived?: boolean; readOnly?: boolean } = {},
  ): string {
    const id = `C${String(++this.counter).padStart(8, "0")}`;
    this.channels.set(id, {
      id,
      name,
      topic: opts.topic ?? "",
      purpose: opts.purpose ?? "",
      members: new Set(opts.members),
      general: opts.general ?? false,
      archived: opts.archived ?? false,
      readOnly: opts.readOnly ?? false,
    });
    return id;
  }

  /** Pretend someone is in a channel, as if the bot had invited them. */
  addMember(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`the fake Slack has no channel ${channelId}`);
    channel.members.add(userId);
  }

  /** Pretend a channel's topic or purpose was set (by the bot earlier, or by people in Slack). */
  setChannelText(channelId: string, text: { topic?: string; purpose?: string }): void {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`the fake Slack has no channel ${channelId}`);
    if (text.topic !== undefined) channel.topic = text.topic;
    if (text.purpose !== undefined) channel.purpose = text.purpose;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  lastCall(method: string): RecordedCall | undefined {
    return this.callsTo(method).at(-1);
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
  }

  /** Slack's side of a test world (channels and their members, zones, addresses, calls so far), for restore(). */
  snapshot(): FakeSlackSnapshot {
    if ([...this.scripts.values()].some((q) => q.length))
      throw new Error("the fake Slack has scripted replies waiting: a world is snapshot with none");
    return copyOf({
      channels: [...this.channels.values()],
      counter: this.counter,
      timezones: [...this.timezones],
      emails: [...this.emails],
      calls: this.calls,
      responses: this.responses,
    });
  }

  /** Makes this fake the snapshot's Slack: the same channels (and the same next id), zones, addresses and calls. */
  restore(snapshot: FakeSlackSnapshot): void {
    const copy = copyOf(snapshot);
    this.channels.clear();
    for (const channel of copy.channels) this.channels.set(channel.id, channel);
    this.counter = copy.counter;
    this.timezones.clear();
    for (const [user, zone] of copy.timezones) this.timezones.set(user, zone);
    this.emails.clear();
    for (const [email, user] of copy.emails) this.emails.set(email, user);
    this.calls.splice(0, this.calls.length, ...copy.calls);
    this.responses.splice(0, this.responses.length, ...copy.responses);
    this.deactivated.clear();
  }

  /** `user`'s account is deactivated: every DM to them gets Slack's `user_disabled`, until restore(). */
  deactivate(user: string): void {
    this.deactivated.add(user);
  }

  private queue(method: string): Script[] {
    let q = this.scripts.get(method);
    if (!q) {
      q = [];
      this.scripts.set(method, q);
    }
    return q;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = parseBody(raw, req.headers["content-type"] ?? "");
      const url = new URL(req.url ?? "/", this.baseUrl);
      if (url.pathname.startsWith("/response/")) {
        this.responses.push({ path: url.pathname, body });
        return send(res, 200, { ok: true });
      }
      const method = url.pathname.replace(/^\/api\//, "");
      const auth = req.headers.authorization;
      const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (body.token as string | undefined);
      delete body.token;
      this.calls.push({ method, args: body, token, at: performance.timeOrigin + performance.now() });

      if (method === "chat.postMessage" && this.deactivated.has(String(body.channel))) {
        return send(res, 200, { ok: false, error: "user_disabled" });
      }
      const q = this.scripts.get(method);
      const next = q?.[0];
      if (next) {
        if (--next.times <= 0) q!.shift();
        if (next.gate) {
          void (next.gate as Gate & { enter(): Promise<void> }).enter().then(() => send(res, 200, this.answer(method, body)));
          return;
        }
        if (next.retryAfter !== undefined) {
          res.setHeader("Retry-After", String(next.retryAfter));
          return send(res, 429, { ok: false, error: "ratelimited" });
        }
        const reply = typeof next.reply === "function" ? next.reply(body) : next.reply;
        return send(res, 200, { ok: true, ...reply });
      }
      return send(res, 200, this.answer(method, body));
    });
  }

  /** Plausible default answers for the methods the app uses. */
  private answer(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://test.slack.com/",
          team: "Test",
          team_id: "T0TEST",
          user: "communities",
          user_id: "UBOT",
          bot_id: "BBOT",
        };
      case "conversations.create": {
        const name = String(args.name ?? "");
        if ([...this.channels.values()].some((c) => c.name === name)) return { ok: false, error: "name_taken" };
        const id = this.addChannel(name);
        return { ok: true, channel: { id, name, is_channel: true, is_private: false } };
      }
      case "conversations.info": {
        const channel = this.channels.get(String(args.channel));
        if (!channel) return { ok: false, error: "channel_not_found" };
        return {
          ok: true,
          channel: {
            id: channel.id,
            name: channel.name,
            is_channel: true,
            is_private: false,
            is_general: channel.general,
            is_archived: channel.archived,
            is_read_only: channel.readOnly,
            topic: { value: channel.topic },
            purpose: { value: channel.purpose },
          },
        };
      }
      case "conversations.join": {
        const channel = this.channels.get(String(args.channel));
        if (!channel) return { ok: false, error: "channel_not_found" };
        if (channel.archived) return { ok: false, error: "is_archived" };
        return { ok: true, channel: { id: channel.id, name: channel.name } };
      }
      case "conversations.invite": {
        const channel = this.channels.get(String(args.channel));
        if (!channel) return { ok: false, error: "channel_not_found" };
        const users = String(args.users ?? "").split(",");
        if (users.every((u) => channel.members.has(u))) return { ok: false, error: "already_in_channel" };
        for (const u of users) channel.members.add(u);
        return { ok: true, channel: { id: channel.id } };
      }
      case "conversations.setTopic":
      case "conversations.setPurpose": {
        const channel = this.channels.get(String(args.channel));
        if (!channel) return { ok: false, error: "channel_not_found" };
        if (method.endsWith("Topic")) channel.topic = String(args.topic);
        else channel.purpose = String(args.purpose);
        return { ok: true };
      }
      case "chat.postMessage":
        // Unique per message, as Slack's are: messages posted in the same millisecond must not share one.
        return {
          ok: true,
          channel: args.channel,
          ts: `${Math.floor(Date.now() / 1000)}.${String(++this.counter).padStart(6, "0")}`,
          message: { text: args.text },
        };
      case "chat.getPermalink":
        // The shape Slack gives: the workspace's address, the channel, and the ts without its dot.
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://test.slack.com/archives/${args.channel}/p${String(args.message_ts ?? "").replace(".", "")}`,
        };
      case "views.open":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: `V${++this.counter}` } };
      case "users.lookupByEmail": {
        const id = this.emails.get(String(args.email ?? "").toLowerCase());
        return id
          ? { ok: true, user: { id, name: id.toLowerCase(), deleted: false, is_bot: false } }
          : { ok: false, error: "users_not_found" };
      }
      case "users.info": {
        // The profile's address is the one users.lookupByEmail finds them by, if a test gave one.
        const email = [...this.emails].find(([, id]) => id === args.user)?.[0];
        return {
          ok: true,
          user: {
            id: args.user,
            tz: this.timezones.get(String(args.user)) ?? "Europe/London",
            real_name: `User ${args.user}`,
            profile: { real_name: `User ${args.user}`, ...(email ? { email } : {}) },
          },
        };
      }
      default:
        return { ok: true };
    }
  }
}

/** A copy that shares nothing with the original (what calls and responses hold came from JSON). */
function copyOf(snapshot: FakeSlackSnapshot): FakeSlackSnapshot {
  return {
    channels: snapshot.channels.map((channel) => ({ ...channel, members: new Set(channel.members) })),
    counter: snapshot.counter,
    timezones: snapshot.timezones.map(([user, zone]) => [user, zone]),
    emails: snapshot.emails.map(([email, user]) => [email, user]),
    calls: JSON.parse(JSON.stringify(snapshot.calls)),
    responses: JSON.parse(JSON.stringify(snapshot.responses)),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Form or JSON bodies; Block Kit fields arrive as JSON strings and are decoded. */
function parseBody(raw: string, contentType: string): Record<string, any> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
