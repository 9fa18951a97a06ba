// A real SMTP server in the test process (smtp-server), which receives what the
// bot sends and parses it with mailparser, as a recipient's mail program would.
// It can refuse connections for a while (nothing listens: ECONNREFUSED), refuse a
// recipient with a 5xx, and hold its answer to DATA: an email counts as received
// only once the server has said 250, as in real SMTP, so a client killed while
// its email is held has delivered nothing.
import fs from "node:fs";
import type { Socket } from "node:net";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  /** Absent when the sink was started with parse: false (the benchmark). */
  parsed?: ParsedMail;
  messageId: string;
}

export const TEST_TLS = {
  key: fs.readFileSync(path.join(__dirname, "../fixtures/tls/key.pem"), "utf8"),
  cert: fs.readFileSync(path.join(__dirname, "../fixtures/tls/cert.pem"), "utf8"),
};

interface SinkOptions {
  /** smtps: TLS from the first byte; otherwise STARTTLS is offered when tls is true. */
  secure?: boolean;
  tls?: boolean;
  /** Users and passwords it accepts; none: no AUTH. */
  users?: Record<string, string>;
  /** Parse each message with mailparser (default true; off for the benchmark). */
  parse?: boolean;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Errors the server reported (connections reset by a killed client). */
  readonly errors: Error[] = [];
  port = 0;
  private server!: SMTPServer;
  private readonly sockets = new Set<Socket>();
  /** Each open connection by the client's port, to tell whether a session's client is still there. */
  private readonly byPort = new Map<number, Socket>();
  private readonly refused = new Map<string, string>();
  private holding = false;
  /** Once this many have been received, DATA is held (as hold()). */
  holdAfter?: number;
  private readonly held: Array<() => void> = [];
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private readonly closed = new WeakSet<SMTPServerSession>();

  constructor(private readonly options: SinkOptions = {}) {}

  async start(port = 0): Promise<this> {
    const { secure = false, tls = false, users } = this.options;
    this.server = new SMTPServer({
      secure,
      ...(secure || tls ? TEST_TLS : { disabledCommands: ["STARTTLS"] }),
      ...(users
        ? { authMethods: ["PLAIN", "LOGIN"] }
        : { authOptional: true, disabledCommands: tls || secure ? [] : ["STARTTLS", "AUTH"] }),
      allowInsecureAuth: false,
      logger: false,
      size: 10 * 1024 * 1024,
      onAuth: (auth, _session, callback) => {
        if (users && users[auth.username ?? ""] === auth.password) callback(null, { user: auth.username });
        else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        const why = this.refused.get(address.address.toLowerCase());
        if (why) callback(Object.assign(new Error(why), { responseCode: 550 }));
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const accept = () => {
            // The client went away before the answer: nothing was delivered.
            const socket = this.byPort.get(session.remotePort);
            if (this.closed.has(session) || !socket || socket.destroyed) return;
            void this.record(session, Buffer.concat(chunks)).then(
              () => callback(),
              (error) => callback(error as Error),
            );
          };
          if (this.holding || (this.holdAfter !== undefined && this.received.length >= this.holdAfter)) this.held.push(accept);
          else accept();
        });
      },
      onClose: (session) => {
        this.closed.add(session);
      },
    });
    // A client killed mid-session resets its sockets: that is the test's doing, not a failure of the sink.
    this.server.on("error", (error) => this.errors.push(error));
    this.server.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      const port = socket.remotePort ?? 0;
      this.byPort.set(port, socket);
      socket.on("close", () => {
        this.sockets.delete(socket);
        if (this.byPort.get(port) === socket) this.byPort.delete(port);
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  private async record(session: SMTPServerSession, raw: Buffer): Promise<void> {
    const parsed = this.options.parse === false ? undefined : await simpleParser(raw);
    const messageId = parsed?.messageId ?? raw.toString("latin1").match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? "";
    const envelope = {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
      to: session.envelope.rcptTo.map((r) => r.address),
    };
    this.received.push({ envelope, raw, parsed, messageId });
    for (const waiter of [...this.waiters]) {
      if (this.received.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  url(credentials = ""): string {
    return `${this.options.secure ? "smtps" : "smtp"}://${credentials ? `${credentials}@` : ""}127.0.0.1:${this.port}`;
  }

  /** Every RCPT TO for this address gets 550 with this text, until takeRecipient. */
  refuseRecipient(address: string, why = "5.1.1 <address> User unknown"): void {
    this.refused.set(address.toLowerCase(), why);
  }

  /** The address takes mail again (its mailbox was fixed). */
  takeRecipient(address: string): void {
    this.refused.delete(address.toLowerCase());
  }

  /** Resolves once `count` emails have been received in all. */
  waitFor(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** DATA waits for release(): the client's send stays in flight. */
  hold(): void {
    this.holding = true;
  }

  /** How many answers to DATA are being held. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Connections open now (a killed client's close once its socket does). */
  get openConnections(): number {
    return this.sockets.size;
  }

  release(): void {
    this.holding = false;
    this.holdAfter = undefined;
    for (const accept of this.held.splice(0)) accept();
  }

  /** Stops listening and drops every connection: clients get ECONNREFUSED until accept(). */
  async refuse(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  /** Listens again on the same port. */
  async accept(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once("error", reject);
      this.server.server.listen(this.port, "127.0.0.1", () => resolve());
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
