// A real HTTP proxy on a random local port, as a department's would be: it
// forwards plain-HTTP proxy requests (absolute URLs, for http:// destinations)
// and opens CONNECT tunnels (https://, and WebSocket upgrades), moving the bytes
// both ways. It records what went through it so a test can check the route.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";

export interface ProxiedRequest {
  method: string;
  /** The absolute URL the client asked the proxy for. */
  url: string;
  proxyAuthorization?: string;
}

export interface Tunnel {
  /** host:port of the CONNECT request. */
  target: string;
  proxyAuthorization?: string;
}

export class TestProxy {
  readonly requests: ProxiedRequest[] = [];
  readonly tunnels: Tunnel[] = [];
  private readonly sockets = new Set<net.Socket>();
  private server?: http.Server;
  url = "";

  async start(): Promise<void> {
    const server = http.createServer((req, res) => this.forward(req, res));
    server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => this.tunnel(req, client, head));
    server.on("connection", (socket: net.Socket) => this.track(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Proxy URL with credentials, as an operator might write HTTPS_PROXY. */
  urlWithCredentials(user: string, password: string): string {
    const url = new URL(this.url);
    url.username = user;
    url.password = password;
    return url.href;
  }

  get total(): number {
    return this.requests.length + this.tunnels.length;
  }

  reset(): void {
    this.requests.length = 0;
    this.tunnels.length = 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const target = new URL(req.url ?? "");
    this.requests.push({ method: req.method ?? "GET", url: target.href, proxyAuthorization: req.headers["proxy-authorization"] });
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = http.request(
      { host: target.hostname, port: target.port || 80, method: req.method, path: `${target.pathname}${target.search}`, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  private tunnel(req: http.IncomingMessage, client: net.Socket, head: Buffer): void {
    const target = req.url ?? "";
    this.tunnels.push({ target, proxyAuthorization: req.headers["proxy-authorization"] });
    const [host, port] = [target.slice(0, target.lastIndexOf(":")), Number(target.slice(target.lastIndexOf(":") + 1))];
    const upstream = net.connect(port, host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.track(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  }
}
