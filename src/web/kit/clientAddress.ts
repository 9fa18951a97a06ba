// Which client a request comes from, for rate limits. Behind proxies the socket's
// address is the nearest proxy's, so the client is read from X-Forwarded-For, but
// only as far as the proxies we were told to trust add to it: each appends the
// address it saw, so with N trusted proxies the client is the Nth entry from the
// right. Anything further left was written by the client and could be anything.
import type { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";

export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  let address = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies > 0) {
    const header = req.headers["x-forwarded-for"];
    const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const entry = hops[hops.length - trustedProxies];
    if (entry) address = entry;
  }
  return bucketOf(address);
}

/**
 * IPv4 as it is; IPv6 by its /64, since one household or server is usually given
 * a whole /64 and could otherwise take a new address for every request.
 */
function bucketOf(address: string): string {
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (!isIPv6(plain)) return plain;
  const [head = "", tail = ""] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = plain.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
