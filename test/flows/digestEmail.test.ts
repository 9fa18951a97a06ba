// The digest by email, end to end in the real app: the weekly digest falls due,
// is posted in the channel, and becomes DMs for those who get it in Slack and
// emails for those who get it by email (a member by email, and Slack members who
// chose email), received by a real SMTP server in this process and parsed with
// mailparser as a mail program would, and by the fake GOV.UK Notify with its 429
// and 500 answers and a permanent-failure receipt. Unsubscribing with the
// email's own one-click address stops the next week's.
import type { ParsedMail } from "mailparser";
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { CALLBACK, PROBLEM_BLOCK } from "../../src/views/ids";
import { FakeNotify } from "../support/fakeNotify";
import { type Harness, startHarness } from "../support/harness";
import { CALLBACK_TOKEN, type ThroughNotify, throughNotify } from "../support/notifyHarness";
import { input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { SmtpSink } from "../support/smtpSink";

const FROM = "Service Communities <communities@example.gov.uk>";
const LIST = "starting-a-business@lists.example.gov.uk";
const ALICE = "U0ALICE"; // organiser, digest only in the channel
const BOB = "U0BOB"; // Slack, digest by email only
const CAROL = "U0CAROL"; // Slack, digest by DM and by email
const SAM = "sam@hmrc.gov.uk"; // a member by email

let h: Harness;
let communityId: string;
let channel: string;

/** The community (made the day before the first digest's period), its members and their choices; then a problem, so the digest has news. */
async function setUp(harness: Harness): Promise<void> {
  h = harness;
  h.clock.set(new Date("2026-03-01T10:00:00Z"));
  const community = await seedCommunity(h, ALICE, { problems: null, contactMethods: ["slack_channel", "mailing_list"], mailingList: LIST });
  communityId = community.id;
  channel = community.slackChannelId!;
  h.clock.set(new Date("2026-03-02T10:00:00Z"));
  for (const user of [BOB, CAROL]) await seedMember(h, user, communityId);
  const record = await h.app.services.communities.byId(communityId);
  await h.app.services.memberships.join(
    record,
    emailPersonId(SAM),
    { organisation: "hmrc", organisationOther: null, profession: "policy", professionOther: null },
    { contact: { email: SAM, displayName: "Sam Patel" } },
  );
  const choose = (user: string, digests: string) =>
    h.app.services.messageChoices.choose(
      record,
      user,
      { meetings: "slack", reminders: "slack", digests },
      `${user.toLowerCase()}@dwp.gov.uk`,
    );
  await choose(BOB, "email");
  await choose(CAROL, "both");
  const reply = await h.interact(
    viewSubmission({
      user: BOB,
      callbackId: CALLBACK.logProblem,
      privateMetadata: JSON.stringify({ communityId }),
      values: {
        [PROBLEM_BLOCK.title]: input.text("People register twice <for tax>"),
        [PROBLEM_BLOCK.description]: input.text(null),
        [PROBLEM_BLOCK.affects]: input.multiExternal([]),
        [PROBLEM_BLOCK.stage]: input.text(null),
        [PROBLEM_BLOCK.link]: input.text(null),
      },
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
  h.slack.reset();
}

/** Monday 09:00 London time: the digest falls due; ticks until what it became has gone too. */
async function digestDay(iso = "2026-03-09T09:00:00Z"): Promise<void> {
  await h.app.tick(); // plans it
  h.clock.set(new Date(iso));
  for (let i = 0; i < 4; i++) await h.app.tick();
}

const posts = (to: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === to && /digest/i.test(c.args.text ?? ""));
const header = (mail: ParsedMail, key: string) => mail.headerLines.find((l) => l.key === key)?.line.replace(/^[^:]+:\s*/, "");

/** Carol logs a problem through the form: something new for the digest to tell. */
async function carolLogsAProblem(): Promise<void> {
  const reply = await h.interact(
    viewSubmission({
      user: CAROL,
      callbackId: CALLBACK.logProblem,
      privateMetadata: JSON.stringify({ communityId }),
      values: {
        [PROBLEM_BLOCK.title]: input.text("Licences are hard to find"),
        [PROBLEM_BLOCK.description]: input.text(null),
        [PROBLEM_BLOCK.affects]: input.multiExternal([]),
        [PROBLEM_BLOCK.stage]: input.text(null),
        [PROBLEM_BLOCK.link]: input.text(null),
      },
    }),
  );
  expect(reply.status).toBe(200);
}

describe("the digest by email, through a real SMTP server", () => {
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await new SmtpSink().start();
    await setUp(await startHarness({}, { mail: new SmtpMail({ url: sink.url(), from: FROM, tls: "opportunistic" }) }));
  });
  afterEach(async () => {
    await h.close();
    await sink.stop();
  });

  const to = (address: string) => sink.received.filter((m) => m.envelope.to.includes(address));

  it("emails those who chose email, DMs those who chose Slack, and keeps the channel's post", async () => {
    await digestDay();
    expect(posts(channel)).toHaveLength(1);
    // Carol chose both, Bob email only, Alice neither: one DM.
    expect(posts(CAROL)).toHaveLength(1);
    expect(posts(BOB)).toHaveLength(0);
    expect(posts(ALICE)).toHaveLength(0);
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual([SAM, "u0bob@dwp.gov.uk", "u0carol@dwp.gov.uk"]);

    const [received] = to(SAM);
    const mail = received!.parsed!;
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { channel: "email", target: emailPersonId(SAM) } });
    expect(mail.from?.text).toBe(`"Service Communities" <communities@example.gov.uk>`);
    expect(mail.replyTo?.text).toBe(LIST);
    expect(mail.messageId).toBe(`<${row.id}@example.gov.uk>`);
    expect(mail.subject).toBe("Starting a business digest: 1 new problem, 0 upcoming meetings");
    const unsubscribe = /^<(https:\/\/communities\.test\/email\/[^>]+\/unsubscribe)>$/.exec(header(mail, "list-unsubscribe") ?? "")?.[1];
    expect(unsubscribe).toBeDefined();
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // Both parts, with the same sections, the community's page and the visible unsubscribe link.
    expect(mail.text).toContain("New problems\n------------\n\n* People register twice <for tax>");
    expect(mail.text).toMatch(/See everything on the Starting a business page:\nhttps:\/\/communities\.test\/c\//);
    expect(mail.text).toContain(`Unsubscribe: ${unsubscribe}`);
    expect(mail.html).toContain(">New problems</h2>");
    expect(mail.html).toContain("People register twice &lt;for tax&gt;");
    expect(mail.html).toContain(`href="${unsubscribe}"`);
    // Each member's links are their own.
    const bobs = to("u0bob@dwp.gov.uk")[0]!.parsed!;
    expect(header(bobs, "list-unsubscribe")).not.toBe(header(mail, "list-unsubscribe"));
    // The address never becomes a key or a target.
    expect(row.dedupeKey).toMatch(new RegExp(`^email:digest:${communityId}:2026-03-09T09:00:${emailPersonId(SAM)}$`));
  });

  it("honours an unsubscribe: a one-click POST to the email's own address, and the next week's digest is not emailed", async () => {
    await digestDay();
    for (const address of [SAM, "u0bob@dwp.gov.uk"]) {
      const url = /<([^>]+)>/.exec(header(to(address)[0]!.parsed!, "list-unsubscribe")!)![1]!;
      const response = await fetch(`${h.url}${new URL(url).pathname}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(response.status).toBe(200);
    }
    await carolLogsAProblem();
    sink.received.length = 0;
    h.slack.reset();
    await digestDay("2026-03-16T09:00:00Z");
    expect(posts(channel)).toHaveLength(1);
    expect(sink.received.map((m) => m.envelope.to[0])).toEqual(["u0carol@dwp.gov.uk"]);
    expect(sink.received[0].parsed!.text).toContain("* Licences are hard to find");
    // Bob unsubscribed from email: his meetings and reminders are in Slack as ever; the digest only in the channel.
    expect(posts(BOB)).toHaveLength(0);
  });
});

describe("the digest by email, through GOV.UK Notify", () => {
  let notify: FakeNotify;
  let via: ThroughNotify;

  beforeEach(async () => {
    notify = await new FakeNotify().start();
    via = throughNotify(notify);
    await setUp(await startHarness(via.settings, via.parts));
  });
  afterEach(async () => {
    await h.close();
    await notify.stop();
  });

  it("sends each member's digest once through a 429 and a 500, with the one-click address, and a permanent failure stops the next", async () => {
    notify.failNext(
      1,
      429,
      [{ error: "RateLimitError", message: "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds" }],
      30,
    );
    notify.failNext(1, 500, [{ error: "Exception", message: "Internal server error" }]);
    await digestDay();
    expect(posts(channel)).toHaveLength(1);
    // The 429 paused everyone (no attempt counted), the 500 backed one off: time passes, and all go.
    for (let i = 0; i < 4 && notify.emails.length < 3; i++) {
      via.advancePacer(60_000);
      h.clock.advance(60_000);
      await h.app.tick();
    }
    expect(notify.emails.map((e) => e.email_address).sort()).toEqual([SAM, "u0bob@dwp.gov.uk", "u0carol@dwp.gov.uk"]);
    // Five requests for three emails: the 429 and the 500 were answered, and each email went once.
    expect(notify.requests.filter((r) => r.method === "POST" && r.path === "/v2/notifications/email")).toHaveLength(5);
    const rows = await h.db.outboxMessage.findMany({ where: { channel: "email" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    // Attempts count the send that worked: the 500 cost one more, the 429 none.
    expect(rows.map((r) => r.attempts).sort()).toEqual([1, 1, 2]);
    expect(notify.emails.map((e) => e.reference).sort()).toEqual(rows.map((r) => r.id).sort());
    const sams = notify.emails.find((e) => e.email_address === SAM)!;
    expect(sams.personalisation.subject).toBe("Starting a business digest: 1 new problem, 0 upcoming meetings");
    expect(sams.personalisation.body).toContain("# New problems");
    expect(sams.one_click_unsubscribe_url).toMatch(/^https:\/\/communities\.test\/email\/.+\/unsubscribe$/);

    // Sam's mailbox does not exist: Notify says so, and the organisers hear once.
    const url = `${h.url}/notify/delivery-receipts`;
    expect((await notify.deliveryReceipt(url, CALLBACK_TOKEN, sams, "permanent-failure")).status).toBe(200);
    h.slack.reset();
    await h.app.tick();
    expect(
      h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === ALICE && /sam@hmrc\.gov\.uk/.test(c.args.text)),
    ).toHaveLength(1);

    await carolLogsAProblem();
    notify.emails.length = 0;
    await digestDay("2026-03-16T09:00:00Z");
    via.advancePacer(60_000);
    await h.app.tick();
    expect(notify.emails.map((e) => e.email_address).sort()).toEqual(["u0bob@dwp.gov.uk", "u0carol@dwp.gov.uk"]);
    expect(notify.emails.every((e) => e.personalisation.body?.includes("Licences are hard to find"))).toBe(true);
  });
});
