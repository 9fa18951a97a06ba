// The web forms' rate limit, by client address.
import type { IncomingMessage } from "node:http";
import { ManualClock } from "../../src/domain/common/clock";
import { clientAddress } from "../../src/web/kit/clientAddress";
import { RateLimiter } from "../../src/web/kit/rateLimit";

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} } as unknown as IncomingMessage;
}

describe("the form rate limit", () => {
  it("lets a burst of the limit through, then refuses with how long to wait, then lets one more through as time passes", () => {
    const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));
    const limiter = new RateLimiter(6, clock);
    for (let i = 0; i < 6; i++) expect(limiter.take("1.2.3.4").allowed).toBe(true);
    expect(limiter.take("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take("5.6.7.8").allowed).toBe(true);
    clock.advance(10_000);
    expect(limiter.take("1.2.3.4").allowed).toBe(true);
    expect(limiter.take("1.2.3.4").allowed).toBe(false);
  });
});

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("10.0.0.9", "6.6.6.6"), 0)).toBe("10.0.0.9");
    expect(clientAddress(request("::ffff:10.0.0.9"), 0)).toBe("10.0.0.9");
  });

  it("is the entry the furthest trusted proxy added, not what the client wrote before it", () => {
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("groups IPv6 addresses by their /64", () => {
    expect(clientAddress(request("2001:db8:1:2:aaaa::1"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(request("2001:0db8:0001:0002:bbbb:1:2:3"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(request("::1"), 0)).toBe("0:0:0:0::/64");
  });
});
