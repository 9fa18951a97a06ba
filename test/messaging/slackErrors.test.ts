// The one table of Slack error codes, as the dispatcher, the organisers' alert
// and the invitation form read it. Errors are shaped as @slack/web-api throws them.
import {
  classifySlackFailure,
  lookupFailureReason,
  refusalReason,
  slackErrorCode,
  unreachablePersonReason,
} from "../../src/messaging/slackErrors";

const platform = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { code: "slack_webapi_platform_error", data: { ok: false, error } });

describe("Slack error codes", () => {
  it.each(["channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive", "user_disabled", "cannot_dm_bot"])(
    "%s is permanent, with a reason to give",
    (code) => {
      expect(classifySlackFailure(platform(code))).toEqual({ type: "permanent", code });
      expect(refusalReason(code)).toEqual(expect.any(String));
    },
  );

  it("anything else Slack says may mend itself, and is retried", () => {
    expect(classifySlackFailure(platform("internal_error"))).toEqual({ type: "transient", code: "internal_error" });
    expect(refusalReason("internal_error")).toBeUndefined();
    expect(classifySlackFailure(Object.assign(new Error("502"), { code: "slack_webapi_http_error", statusCode: 502 }))).toEqual({
      type: "transient",
      code: "http_502",
    });
    expect(classifySlackFailure(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toEqual({
      type: "transient",
      code: "ECONNRESET",
    });
  });

  it("a rate limit waits as long as Slack asks", () => {
    expect(
      classifySlackFailure(Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter: 7 })),
    ).toEqual({ type: "rate_limited", retryAfterMs: 7000, code: "ratelimited" });
  });

  it("only a person's codes mean that person cannot get a DM", () => {
    expect(unreachablePersonReason("cannot_dm_bot")).toBe("that account is a bot");
    expect(unreachablePersonReason("account_inactive")).toMatch(/deactivated/);
    expect(unreachablePersonReason("channel_not_found")).toBeUndefined();
    expect(unreachablePersonReason(undefined)).toBeUndefined();
  });

  it("reads the code of a Web API failure, and tells an inviter why a look-up failed", () => {
    expect(slackErrorCode(platform("name_taken"))).toBe("name_taken");
    expect(slackErrorCode(new Error("no data"))).toBeUndefined();
    expect(lookupFailureReason("missing_scope")).toMatch(/reinstall/);
    expect(lookupFailureReason("fatal_error")).toBe("Slack refused the look-up, with the code fatal_error. Try again later");
    expect(lookupFailureReason(undefined)).toBe("Slack refused the look-up. Try again later");
  });
});
