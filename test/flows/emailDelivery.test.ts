// Email through the outbox, in the real app: services.mail.plan writes rows, the
// scheduler's tick runs the email dispatcher beside Slack's, and what arrives is
// read at a real SMTP server in this process or at the fake Notify. Failures:
// a server refusing connections (retried with back-off), an address refused with
// 550 (failed, the address blocked, organisers told once), Notify's 429 (everyone
// waits, no attempt counted) and 500, and Notify's delivery receipts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PlannedEmail } from "../../src/domain/mail/mail";
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { FakeNotify, TEMPLATE_ID } from "../support/fakeNotify";
import { type Harness, startHarness } from "../support/harness";
import { CALLBACK_TOKEN, type ThroughNotify, throughNotify } from "../support/notifyHarness";
import { seedCommunity } from "../support/seed";
import { SmtpSink } from "../support/smtpSink";

const FROM = "Service Communities <communities@example.gov.uk>";
const ORGANISER = "U0ALICE";

function planned(communityId: string, to: string, key: string, extra: Partial<PlannedEmail> = {}): PlannedEmail {
  return {
    communityId,
    to: { address: to },
    purpose: "notice",
    subject: `Hello ${key}`,
    text: `Plain text for ${key}`,
    html: `<p>HTML for ${key}</p>`,
    headers: {
      "List-Unsubscribe": "<https://communities.test/email/t/unsubscribe>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    dedupeKey: key,
    ...extra,
  };
}

async function emailRows(h: Harness) {
  return h.db.outboxMessage.findMany({ where: { channel: "email" }, orderBy: { dedupeKey: "asc" } });
}

/** A member by email, as accepting an invitation on the web makes one. */
async function memberByEmail(h: Harness, communityId: string, address: string) {
  const community = await h.app.services.communities.byId(communityId);
  await h.app.services.memberships.join(
    community,
    emailPersonId(address),
    { organisation: "hmrc", organisationOther: null, profession: "policy", professionOther: null },
    { contact: { email: address, displayName: "Sam Jones" } },
  );
}

describe("email through the outbox, by SMTP", () => {
  let sink: SmtpSink;
  let h: Harness;
  let communityId: string;

  beforeEach(async () => {
    sink = await new SmtpSink().start();
    h = await startHarness(
      {},
      { mail: new SmtpMail({ url: sink.url(), from: FROM, tls: "opportunistic" }), emailDispatcher: { backoffMs: 60_000 } },
    );
    communityId = (await seedCommunity(h, ORGANISER)).id;
  });
  afterEach(async () => {
    await h.close();
    await sink.stop();
  });

  it("sends each planned email once, however often it is planned, with the row's id as its Message-ID", async () => {
    const emails = [planned(communityId, "Sam@Example.org", "a"), planned(communityId, "kim@example.org", "b")];
    expect(await h.app.services.mail.plan(emails)).toBe(2);
    expect(await h.app.services.mail.plan(emails)).toBe(0);
    const report = await h.app.tick();
    expect(report.email).toMatchObject({ claimed: 2, sent: 2 });
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual(["kim@example.org", "sam@example.org"]);
    const rows = await emailRows(h);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    // The target is the address's person id: the address is in the payload only.
    expect(rows[0]).toMatchObject({ dedupeKey: "email:a", target: emailPersonId("sam@example.org"), kind: "email" });
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => `<${r.id}@example.gov.uk>`).sort());
    expect((await h.app.tick()).email).toMatchObject({ claimed: 0 });
    expect(sink.received).toHaveLength(2);
  });

  it("retries while the server refuses connections, with back-off, and delivers once it is back", async () => {
    await h.app.services.mail.plan([planned(communityId, "sam@example.org", "a")]);
    await sink.refuse();
    expect((await h.app.tick()).email).toMatchObject({ retried: 1, sent: 0 });
    let [row] = await emailRows(h);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/could not be reached.*ECONNREFUSED/);
    expect(row.availableAt.getTime() - h.clock.now().getTime()).toBe(60_000);
    await sink.accept();
    expect((await h.app.tick()).email).toMatchObject({ claimed: 0 });
    h.clock.advance(60_000);
    expect((await h.app.tick()).email).toMatchObject({ sent: 1 });
    [row] = await emailRows(h);
    expect(row.status).toBe("sent");
    expect(sink.received).toHaveLength(1);
  });

  it("fails an email the server refuses for its recipient, stops emailing the address and tells the organisers once", async () => {
    await memberByEmail(h, communityId, "gone@example.org");
    sink.refuseRecipient("gone@example.org");
    await h.app.services.mail.plan([planned(communityId, "gone@example.org", "a"), planned(communityId, "gone@example.org", "b")]);
    expect((await h.app.tick()).email).toMatchObject({ failed: 1, skipped: 1 });
    const rows = await emailRows(h);
    expect(rows[0]).toMatchObject({ status: "failed", lastError: expect.stringMatching(/refused the address.*User unknown/) });
    // The second was for the same address: skipped once the address was known to refuse mail.
    expect(rows[1]).toMatchObject({ status: "skipped", lastError: expect.stringMatching(/^the address refuses mail/) });
    expect(await h.app.services.mail.refusal("gone@example.org")).toMatchObject({ source: "smtp" });
    const member = await h.db.membership.findFirstOrThrow({ where: { email: "gone@example.org" } });
    expect(member.emailFailedAt).not.toBeNull();
    expect(member.emailFailure).toMatch(/User unknown/);

    h.slack.reset();
    await h.app.tick();
    const alerts = h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === ORGANISER);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].args.text).toMatch(
      /Emails from \*.+\* to gone@example\.org cannot be delivered: .*User unknown.*will not email that address again/,
    );

    // Planned again later: skipped, and no second alert.
    await h.app.services.mail.plan([planned(communityId, "gone@example.org", "c")]);
    h.slack.reset();
    expect((await h.app.tick()).email).toMatchObject({ skipped: 1 });
    await h.app.tick();
    expect(h.slack.calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
  });

  it("skips an email whose member turned that kind off after it was planned", async () => {
    await memberByEmail(h, communityId, "sam@example.org");
    await h.app.services.mail.plan([
      planned(communityId, "sam@example.org", "digest", { consent: "digests", purpose: "digest" }),
      planned(communityId, "sam@example.org", "reminder", { consent: "reminders", purpose: "reminder" }),
    ]);
    await h.app.services.memberships.setEmailChoices(communityId, emailPersonId("sam@example.org"), {
      emailMeetings: true,
      emailReminders: true,
      emailDigests: false,
    });
    expect((await h.app.tick()).email).toMatchObject({ sent: 1, skipped: 1 });
    expect(sink.received.map((m) => m.parsed?.subject)).toEqual(["Hello reminder"]);
    expect((await emailRows(h)).find((r) => r.dedupeKey === "email:digest")?.lastError).toBe("they turned digests emails off");
  });

  it("plans to a member by their person id, with the address on their membership", async () => {
    await memberByEmail(h, communityId, "sam@example.org");
    await h.app.services.mail.plan([{ ...planned(communityId, "", "p"), to: { personId: emailPersonId("sam@example.org") } }]);
    await h.app.tick();
    expect(sink.received.map((m) => m.envelope.to)).toEqual([["sam@example.org"]]);
    await expect(h.app.services.mail.plan([{ ...planned(communityId, "", "q"), to: { personId: "U0NOBODY" } }])).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("email through the outbox, by GOV.UK Notify", () => {
  let notify: FakeNotify;
  let h: Harness;
  let via: ThroughNotify;
  let communityId: string;

  beforeEach(async () => {
    notify = await new FakeNotify().start();
    via = throughNotify(notify);
    h = await startHarness(via.settings, via.parts);
    communityId = (await seedCommunity(h, ORGANISER)).id;
  });
  afterEach(async () => {
    await h.close();
    await notify.stop();
  });

  it("passes the row's id as Notify's reference, and waits out a 429 without counting an attempt", async () => {
    expect(h.app.services.mail.carriesCalendar).toBe(false);
    await h.app.services.mail.plan(["a", "b", "c"].map((k) => planned(communityId, `${k}@example.org`, k)));
    notify.failNext(
      1,
      429,
      [{ error: "RateLimitError", message: "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds" }],
      30,
    );
    const first = await h.app.tick();
    // The 429 stops every send, not just that recipient's: one request, all three rows wait.
    expect(first.email).toMatchObject({ sent: 0, retried: 1 });
    expect(notify.requests.filter((r) => r.path === "/v2/notifications/email")).toHaveLength(1);
    const waiting = await emailRows(h);
    expect(waiting.map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
      ["pending", 0],
    ]);
    // The one tried says why; the others were not even claimed while the pause lasts.
    expect(waiting.map((r) => r.lastError)).toEqual(expect.arrayContaining(["rate limited: retry after 30 s", null]));
    // Still paused: nothing is claimed.
    h.clock.advance(30_000);
    expect((await h.app.tick()).email).toMatchObject({ claimed: 0 });
    via.advancePacer(30_000);
    expect((await h.app.tick()).email).toMatchObject({ sent: 3 });
    const rows = await emailRows(h);
    expect(notify.emails.map((e) => e.reference).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(notify.emails.map((e) => e.personalisation.subject).sort()).toEqual(["Hello a", "Hello b", "Hello c"]);
  });

  it("retries after Notify's 500 with back-off", async () => {
    await h.app.services.mail.plan([planned(communityId, "sam@example.org", "a")]);
    notify.failNext(1, 500, [{ error: "Exception", message: "Internal server error" }]);
    expect((await h.app.tick()).email).toMatchObject({ retried: 1 });
    expect((await emailRows(h))[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/500/) });
    h.clock.advance(60_000);
    expect((await h.app.tick()).email).toMatchObject({ sent: 1 });
    expect(notify.emails).toHaveLength(1);
  });

  it("recognises by its reference an email Notify already has, when the process that sent it died before marking it", async () => {
    await h.app.services.mail.plan([planned(communityId, "sam@example.org", "a")]);
    const [row] = await emailRows(h);
    // As a process that claimed it, sent it, and died leaves it: claimed, its lease run out.
    await h.db.outboxMessage.update({
      where: { id: row.id },
      data: { claimedBy: "dead-replica", claimExpiresAt: new Date(h.clock.now().getTime() - 1000) },
    });
    notify.remember({ template_id: TEMPLATE_ID, email_address: "sam@example.org", personalisation: {}, reference: row.id });
    expect((await h.app.tick()).email).toMatchObject({ sent: 1 });
    expect(notify.emails).toHaveLength(1);
    expect(notify.requests.filter((r) => r.method === "POST")).toHaveLength(0);
    expect((await emailRows(h))[0].status).toBe("sent");
  });

  it("takes delivery receipts: a permanent failure blocks the address and tells the organisers once; a technical failure sends again", async () => {
    await memberByEmail(h, communityId, "sam@example.org");
    await h.app.services.mail.plan([planned(communityId, "sam@example.org", "a"), planned(communityId, "kim@example.org", "b")]);
    await h.app.tick();
    const [toSam, toKim] = [...notify.emails].sort((x, y) => x.email_address.localeCompare(y.email_address)).reverse();
    const url = `${h.url}/notify/delivery-receipts`;

    expect((await notify.deliveryReceipt(url, "wrong-token", toSam, "permanent-failure")).status).toBe(401);
    expect(await h.app.services.mail.refusal("sam@example.org")).toBeNull();

    expect((await notify.deliveryReceipt(url, CALLBACK_TOKEN, toSam, "permanent-failure")).status).toBe(200);
    expect((await notify.deliveryReceipt(url, CALLBACK_TOKEN, toSam, "permanent-failure")).status).toBe(200);
    expect(await h.app.services.mail.refusal("sam@example.org")).toMatchObject({ source: "notify-receipt" });
    expect((await h.db.membership.findFirstOrThrow({ where: { email: "sam@example.org" } })).emailFailedAt).not.toBeNull();
    h.slack.reset();
    await h.app.tick();
    const alerts = h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === ORGANISER);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].args.text).toMatch(/to sam@example\.org cannot be delivered: GOV\.UK Notify says the address does not exist/);

    // Later emails to the address are skipped.
    await h.app.services.mail.plan([planned(communityId, "sam@example.org", "c")]);
    expect((await h.app.tick()).email).toMatchObject({ skipped: 1 });

    // Notify lost Kim's (technical-failure): it goes again after a while.
    expect((await notify.deliveryReceipt(url, CALLBACK_TOKEN, toKim, "technical-failure")).status).toBe(200);
    h.clock.advance(5 * 60_000);
    expect((await h.app.tick()).email).toMatchObject({ sent: 1 });
    expect(notify.emails.filter((e) => e.email_address === "kim@example.org")).toHaveLength(2);
    // delivered and temporary-failure change nothing; a body that is not a receipt is refused.
    expect((await notify.deliveryReceipt(url, CALLBACK_TOKEN, toKim, "delivered")).status).toBe(200);
    const bad = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${CALLBACK_TOKEN}` }, body: "not json" });
    expect(bad.status).toBe(400);
  });
});

describe("email as files (the default)", () => {
  it("writes each email under the mail folder", async () => {
    const h = await startHarness();
    try {
      const communityId = (await seedCommunity(h, ORGANISER)).id;
      await h.app.services.mail.plan([planned(communityId, "sam@example.org", "a")]);
      expect((await h.app.tick()).email).toMatchObject({ sent: 1 });
      const [row] = await emailRows(h);
      const file = path.join(os.tmpdir(), `sc-test-mail-${process.pid}`, `${row.id}.eml`);
      expect(fs.readFileSync(file, "utf8")).toMatch(/^Subject: Hello a$/m);
    } finally {
      await h.close();
    }
  });
});
