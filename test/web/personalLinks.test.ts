// Personal links: signed, bound to one purpose, person and thing, and expiring.
import { CalendarLinks } from "../../src/web/calendarLinks";
import { PersonalLinkMaker } from "../../src/web/personalLinkMaker";
import { PERSONAL_LINK_PATHS, PersonalLinks, readRoundAnswerTarget, roundAnswerTarget } from "../../src/web/personalLinks";

const NOW = new Date("2026-03-02T10:00:00Z");
const LATER = new Date("2026-03-09T10:00:00Z");
const links = new PersonalLinks("https://communities.test/", "a-secret");
const made = { purpose: "answer-meeting" as const, person: "U0ALICE", target: "meeting-1", expiresAt: LATER };

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

/** The token with its fields changed and its signature kept. */
function withFields(token: string, change: (fields: unknown[]) => unknown[]): string {
  const [payload, signature] = token.split(".");
  const fields = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as unknown[];
  return `${Buffer.from(JSON.stringify(change(fields))).toString("base64url")}.${signature}`;
}

describe("personal links", () => {
  it("open the page of their purpose, and give back who they are for, what about, until when, and their id", () => {
    const url = links.url({ ...made, id: "link-1" });
    expect(url.startsWith(`https://communities.test${PERSONAL_LINK_PATHS["answer-meeting"]}/`)).toBe(true);
    expect(links.check("answer-meeting", tokenOf(url), NOW)).toEqual({ status: "ok", link: { ...made, id: "link-1" } });
  });

  it("each get an id of their own, so a page can tell a link used before", () => {
    const a = links.check("answer-meeting", links.token(made), NOW);
    const b = links.check("answer-meeting", links.token(made), NOW);
    expect(a.status === "ok" && b.status === "ok" && a.link.id !== b.link.id).toBe(true);
  });

  it("are useless for another purpose, even with the same person and thing", () => {
    const token = links.token(made);
    expect(links.check("vote-problem", token, NOW)).toEqual({ status: "invalid" });
    expect(links.check("accept-invitation", token, NOW)).toEqual({ status: "invalid" });
  });

  it("expire: the last second still works, then the page can say whose link it was", () => {
    const token = links.token(made);
    expect(links.check("answer-meeting", token, new Date(LATER.getTime() - 1000)).status).toBe("ok");
    expect(links.check("answer-meeting", token, LATER)).toEqual({ status: "expired", link: expect.objectContaining(made) });
  });

  it("refuse any change to their purpose, person, thing or expiry, or to their signature", () => {
    const token = links.token(made);
    const changes: Array<(f: unknown[]) => unknown[]> = [
      (f) => [f[0], "vote-problem", ...f.slice(2)],
      (f) => [f[0], f[1], "U0MALLORY", ...f.slice(3)],
      (f) => [f[0], f[1], f[2], "meeting-2", ...f.slice(4)],
      (f) => [...f.slice(0, 4), (f[4] as number) + 86_400, f[5]],
      (f) => [...f.slice(0, 5), "another-id"],
    ];
    for (const change of changes) expect(links.check("answer-meeting", withFields(token, change), NOW)).toEqual({ status: "invalid" });
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(links.check("answer-meeting", flipped, NOW)).toEqual({ status: "invalid" });
  });

  it("refuse what is not a token at all, unread", () => {
    for (const junk of ["", ".", "abc", "abc.", ".abc", "x".repeat(5000), "e30.e30", "%%%.%%%"]) {
      expect(links.check("answer-meeting", junk, NOW)).toEqual({ status: "invalid" });
    }
  });

  it("signed under another secret, or under the calendar links' key, are refused", () => {
    const other = new PersonalLinks("https://communities.test", "another-secret");
    expect(links.check("answer-meeting", other.token(made), NOW)).toEqual({ status: "invalid" });
    // A calendar link's signature is an HMAC of the same kind under the same secret, but another key.
    const calendar = new CalendarLinks("https://communities.test", "a-secret");
    const calendarSignature = new URL(calendar.url("meeting-1")).searchParams.get("sig")!;
    const [payload] = links.token(made).split(".");
    expect(links.check("answer-meeting", `${payload}.${calendarSignature}`, NOW)).toEqual({ status: "invalid" });
  });

  it("take only ids for their person and thing", () => {
    expect(() => links.token({ ...made, person: "" })).toThrow();
    expect(() => links.token({ ...made, target: "x".repeat(201) })).toThrow();
  });

  it("for the round name the meeting and the organisation asked about, and stop when the meeting starts", () => {
    const url = new PersonalLinkMaker(links).roundAnswer("mail:dana", { id: "cmeeting1", startsAt: LATER }, "other:hm land registry");
    expect(url.startsWith("https://communities.test/round/")).toBe(true);
    const opened = links.check("round-answer", tokenOf(url), NOW);
    expect(opened).toMatchObject({ status: "ok", link: { person: "mail:dana", expiresAt: LATER } });
    expect(readRoundAnswerTarget(opened.status === "ok" ? opened.link.target : "")).toEqual({
      meetingId: "cmeeting1",
      organisation: "other:hm land registry",
    });
    expect(links.check("round-answer", tokenOf(url), LATER).status).toBe("expired");
    expect(links.check("answer-meeting", tokenOf(url), NOW)).toEqual({ status: "invalid" });
    expect(roundAnswerTarget("m1", "dbt")).toBe("m1:dbt");
    for (const target of ["", "m1", ":dbt", "m1:"]) expect(readRoundAnswerTarget(target)).toBeNull();
  });
});
