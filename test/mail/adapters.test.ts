// The three mail adapters against real receivers: an SMTP server in this process
// (mailparser reads what arrived, ical.js its calendar part), the fake Notify
// (which checks the JWT as Notify does), and .eml files on disk.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import pino from "pino";
import { calendarFile } from "../../src/domain/meetings/calendarFile";
import { MailSendError, type OutgoingEmail } from "../../src/domain/ports/mail";
import { FileMail } from "../../src/mail/fileMail";
import { NotifyMail } from "../../src/mail/notifyMail";
import { SmtpMail } from "../../src/mail/smtpMail";
import { API_KEY, FakeNotify, KEY_SECRET, SERVICE_ID, TEMPLATE_ID } from "../support/fakeNotify";
import { SmtpSink, TEST_TLS } from "../support/smtpSink";

const FROM = "Service Communities <communities@example.gov.uk>";
const UNSUBSCRIBE = "https://communities.test/email/abc/unsubscribe";

function meetingInvitation(method: "REQUEST" | "CANCEL", sequence: number): string {
  const ics = calendarFile(
    {
      uid: "meeting-1@service-communities",
      sequence,
      title: "Starting a business: show and tell",
      startsAt: new Date("2026-03-10T14:00:00Z"),
      durationMinutes: 60,
      description: "Agenda: the journey map",
      cancelled: method === "CANCEL",
      organiserName: "Starting a business community",
      organiserEmail: "communities@example.gov.uk",
    },
    new Date("2026-03-02T10:00:00Z"),
  );
  // The coordinator's meeting emails name each email member as an ATTENDEE.
  return ics.replace(
    "END:VEVENT",
    "ATTENDEE;CN=Sam Jones;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:sam@example.org\r\nEND:VEVENT",
  );
}

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to: "sam@example.org",
    subject: "Meeting: show and tell on 10 March",
    text: "You are invited to the show and tell.\n\nAnswer: https://communities.test/m/1",
    html: "<p>You are invited to the <strong>show and tell</strong>.</p>",
    replyTo: "organiser@example.gov.uk",
    headers: { "List-Unsubscribe": `<${UNSUBSCRIBE}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    reference: "row-0001",
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MailSendError);
    return (error as MailSendError).failure;
  }
  throw new Error("expected the send to fail");
}

describe("SMTP", () => {
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = await new SmtpSink().start();
  });
  afterEach(async () => {
    await sink.stop();
  });

  it("delivers the headers, both parts and a calendar invitation that Outlook reads", async () => {
    const mail = new SmtpMail({ url: sink.url(), from: FROM, tls: "opportunistic" });
    const receipt = await mail.send(email({ calendar: { method: "REQUEST", ics: meetingInvitation("REQUEST", 0) } }));
    await mail.close();
    const [received] = sink.received;
    const parsed = received.parsed!;
    expect(received.envelope.to).toEqual(["sam@example.org"]);
    expect(parsed.from?.text).toBe('"Service Communities" <communities@example.gov.uk>');
    expect(parsed.replyTo?.text).toBe("organiser@example.gov.uk");
    expect(parsed.messageId).toBe("<row-0001@example.gov.uk>");
    expect(receipt.id).toBe("<row-0001@example.gov.uk>");
    expect(parsed.headerLines).toEqual(
      expect.arrayContaining([
        { key: "list-unsubscribe", line: `List-Unsubscribe: <${UNSUBSCRIBE}>` },
        { key: "list-unsubscribe-post", line: "List-Unsubscribe-Post: List-Unsubscribe=One-Click" },
      ]),
    );
    expect(parsed.text).toContain("You are invited to the show and tell.");
    expect(parsed.html).toContain("<strong>show and tell</strong>");

    // A text/calendar alternative with method=REQUEST (what makes it an invitation), and an .ics attachment.
    const raw = received.raw.toString("utf8");
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const attachment = parsed.attachments.find((a) => a.filename === "invite.ics");
    expect(attachment).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString("utf8")));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("uid")).toBe("meeting-1@service-communities");
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(String(event.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:communities@example.gov.uk");
    const attendee = event.getFirstProperty("attendee")!;
    expect(attendee.getFirstValue()).toBe("mailto:sam@example.org");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
  });

  it("sends a cancellation with METHOD:CANCEL and a higher SEQUENCE", async () => {
    const mail = new SmtpMail({ url: sink.url(), from: FROM, tls: "opportunistic" });
    await mail.send(email({ reference: "row-0002", calendar: { method: "CANCEL", ics: meetingInvitation("CANCEL", 2) } }));
    await mail.close();
    const ics = sink.received[0].parsed!.attachments.find((a) => a.filename === "invite.ics")!.content.toString("utf8");
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("sequence")).toBe(2);
    expect(sink.received[0].raw.toString("utf8")).toMatch(/method=CANCEL/i);
  });

  it("says a recipient refused with 550 is an address that refuses mail", async () => {
    sink.refuseRecipient("gone@example.org", "5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
    const mail = new SmtpMail({ url: sink.url(), from: FROM, tls: "opportunistic" });
    const failed = await failure(mail.send(email({ to: "gone@example.org" })));
    await mail.close();
    expect(failed.type).toBe("permanent_address");
    expect(failed.reason).toMatch(/User unknown/);
  });

  it("says a server that refuses connections is worth trying again", async () => {
    await sink.refuse();
    const mail = new SmtpMail({ url: sink.url(), from: FROM, tls: "opportunistic" });
    const failed = await failure(mail.send(email()));
    await mail.close();
    expect(failed).toMatchObject({ type: "transient" });
    expect(failed.reason).toMatch(/ECONNREFUSED/);
  });
});

describe("SMTP with TLS", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-mail-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("logs in over smtps:// and trusts a private certificate authority", async () => {
    const sink = await new SmtpSink({ secure: true, users: { bot: "s3cret" } }).start();
    try {
      const mail = new SmtpMail({
        url: sink.url("bot:s3cret").replace("127.0.0.1", "localhost"),
        from: FROM,
        tls: "required",
        ca: TEST_TLS.cert,
      });
      await mail.send(email());
      await mail.close();
      expect(sink.received).toHaveLength(1);
    } finally {
      await sink.stop();
    }
  });

  it("upgrades smtp:// with STARTTLS, and refuses to send in the clear when TLS is required", async () => {
    const withTls = await new SmtpSink({ tls: true, users: { bot: "s3cret" } }).start();
    const clear = await new SmtpSink().start();
    try {
      const mail = new SmtpMail({
        url: withTls.url("bot:s3cret").replace("127.0.0.1", "localhost"),
        from: FROM,
        tls: "required",
        ca: TEST_TLS.cert,
      });
      await mail.send(email());
      await mail.close();
      expect(withTls.received).toHaveLength(1);

      const plain = new SmtpMail({ url: clear.url(), from: FROM, tls: "required" });
      const failed = await failure(plain.send(email()));
      await plain.close();
      expect(failed.type).toBe("transient");
      expect(failed.reason).toMatch(/no encrypted connection/);
      expect(clear.received).toHaveLength(0);
    } finally {
      await withTls.stop();
      await clear.stop();
    }
  });

  it("tells a wrong password from an unreachable server", async () => {
    const sink = await new SmtpSink({ secure: true, users: { bot: "s3cret" } }).start();
    try {
      const mail = new SmtpMail({
        url: sink.url("bot:wrong").replace("127.0.0.1", "localhost"),
        from: FROM,
        tls: "required",
        ca: TEST_TLS.cert,
      });
      const failed = await failure(mail.send(email()));
      await mail.close();
      expect(failed.type).toBe("transient");
      expect(failed.reason).toMatch(/user name or password in SMTP_URL/);
    } finally {
      await sink.stop();
    }
  });
});

describe("GOV.UK Notify", () => {
  let notify: FakeNotify;
  let mail: NotifyMail;
  beforeEach(async () => {
    notify = await new FakeNotify().start();
    mail = new NotifyMail({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.baseUrl });
  });
  afterEach(async () => {
    await notify.stop();
  });

  it("fills the generic template with the subject and body, passes the reference and the one-click unsubscribe address", async () => {
    const receipt = await mail.send(email({ calendar: { method: "REQUEST", ics: meetingInvitation("REQUEST", 0) } }));
    expect(notify.emails).toHaveLength(1);
    const [sent] = notify.emails;
    expect(receipt.id).toBe(sent.id);
    expect(sent).toMatchObject({
      template_id: TEMPLATE_ID,
      email_address: "sam@example.org",
      reference: "row-0001",
      one_click_unsubscribe_url: UNSUBSCRIBE,
      personalisation: { subject: "Meeting: show and tell on 10 March", body: email().text },
    });
    expect(mail.carriesCalendar).toBe(false);
    // Notify's own markdown, when the email has it, is the body Notify gets.
    await mail.send(email({ reference: "row-0003", notifyMarkdown: "# Show and tell\n\n^ Answer by Friday" }));
    expect(notify.emails[1].personalisation.body).toBe("# Show and tell\n\n^ Answer by Friday");
    expect(await mail.alreadySent("row-0001")).toBe(true);
    expect(await mail.alreadySent("row-0002")).toBe(false);
  });

  it("is refused by Notify with another service's key or secret", async () => {
    const otherSecret = new NotifyMail({
      apiKey: `${API_KEY.slice(0, -36)}${KEY_SECRET.replace(/^3/, "4")}`,
      templateId: TEMPLATE_ID,
      baseUrl: notify.baseUrl,
    });
    const otherService = new NotifyMail({
      apiKey: API_KEY.replace(SERVICE_ID, SERVICE_ID.replace(/^2/, "3")),
      templateId: TEMPLATE_ID,
      baseUrl: notify.baseUrl,
    });
    for (const client of [otherSecret, otherService]) {
      const failed = await failure(client.send(email()));
      expect(failed.type).toBe("transient");
      expect(failed.reason).toMatch(/403.*AuthError/);
    }
    expect(notify.emails).toHaveLength(0);
  });

  it("sorts Notify's 429, 500 and 400 answers", async () => {
    notify.failNext(1, 429, [
      { error: "RateLimitError", message: "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds" },
    ]);
    expect(await failure(mail.send(email()))).toMatchObject({ type: "rate_limited", retryAfterMs: 60_000 });
    notify.failNext(1, 429, [{ error: "RateLimitError", message: "Exceeded rate limit" }], 7);
    expect(await failure(mail.send(email()))).toMatchObject({ type: "rate_limited", retryAfterMs: 7000 });
    notify.failNext(1, 429, [{ error: "TooManyRequestsError", message: "Exceeded send limits (250000) for today" }]);
    expect(await failure(mail.send(email()))).toMatchObject({ type: "rate_limited", retryAfterMs: 3_600_000 });
    notify.failNext(1, 500, [{ error: "Exception", message: "Internal server error" }]);
    expect(await failure(mail.send(email()))).toMatchObject({ type: "transient" });
    expect(await failure(mail.send(email({ to: "not-an-address" })))).toMatchObject({ type: "permanent_address" });
    notify.failNext(1, 400, [{ error: "BadRequestError", message: "Can't send to this recipient using a team-only API key" }]);
    const teamOnly = await failure(mail.send(email()));
    expect(teamOnly.type).toBe("permanent");
    expect(teamOnly.reason).toMatch(/team-only API key/);
    expect(notify.emails).toHaveLength(0);
  });

  it("says Notify could not be reached when nothing answers", async () => {
    await notify.stop();
    expect(await failure(mail.send(email()))).toMatchObject({ type: "transient", reason: expect.stringMatching(/ECONNREFUSED/) });
    notify = await new FakeNotify().start();
  });
});

describe("files (the embedded default)", () => {
  it("writes a readable .eml file per email and logs its subject and recipient, not its body", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-mail-"));
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    try {
      const mail = new FileMail({ dir: path.join(dir, "mail"), from: FROM, logger });
      expect(await mail.alreadySent("row-0001")).toBe(false);
      const receipt = await mail.send(email({ calendar: { method: "REQUEST", ics: meetingInvitation("REQUEST", 1) } }));
      expect(receipt.id).toBe(path.join(dir, "mail", "row-0001.eml"));
      const text = fs.readFileSync(receipt.id, "utf8");
      // Readable as it stands: the headers and the text part in plain sight.
      expect(text).toMatch(/^Subject: Meeting: show and tell on 10 March$/m);
      expect(text).toMatch(/^To: sam@example.org$/m);
      expect(text).toContain("You are invited to the show and tell.");
      const parsed = await simpleParser(text);
      expect(parsed.messageId).toBe("<row-0001@example.gov.uk>");
      expect(parsed.attachments.map((a) => a.filename)).toContain("invite.ics");
      expect(await mail.alreadySent("row-0001")).toBe(true);
      expect(fs.readdirSync(path.join(dir, "mail"))).toEqual(["row-0001.eml"]);

      const logged = lines.map((l) => JSON.parse(l));
      expect(logged).toEqual([
        expect.objectContaining({ to: "sam@example.org", subject: "Meeting: show and tell on 10 March", file: receipt.id }),
      ]);
      expect(lines.join("")).not.toContain("You are invited");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
