import { emailPersonId, isEmailPerson, normaliseEmail } from "../../src/domain/members/people";
import { personLink, userLink } from "../../src/views/mrkdwn";

describe("people known by email", () => {
  it("gives one id an address however it is typed, and never shows the address in it", () => {
    const id = emailPersonId("  Alice.Smith@HMRC.gov.uk ");
    expect(id).toBe(emailPersonId("alice.smith@hmrc.gov.uk"));
    expect(id).toMatch(/^mail:[0-9a-f]{24}$/);
    expect(id).not.toContain("alice");
    expect(emailPersonId("bob@dwp.gov.uk")).not.toBe(id);
    expect(normaliseEmail(" A@B.gov.uk ")).toBe("a@b.gov.uk");
  });

  it("tells a member by email from a Slack member", () => {
    expect(isEmailPerson(emailPersonId("a@b.gov.uk"))).toBe(true);
    expect(isEmailPerson("U0ALICE")).toBe(false);
  });

  it("names a member by email by the name they gave, marked by email, and a Slack member by a mention", () => {
    const byEmail = { slackUserId: emailPersonId("a@b.gov.uk"), displayName: "Ana <script>" };
    expect(String(personLink(byEmail))).toBe("Ana &lt;script&gt; (by email)");
    expect(String(personLink({ slackUserId: byEmail.slackUserId }))).toBe("someone by email");
    expect(String(userLink(byEmail.slackUserId))).toBe("someone by email");
    expect(String(personLink({ slackUserId: "U0ALICE", displayName: null }))).toBe("<@U0ALICE>");
  });
});
