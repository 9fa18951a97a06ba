// Addresses that refuse mail, as organisers see and lift them: a real SMTP
// server refuses a member's address; the organisers' alert and /community
// members (for organisers only) offer "Check email addresses", whose list shows
// the address, since when and why; "Email them again" lifts the refusal once the
// member has fixed it (audited), and email goes to the address again. A member
// is refused the list and the lift. A new bounce after a lift tells the
// organisers again.
import { emailPersonId } from "../../src/domain/members/people";
import { SmtpMail } from "../../src/mail/smtpMail";
import { memberEmailToSend, memberFooter } from "../../src/views/email/bulk";
import { ACTION, CALLBACK } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";
import { blockAction } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { sentProblems } from "../support/sentProblems";
import { SmtpSink } from "../support/smtpSink";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member
const SAM = "sam@hmrc.gov.uk"; // a member by email, whose mailbox is broken for a while

let sink: SmtpSink;
let h: Harness;
let communityId: string;
let channel: string;

beforeEach(async () => {
  sink = await new SmtpSink().start();
  h = await startHarness(
    {},
    { mail: new SmtpMail({ url: sink.url(), from: "Service Communities <communities@example.gov.uk>", tls: "opportunistic" }) },
  );
  const community = await seedCommunity(h, ALICE);
  communityId = community.id;
  channel = community.slackChannelId!;
  await seedMember(h, BOB, communityId);
  await h.app.services.memberships.join(
    await h.app.services.communities.byId(communityId),
    emailPersonId(SAM),
    { organisation: "hmrc", organisationOther: null, profession: "policy", professionOther: null },
    { contact: { email: SAM, displayName: "Sam Patel" } },
  );
  h.slack.reset();
});

afterEach(async () => {
  // What the bot said in Slack, held to the house style and Slack's limits.
  expect(sentProblems(h.slack)).toEqual([]);
  await h.close();
  await sink.stop();
});

let sent = 0;
/** A bulk email to Sam, through the outbox, and the ticks that send it and the alert it may cause. */
async function emailSam(): Promise<void> {
  const community = await h.app.services.communities.byId(communityId);
  const links = h.app.services.pageLinks.memberEmailLinks(emailPersonId(SAM), communityId, h.clock.now());
  await h.app.services.mail.plan([
    memberEmailToSend({
      community,
      to: { personId: emailPersonId(SAM) },
      doc: {
        subject: `News ${++sent}`,
        parts: [{ kind: "paragraph", text: "Hello." }, memberFooter(community, links, "you get the digest of")],
      },
      links,
      purpose: "digest",
      consent: "digests",
      dedupeKey: `test:${sent}`,
    }),
  ]);
  await h.app.tick();
  await h.app.tick();
}

const alertsTo = (user: string) =>
  h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user && /cannot be delivered/.test(c.args.text ?? ""));
const opened = () => h.slack.calls.filter((c) => c.method === "views.open" || c.method === "views.update");
const clickIn = (user: string, actionId: string, value: string, viewId?: string) =>
  h.interact({
    ...blockAction({ user, actionId, value, responseUrl: h.slack.responseUrl() }),
    ...(viewId
      ? {
          container: { type: "view", view_id: viewId },
          view: { id: viewId, type: "modal", callback_id: "", private_metadata: "", hash: "h", state: { values: {} } },
        }
      : {}),
  });

