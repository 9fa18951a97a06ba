// The shared helper for bulk email to members (src/views/email/bulk.ts): the
// visible unsubscribe link and the List-Unsubscribe headers come from the same
// personal link, Reply-To is the community's mailing list, and an email without
// the footer is refused rather than sent without a way out.
import type { CommunityRecord } from "../../src/domain/ports";
import { communityReplyTo, memberEmailToSend, memberFooter, unsubscribeHeaders } from "../../src/views/email/bulk";
import { PersonalLinkMaker } from "../../src/web/personalLinkMaker";
import { PersonalLinks } from "../../src/web/personalLinks";

const community = {
  id: "c1",
  name: "Starting a business",
  contactMethods: [
    { kind: "trello", link: "https://trello.com/b/x" },
    { kind: "mailing_list", link: "mailto:starting-a-business@lists.example.gov.uk" },
  ],
} as Pick<CommunityRecord, "id" | "name" | "contactMethods">;

const NOW = new Date("2026-03-02T10:00:00Z");
const personalLinks = new PersonalLinks("https://communities.test/", "secret");
const links = new PersonalLinkMaker(personalLinks).memberEmailLinks("U0SAM", "c1", NOW);

describe("bulk email to a member", () => {
  it("makes one link for the settings page and its one-click unsubscribe, good for the member and the community", () => {
    expect(links.unsubscribeUrl).toBe(`${links.settingsUrl}/unsubscribe`);
    const token = new URL(links.settingsUrl).pathname.split("/")[2]!;
    const check = personalLinks.check("email-settings", token, NOW);
    expect(check).toMatchObject({ status: "ok", link: { person: "U0SAM", target: "c1", purpose: "email-settings" } });
  });

  it("has the List-Unsubscribe and one-click headers of RFC 8058, with the visible link's address", () => {
    expect(unsubscribeHeaders(links)).toEqual({
      "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    const email = memberEmailToSend({
      community,
      to: { address: "sam@example.org" },
      doc: { subject: "Hello", parts: [{ kind: "paragraph", text: "Hi" }, memberFooter(community, links, "you get the digest of")] },
      links,
      purpose: "digest",
      consent: "digests",
      dedupeKey: "digest:x:U0SAM",
    });
    expect(email).toMatchObject({
      communityId: "c1",
      to: { address: "sam@example.org" },
      purpose: "digest",
      consent: "digests",
      subject: "Hello",
      headers: unsubscribeHeaders(links),
      replyTo: "starting-a-business@lists.example.gov.uk",
      dedupeKey: "digest:x:U0SAM",
    });
    expect(email.text).toContain(`Unsubscribe: ${links.unsubscribeUrl}`);
    expect(email.html).toContain(`href="${links.unsubscribeUrl}"`);
    expect(email.notifyMarkdown).toContain(links.unsubscribeUrl);
  });

  it("refuses a bulk email with no visible unsubscribe link", () => {
    expect(() =>
      memberEmailToSend({
        community,
        to: { personId: "U0SAM" },
        doc: { subject: "Hello", parts: [{ kind: "paragraph", text: "Hi" }] },
        links,
        purpose: "digest",
        consent: "digests",
        dedupeKey: "k",
      }),
    ).toThrow(/memberFooter/);
  });

  it("replies to the community's mailing list only when the charter gives its address", () => {
    expect(communityReplyTo({ contactMethods: [] })).toBeUndefined();
    expect(communityReplyTo({ contactMethods: [{ kind: "mailing_list", link: "https://lists.example.gov.uk/join" }] })).toBeUndefined();
    expect(communityReplyTo({ contactMethods: [{ kind: "mailing_list", link: "mailto:List@Example.gov.uk" }] })).toBe(
      "List@Example.gov.uk",
    );
  });
});
