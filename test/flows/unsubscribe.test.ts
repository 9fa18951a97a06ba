// One-click unsubscribe (RFC 8058) from a real email: a bulk email planned with
// the shared helper arrives at a real SMTP server with List-Unsubscribe and
// List-Unsubscribe-Post; a mail client's POST to that address unsubscribes with
// no page and no form token; a GET (a person, or a mail scanner, opening the
// visible link) shows a page and changes nothing; a tampered or expired token
// gets a 4xx and changes nothing.
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { memberEmailToSend, memberFooter } from "../../src/views/email/bulk";
import { type Harness, startHarness } from "../support/harness";
import { seedCommunity } from "../support/seed";
import { SmtpSink } from "../support/smtpSink";

const SAM = "sam@example.org";

describe("unsubscribing from a bulk email", () => {
  let sink: SmtpSink;
  let h: Harness;
  let communityId: string;

  beforeEach(async () => {
    sink = await new SmtpSink().start();
    h = await startHarness(
      {},
      { mail: new SmtpMail({ url: sink.url(), from: "Service Communities <communities@example.gov.uk>", tls: "opportunistic" }) },
    );
    communityId = (await seedCommunity(h, "U0ALICE")).id;
    const community = await h.app.services.communities.byId(communityId);
    await h.app.services.memberships.join(
      community,
      emailPersonId(SAM),
      { organisation: "hmrc", organisationOther: null, profession: "policy", professionOther: null },
      { contact: { email: SAM, displayName: "Sam Jones" } },
    );
  });
  afterEach(async () => {
    await h.close();
    await sink.stop();
  });

  /** The address as the harness serves it: PUBLIC_URL is https://communities.test. */
  const local = (url: string) => `${h.url}${new URL(url).pathname}`;
  const post = (url: string, body: string) =>
    fetch(local(url), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
  const choices = () =>
    h.db.membership.findFirstOrThrow({
      where: { communityId, email: SAM },
      select: { emailMeetings: true, emailReminders: true, emailDigests: true },
    });

  async function sendOne(): Promise<string> {
    const community = await h.app.services.communities.byId(communityId);
    const links = h.app.services.pageLinks.memberEmailLinks(emailPersonId(SAM), communityId, h.clock.now());
    await h.app.services.mail.plan([
      memberEmailToSend({
        community,
        to: { personId: emailPersonId(SAM) },
        doc: {
          subject: "What is new",
          parts: [{ kind: "paragraph", text: "Three new problems." }, memberFooter(community, links, "you get the digest of")],
        },
        links,
        purpose: "digest",
        consent: "digests",
        dedupeKey: `test:${sink.received.length}`,
      }),
    ]);
    await h.app.tick();
    const mail = sink.received.at(-1)!.parsed!;
    const header = mail.headerLines.find((l) => l.key === "list-unsubscribe")!.line;
    expect(mail.headerLines.find((l) => l.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const url = /<(https:\/\/[^>]+)>/.exec(header)![1]!;
    // The visible link is the same address.
    expect(mail.text).toContain(`Unsubscribe: ${url}`);
    return url;
  }

  it("takes a mail client's one-click POST with no form token, and a GET changes nothing", async () => {
    const url = await sendOne();
    const page = await fetch(local(url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Unsubscribe from");
    expect(await choices()).toEqual({ emailMeetings: true, emailReminders: true, emailDigests: true });

    const oneClick = await post(url, "List-Unsubscribe=One-Click");
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toBe("");
    expect(await choices()).toEqual({ emailMeetings: false, emailReminders: false, emailDigests: false });
    // Posted twice (a mail client retrying): still fine.
    expect((await post(url, "List-Unsubscribe=One-Click")).status).toBe(200);
    // Each unsubscribe is audited, by the member, with no address in it.
    const audit = await h.db.auditEvent.findMany({ where: { action: "member.unsubscribed" } });
    expect(audit.map((a) => a.actorId)).toEqual([emailPersonId(SAM), emailPersonId(SAM)]);
  });

  it("refuses a tampered or expired link with a 4xx and changes nothing", async () => {
    const url = await sendOne();
    const token = new URL(url).pathname.split("/")[2]!;
    const [payload, mac] = token.split(".");
    const tampered = url.replace(token, `${payload}.${mac!.slice(0, -2)}${mac!.endsWith("AA") ? "BB" : "AA"}`);
    for (const bad of [tampered, url.replace(token, "not-a-token"), url.replace(token, `${payload}x.${mac}`)]) {
      const response = await post(bad, "List-Unsubscribe=One-Click");
      expect([bad, response.status]).toEqual([bad, 404]);
      expect((await fetch(local(bad))).status).toBe(404);
    }
    expect(await choices()).toEqual({ emailMeetings: true, emailReminders: true, emailDigests: true });

    h.clock.advance(366 * 24 * 60 * 60 * 1000);
    expect((await post(url, "List-Unsubscribe=One-Click")).status).toBe(410);
    expect(await choices()).toEqual({ emailMeetings: true, emailReminders: true, emailDigests: true });
  });
});