it("shows organisers the refused address, and lifts it once the member has fixed it", async () => {
  sink.refuseRecipient(SAM);
  await emailSam();
  expect(sink.received).toHaveLength(0);
  // The organisers' alert carries the button to the list.
  const [alert] = alertsTo(ALICE);
  expect(alert!.args.blocks[0].accessory).toMatchObject({ action_id: ACTION.emailRefusals, value: communityId });
  expect(alert!.args.text).toMatch(/will not email that address again until an organiser says it is fixed/);

  // /community members: organisers see how many, a member sees nothing of it.
  // The reply comes in the command's own answer (or by response_url when slow).
  const members = async (user: string) => {
    h.slack.reset();
    const reply = await h.command("members", { user, channel });
    return JSON.stringify(reply.json ?? h.slack.responses.at(-1));
  };
  expect(await members(ALICE)).toContain("Check email addresses (1)");
  expect(await members(BOB)).not.toContain("Check email addresses");

  // The list: the member, the address, since when and why; only for organisers.
  h.slack.reset();
  await clickIn(BOB, ACTION.emailRefusals, communityId);
  expect(opened()).toHaveLength(0);
  expect(JSON.stringify(h.slack.calls)).toMatch(/Only the organisers of .* can see the addresses that cannot take email/);
  await clickIn(ALICE, ACTION.emailRefusals, communityId);
  const list = opened()[0]!.args.view;
  const text = JSON.stringify(list.blocks);
  expect(text).toContain("Sam Patel (by email)");
  expect(text).toContain(SAM);
  expect(text).toMatch(/Since Monday 2 March 2026: .*User unknown/);
  const again = list.blocks.find((b: any) => b.accessory?.action_id === ACTION.liftEmailRefusal).accessory;
  expect(again.confirm.text.text).toContain(`Only do this once ${SAM} has been fixed`);

  // A member cannot lift it, even with the button's value.
  h.slack.reset();
  await clickIn(BOB, ACTION.liftEmailRefusal, again.value, "V0LIST");
  expect(await h.app.services.mail.refusal(SAM)).not.toBeNull();
  const told = () => JSON.stringify([h.slack.calls.map((c) => c.args), h.slack.responses.map((r) => r.body)]);
  expect(h.slack.callsTo("views.update")).toHaveLength(0);
  // A forged or mangled value: told the button has expired, nothing lifted, nothing logged as a fault.
  h.slack.reset();
  await clickIn(ALICE, ACTION.liftEmailRefusal, "{not json", "V0LIST");
  await clickIn(ALICE, ACTION.liftEmailRefusal, JSON.stringify({ c: communityId }), "V0LIST");
  expect(told().match(/That button has expired\. Type `\/community members` to see the members again\./g)).toHaveLength(2);
  expect(await h.app.services.mail.refusal(SAM)).not.toBeNull();

  // Sam has fixed it: Alice lifts it, the list is redrawn in place, and it is audited (the member, not the address).
  sink.takeRecipient(SAM);
  await clickIn(ALICE, ACTION.liftEmailRefusal, again.value, "V0LIST");
  const redrawn = h.slack.calls.find((c) => c.method === "views.update")!;
  expect(redrawn.args.view_id).toBe("V0LIST");
  expect(JSON.stringify(redrawn.args.view.blocks)).toContain("Sam Patel (by email) will be emailed again");
  expect(JSON.stringify(redrawn.args.view.blocks)).toContain("Every member's email address takes mail.");
  expect(await h.app.services.mail.refusal(SAM)).toBeNull();
  expect(await h.db.membership.findFirstOrThrow({ where: { communityId, email: SAM } })).toMatchObject({
    emailFailedAt: null,
    emailFailure: null,
  });
  const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "member.email_refusal_lifted" } });
  expect(audit.actorId).toBe(ALICE);
  expect(JSON.parse(audit.detail)).toMatchObject({ member: emailPersonId(SAM), reason: expect.stringMatching(/User unknown/) });
  expect(audit.detail).not.toContain(SAM);

  // Email goes to the address again.
  await emailSam();
  expect(sink.received.map((m) => m.envelope.to)).toEqual([[SAM]]);
  // Lifting it twice says so.
  h.slack.reset();
  await clickIn(ALICE, ACTION.liftEmailRefusal, again.value, "V0LIST");
  expect(JSON.stringify(h.slack.calls)).toMatch(/Emails to this member are not blocked/);
});

it("tells the organisers again when an address bounces again after it was lifted", async () => {
  sink.refuseRecipient(SAM);
  await emailSam();
  expect(alertsTo(ALICE)).toHaveLength(1);
  await h.app.services.messageChoices.liftRefusal(await h.app.services.communities.byId(communityId), ALICE, emailPersonId(SAM));
  // Not fixed after all: it bounces again.
  h.clock.advance(60_000);
  await emailSam();
  expect(alertsTo(ALICE)).toHaveLength(2);
  // And not a third time for the same bounce.
  await emailSam();
  expect(alertsTo(ALICE)).toHaveLength(2);
});

it("shows a Slack member who chose email that their address refuses mail, and sends them in Slack meanwhile", async () => {
  h.slack.emails.set("bob@dwp.gov.uk", BOB);
  const community = await h.app.services.communities.byId(communityId);
  await h.app.services.messageChoices.choose(community, BOB, { meetings: "slack", reminders: "slack", digests: "email" }, "bob@dwp.gov.uk");
  sink.refuseRecipient("bob@dwp.gov.uk");
  const links = h.app.services.pageLinks.memberEmailLinks(BOB, communityId, h.clock.now());
  await h.app.services.mail.plan([
    memberEmailToSend({
      community,
      to: { personId: BOB },
      doc: { subject: "News", parts: [{ kind: "paragraph", text: "Hello." }, memberFooter(community, links, "you get the digest of")] },
      links,
      purpose: "digest",
      consent: "digests",
      dedupeKey: "bob",
    }),
  ]);
  await h.app.tick();
  expect(await h.app.services.digests.getsDm(community, BOB)).toBe(true);
  h.slack.reset();
  await h.command("messages", { user: BOB, channel });
  const view = h.slack.lastCall("views.open")!.args.view;
  expect(view.callback_id).toBe(CALLBACK.messages);
  expect(JSON.stringify(view.blocks)).toMatch(
    /Emails to bob@dwp\.gov\.uk cannot be delivered: .*Until an organiser of .* says it is fixed/,
  );
});
