// Form tokens: bound to what the page says (a cookie, or a personal link), signed, and expiring.
import { CsrfTokens } from "../../src/web/kit/csrf";

const NOW = new Date("2026-03-02T10:00:00Z");
const tokens = new CsrfTokens("a-secret");

describe("form tokens", () => {
  it("are good for the binding they were issued for", () => {
    expect(tokens.check("cookie-value-1", tokens.issue("cookie-value-1", NOW), NOW)).toBe("ok");
  });

  it("are refused for another binding: another person's cookie or another link", () => {
    expect(tokens.check("cookie-value-2", tokens.issue("cookie-value-1", NOW), NOW)).toBe("invalid");
    expect(tokens.check("", tokens.issue("cookie-value-1", NOW), NOW)).toBe("invalid");
  });

  it("are refused when missing, changed or made under another secret", () => {
    const token = tokens.issue("b", NOW);
    expect(tokens.check("b", null, NOW)).toBe("missing");
    expect(tokens.check("b", "", NOW)).toBe("missing");
    expect(tokens.check("b", `${token}x`, NOW)).toBe("invalid");
    expect(tokens.check("b", `${(Number.parseInt(token.split(".")[0]!, 36) + 1).toString(36)}.${token.split(".")[1]}`, NOW)).toBe(
      "invalid",
    );
    expect(tokens.check("b", `${token}.more`, NOW)).toBe("invalid");
    expect(tokens.check("b", new CsrfTokens("another-secret").issue("b", NOW), NOW)).toBe("invalid");
  });

  it("expire after two hours", () => {
    const token = tokens.issue("b", NOW);
    expect(tokens.check("b", token, new Date(NOW.getTime() + 2 * 3_600_000))).toBe("ok");
    expect(tokens.check("b", token, new Date(NOW.getTime() + 2 * 3_600_000 + 1000))).toBe("expired");
  });

  it("issued in the future (beyond a minute of clock skew) are not ours", () => {
    const future = tokens.issue("b", new Date(NOW.getTime() + 5 * 60_000));
    expect(tokens.check("b", future, NOW)).toBe("invalid");
    expect(tokens.check("b", tokens.issue("b", new Date(NOW.getTime() + 30_000)), NOW)).toBe("ok");
  });
});
