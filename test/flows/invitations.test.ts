import { emailPersonId } from "../../src/domain/members/people";
import { ACTION, BLOCK, CALLBACK, INVITE_BLOCK, PROFILE_BLOCK } from "../../src/views/ids";
import { joinCommunity } from "../support/flows";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity } from "../support/seed";
import { seededWorld } from "../support/world";

// Invitations end to end: the form, the invitee's DM, Accept and Decline, the
// inviter's summary, and the reminder and expiry through the outbox.
let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE");
  await h.db.community.update({ where: { id: community.id }, data: { digestCadence: "off" } });
  return { communityId: community.id, channel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel },
  } = await world.start()); // Monday 2 March 2026, 10:00Z
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const DAY = 24 * 60 * 60 * 1000;

function inviteForm(opts: {
  user?: string;
  users?: string[];
  emails?: string | null;
  message?: string | null;
  viewId?: string;
  communityId?: string | null;
}) {
  return viewSubmission({
    user: opts.user ?? "U0ALICE",
    callbackId: CALLBACK.sendInvitations,
    viewId: opts.viewId,
    privateMetadata: JSON.stringify(opts.communityId === null ? {} : { communityId: opts.communityId ?? communityId }),
    values: {
      [INVITE_BLOCK.people]: { type: "multi_users_select", selected_users: opts.users ?? [] },
      [INVITE_BLOCK.emails]: input.text(opts.emails ?? null),
      [INVITE_BLOCK.message]: input.text(opts.message === undefined ? "Please join us: we share the same users." : opts.message),
    },
  });
}

async function invite(opts: Parameters<typeof inviteForm>[0]) {
  const reply = await h.interact(inviteForm(opts));
  expect(reply.status).toBe(200);
  return reply;
}

/** DMs posted to a person (the fake answers with the user id as the channel). */
function dmsTo(userId: string) {
  return h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === userId);
}

function buttonsOf(message: { blocks?: any[] }) {
  return (message.blocks ?? []).flatMap((b: any) => (b.type === "actions" ? b.elements : []));
}

function acceptSubmission(userId: string, invitationId: string, organisation = "dwp") {
  return viewSubmission({
    user: userId,
    callbackId: CALLBACK.acceptInvitation,
    privateMetadata: JSON.stringify({ invitationId }),
    values: {
      [PROFILE_BLOCK.organisation]: input.external(organisation),
      [PROFILE_BLOCK.organisationOther]: input.text(null),
      [PROFILE_BLOCK.profession]: input.select("user-centred-design"),
      [PROFILE_BLOCK.professionOther]: input.text(null),
    },
  });
}

function click(userId: string, actionId: string, value: string) {
  return h.interact(
    blockAction({ user: userId, actionId, value, channel: userId, responseUrl: h.slack.responseUrl(), blockId: BLOCK.invitationActions }),
  );
}

/** A month on, an answered invitation has sent nobody a reminder or an expiry, and is still accepted. */
async function expectNothingMoreAbout(invitationId: string) {
  h.slack.reset();
  h.clock.advance(31 * DAY);
  await h.app.tick();
  expect(dmsTo("U0BOB")).toHaveLength(0);
  expect(dmsTo("U0ALICE")).toHaveLength(0);
  expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).status).toBe("accepted");
}

/** The inviter's summary: the progress DM, updated in place. */
function summaryText(): string {
  const update = h.slack.lastCall("chat.update");
  expect(update).toBeDefined();
  return JSON.stringify(update!.args.blocks);
}

describe("/community invite opens the form", () => {
  it("prefills the people mentioned and a message written from the service and its top problems", async () => {
    await h.command("invite <@U0BOB|bob> <@U0CAROL|carol>", { channel });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.sendInvitations);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId });
    const people = view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.people);
    expect(people.element).toMatchObject({ type: "multi_users_select", initial_users: ["U0BOB", "U0CAROL"], max_selected_items: 100 });
    const message = view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.message).element.initial_value as string;
    // After the GDS template: who is writing, the problems, what a service community is, and the ask.
    expect(
      message.startsWith(
        "Hello\n\nI'm User U0ALICE. I work in policy at HM Revenue & Customs (HMRC). I'm getting in touch because we work on services whose users are trying to do connected things: Starting a business.",
      ),
    ).toBe(true);
    expect(message).toContain("Challenges like:\n• People register with HMRC and Companies House separately");
    expect(message).toContain("• It is unclear which licences a business needs");
    expect(message).toContain(
      "You can read more about them in the Service Manual: https://www.gov.uk/service-manual/design/service-communities",
    );
    // No meeting yet: the proposal stage asks for a first call.
    expect(message).toContain("I suggest a 30-minute call to agree our objectives and how we will work together.");
    expect(message.endsWith("Thanks\nUser U0ALICE")).toBe(true);
    expect(message).not.toMatch(/!|e\.g\./);
  });

  it("asks people to join, not to a first call, once the community has met", async () => {
    await h.db.meeting.create({
      data: {
        communityId,
        title: "Kick-off",
        startsAt: new Date("2026-02-20T10:00:00Z"),
        durationMinutes: 60,
        timezone: "Europe/London",
        reminderOffsets: "",
        createdBy: "U0ALICE",
      },
    });
    await h.command("invite", { channel });
    const message = h.slack.lastCall("views.open")!.args.view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.message).element
      .initial_value as string;
    expect(message).toContain(
      "Would you like to join our service community, Starting a business? We meet monthly, and keep in touch between meetings through our Slack channel.",
    );
    expect(message).not.toContain("30-minute call");
  });

  it("names the community in the command, or asks which of the inviter's communities when they have several", async () => {
    const second = await seedCommunity(h, "U0ALICE", { name: "Employing someone", service: "Employing someone" });
    h.slack.reset();
    await h.command("invite <@U0BOB|bob> employing");
    expect(JSON.parse(h.slack.lastCall("views.open")!.args.view.private_metadata)).toEqual({ communityId: second.id });

    await h.command("invite <@U0BOB|bob>");
    const view = h.slack.lastCall("views.open")!.args.view;
    const picker = view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.community);
    expect(picker.dispatch_action).toBe(true);
    expect(picker.element.options.map((o: any) => o.value)).toEqual([second.id, communityId]);
    expect(view.blocks.map((b: any) => b.block_id)).not.toContain(INVITE_BLOCK.message);

    // Choosing one redraws the form with its message; the people chosen so far stay.
    await h.interact({
      ...blockAction({ user: "U0ALICE", actionId: ACTION.inviteCommunity }),
      view: {
        id: "VINVITE",
        hash: "hash-1",
        callback_id: CALLBACK.sendInvitations,
        private_metadata: "{}",
        state: {
          values: {
            [INVITE_BLOCK.people]: { value: { type: "multi_users_select", selected_users: ["U0BOB", "U0DAVE"] } },
            [INVITE_BLOCK.emails]: { value: { type: "plain_text_input", value: "x@y.gov.uk" } },
          },
        },
      },
      actions: [
        {
          type: "static_select",
          action_id: ACTION.inviteCommunity,
          block_id: INVITE_BLOCK.community,
          selected_option: { value: communityId, text: { type: "plain_text", text: "x" } },
          action_ts: "1",
        },
      ],
    });
    const update = h.slack.lastCall("views.update")!.args;
    expect(update).toMatchObject({ view_id: "VINVITE", hash: "hash-1" });
    expect(JSON.parse(update.view.private_metadata)).toEqual({ communityId });
    expect(update.view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.people).element.initial_users).toEqual(["U0BOB", "U0DAVE"]);
    expect(update.view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.emails).element.initial_value).toBe("x@y.gov.uk");
    expect(update.view.blocks.find((b: any) => b.block_id === INVITE_BLOCK.message).element.initial_value).toContain("Starting a business");
  });

  it("is refused to someone who is not a member, saying how to join", async () => {
    await h.command("invite <@U0BOB|bob>", { user: "U0ZED", channel });
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "Only members of *Starting a business* can invite people to it. Join first with `/community join Starting a business`.",
    );
  });
});

describe("invite, then accept or decline", () => {
  it("invite → accept: the invitee gets a DM with the message, the charter and buttons, fills in their profile and becomes a member", async () => {
    const reply = await invite({ users: ["U0BOB"] });
    expect(reply.text).toBe("");

    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    expect(invitation).toMatchObject({
      communityId,
      inviterId: "U0ALICE",
      status: "pending",
      message: "Please join us: we share the same users.",
      dmChannelId: "U0BOB",
    });
    const dm = dmsTo("U0BOB")[0].args;
    const dmText = JSON.stringify(dm.blocks);
    expect(dmText).toContain("<@U0ALICE> invited you to join *Starting a business*");
    expect(dmText).toContain(">Please join us: we share the same users.");
    expect(dmText).toContain("*Problems we are tackling*");
    expect(buttonsOf(dm)).toEqual([
      expect.objectContaining({ action_id: ACTION.acceptInvitation, value: invitation.id, style: "primary" }),
      expect.objectContaining({ action_id: ACTION.declineInvitation, value: invitation.id }),
    ]);
    // The reminder and the expiry wait in the outbox.
    const planned = await h.db.outboxMessage.findMany({ where: { subjectId: invitation.id }, orderBy: { dueAt: "asc" } });
    expect(planned.map((r) => [r.kind, r.target, r.dueAt.toISOString(), r.status])).toEqual([
      // The safety net, in case the DM had not gone (it has: see below).
      ["invitation_dm", "U0BOB", "2026-03-02T10:10:00.000Z", "pending"],
      ["invitation_reminder", "U0BOB", "2026-03-09T10:00:00.000Z", "pending"],
      ["invitation_expiry", "U0ALICE", "2026-04-01T10:00:00.000Z", "pending"],
    ]);
    // The inviter saw progress, then the summary in its place.
    expect(dmsTo("U0ALICE")[0].args.text).toContain("Inviting 1 person to *Starting a business*");
    expect(summaryText()).toContain("Invited 1 person to *Starting a business*: <@U0BOB>");
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "invitation.sent" } });
    expect(JSON.parse(audit.detail)).toEqual({ invitees: ["U0BOB"], byEmail: 0 });

    h.slack.reset();
    await click("U0BOB", ACTION.acceptInvitation, invitation.id);
    const modal = h.slack.lastCall("views.open")!.args.view;
    expect(modal.callback_id).toBe(CALLBACK.acceptInvitation);
    expect(JSON.parse(modal.private_metadata)).toEqual({ invitationId: invitation.id });

    const accepted = await h.interact(acceptSubmission("U0BOB", invitation.id, "companies-house"));
    expect(accepted.text).toBe("");
    const membership = await h.db.membership.findUniqueOrThrow({
      where: { communityId_slackUserId: { communityId, slackUserId: "U0BOB" } },
    });
    expect(membership).toMatchObject({ status: "active", role: "member", organisation: "companies-house" });
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("accepted");
    expect(h.slack.lastCall("conversations.invite")!.args).toMatchObject({ channel, users: "U0BOB" });
    expect(h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!.args.text).toBe(
      ":wave: <@U0BOB> joined the community, invited by <@U0ALICE>: Companies House, User-centred design.",
    );
    expect(dmsTo("U0ALICE").at(-1)!.args.text).toBe(
      ":tada: <@U0BOB> accepted your invitation and joined *Starting a business*: Companies House, User-centred design.",
    );
    // The invitation DM loses its buttons and says what happened.
    const updated = h.slack.lastCall("chat.update")!.args;
    expect(updated).toMatchObject({ channel: "U0BOB", ts: invitation.dmTs });
    expect(buttonsOf(updated)).toEqual([]);
    expect(JSON.stringify(updated.blocks)).toContain("You accepted on");
    // Nothing more will be sent about it.
    expect((await h.db.outboxMessage.findMany({ where: { subjectId: invitation.id } })).map((r) => r.status)).toEqual([
      "skipped",
      "skipped",
      "skipped",
    ]);
    expect(await h.db.auditEvent.count({ where: { action: "invitation.accepted", actorId: "U0BOB" } })).toBe(1);
  });

  it("asks for the organisation and profession field by field, and the invitation stays open", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    const reply = await h.interact(
      viewSubmission({
        user: "U0BOB",
        callbackId: CALLBACK.acceptInvitation,
        privateMetadata: JSON.stringify({ invitationId: invitation.id }),
        values: { [PROFILE_BLOCK.organisation]: input.external(null), [PROFILE_BLOCK.profession]: input.select(null) },
      }),
    );
    expect(reply.json.response_action).toBe("errors");
    expect(Object.keys(reply.json.errors).sort()).toEqual([PROFILE_BLOCK.organisation, PROFILE_BLOCK.profession]);
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("pending");
    expect(await h.db.membership.count({ where: { slackUserId: "U0BOB" } })).toBe(0);
  });

  it("invite → decline: the inviter is told kindly, and a later Accept says it was declined", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    h.slack.reset();
    await click("U0BOB", ACTION.declineInvitation, invitation.id);
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("declined");
    expect(dmsTo("U0ALICE").at(-1)!.args.text).toBe(
      "<@U0BOB> has declined your invitation to join *Starting a business*. Thank you for reaching out: not everyone has the time right now, and they can still join later with `/community join`.",
    );
    const updated = h.slack.lastCall("chat.update")!.args;
    expect(buttonsOf(updated)).toEqual([]);
    expect(JSON.stringify(updated.blocks)).toContain("You declined on");
    expect(await h.db.membership.count({ where: { slackUserId: "U0BOB" } })).toBe(0);

    await click("U0BOB", ACTION.acceptInvitation, invitation.id);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "You declined this invitation. You can still join with `/community join Starting a business`.",
    );
    // A second Decline changes nothing and tells nobody again.
    await click("U0BOB", ACTION.declineInvitation, invitation.id);
    expect(dmsTo("U0ALICE")).toHaveLength(1);
  });

  it("a double-clicked Accept makes one member and tells the inviter once", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    h.slack.reset();
    const replies = await Promise.all([
      h.interact(acceptSubmission("U0BOB", invitation.id)),
      h.interact(acceptSubmission("U0BOB", invitation.id)),
    ]);
    expect(replies.filter((r) => r.text === "")).toHaveLength(1);
    expect(replies.find((r) => r.text !== "")!.json.errors).toEqual({
      [PROFILE_BLOCK.organisation]: "You already accepted this invitation: you are in *Starting a business*.",
    });
    expect(dmsTo("U0ALICE").filter((c) => String(c.args.text).startsWith(":tada:"))).toHaveLength(1);
    expect(await h.db.membership.count({ where: { slackUserId: "U0BOB", status: "active" } })).toBe(1);
  });

  it("joining some other way answers the invitation: no reminder, no expiry, and the inviter hears", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    h.slack.reset();
    await joinCommunity(h, "U0BOB", communityId, { organisation: "dwp" });
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("accepted");
    expect(dmsTo("U0ALICE").at(-1)!.args.text).toBe(
      ":tada: <@U0BOB> accepted your invitation and joined *Starting a business*: Department for Work and Pensions (DWP), User-centred design.",
    );
    expect(buttonsOf(h.slack.lastCall("chat.update")!.args)).toEqual([]);
    await expectNothingMoreAbout(invitation.id);
  });

  it("someone else cannot answer another person's invitation", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    await click("U0MALLORY", ACTION.declineInvitation, invitation.id);
    const forged = await h.interact(acceptSubmission("U0MALLORY", invitation.id));
    expect(forged.json.response_action).toBe("errors");
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("pending");
    expect(h.slack.responses.at(-1)!.body.text).toBe("That invitation no longer exists. Ask the person who invited you to send it again.");
    expect(await h.db.membership.count({ where: { slackUserId: "U0MALLORY" } })).toBe(0);
  });
});

describe("email addresses", () => {
  it("invites an address that resolves to a Slack account by DM, and one that does not by email, with its own link", async () => {
    h.slack.emails.set("carol@companieshouse.gov.uk", "U0CAROL");
    await invite({
      emails: "Carol@CompaniesHouse.gov.uk\nsam@hmrc.gov.uk",
      message: "Hello from the Starting a business community & friends.",
    });
    expect(
      h.slack
        .callsTo("users.lookupByEmail")
        .map((c) => c.args.email)
        .sort(),
    ).toEqual(["Carol@CompaniesHouse.gov.uk", "sam@hmrc.gov.uk"]);
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0CAROL" } });
    expect(invitation.email).toBe("Carol@CompaniesHouse.gov.uk");
    expect(dmsTo("U0CAROL")).toHaveLength(1);
    // Sam has no Slack account: a member-to-be by email, with no DM to send.
    const sam = await h.db.invitation.findFirstOrThrow({ where: { email: "sam@hmrc.gov.uk" } });
    expect(sam).toMatchObject({ inviteeId: emailPersonId("sam@hmrc.gov.uk"), status: "pending" });
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === sam.inviteeId)).toEqual([]);

    const summary = h.slack.lastCall("chat.update")!.args.blocks.map((b: any) => b.text.text);
    expect(summary[0]).toContain("Invited 1 person to *Starting a business*: <@U0CAROL>");
    expect(summary[1]).toBe(
      ":email: Emailed 1 person who is not in this Slack workspace: sam@hmrc.gov.uk. Each email has your message and their own link to accept or decline on a web page, without Slack. The links work for 30 days. You will get a message when they answer.",
    );
    // The email: planned once through the outbox, to the address's person id, with the inviter's message and Sam's own link.
    const emails = await h.db.outboxMessage.findMany({ where: { kind: "email" } });
    expect(emails.map((r) => [r.target, r.subjectId, r.dedupeKey])).toEqual([[sam.inviteeId, sam.id, `email:invitation:${sam.id}`]]);
    const payload = JSON.parse(emails[0].payload);
    expect(payload).toMatchObject({
      to: "sam@hmrc.gov.uk",
      purpose: "invitation",
      subject: "Invitation to join Starting a business, a service community",
    });
    expect(payload.text).toContain("Hello from the Starting a business community & friends.");
    const link = /https?:\/\/\S+\/invitation\/(\S+)/.exec(payload.text);
    expect(h.app.services.personalLinks.check("accept-invitation", link![1], h.clock.now())).toMatchObject({
      status: "ok",
      link: { person: sam.inviteeId, target: sam.id },
    });
  });

  it("says so when Slack cannot look an address up, rather than calling it outside the workspace", async () => {
    h.slack.script("users.lookupByEmail", { ok: false, error: "missing_scope" });
    await invite({ emails: "sam@hmrc.gov.uk" });
    const summary = summaryText();
    expect(summary).toContain(
      "This app could not look these addresses up in Slack, so it cannot tell whether they are in this workspace. Nobody was invited at them:\\n• sam@hmrc.gov.uk: this app may not read email addresses yet. Ask a workspace admin to reinstall it from its manifest",
    );
    expect(summary).not.toContain("Emailed");
    expect(await h.db.invitation.count()).toBe(0);
  });

  it("refuses text that is not an email address, on its field, and sends nothing", async () => {
    const reply = await invite({ emails: "sam@hmrc.gov.uk, not-an-address" });
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: { [INVITE_BLOCK.emails]: 'This is not an email address: "not-an-address". Separate addresses with commas or new lines.' },
    });
    expect(h.slack.callsTo("users.lookupByEmail")).toHaveLength(0);
    expect(await h.db.invitation.count()).toBe(0);
  });
});

describe("who is not invited again", () => {
  it("a current member and someone with a pending invitation each get a note, and no second DM", async () => {
    await joinCommunity(h, "U0DAVE", communityId);
    await invite({ users: ["U0BOB"], viewId: "VFIRST" });
    h.slack.reset();
    await invite({ users: ["U0BOB", "U0DAVE", "U0ALICE", "U0CAROL"], viewId: "VSECOND" });
    expect(dmsTo("U0BOB")).toHaveLength(0);
    expect(dmsTo("U0DAVE")).toHaveLength(0);
    expect(dmsTo("U0CAROL")).toHaveLength(1);
    expect(await h.db.invitation.count({ where: { inviteeId: "U0BOB" } })).toBe(1);
    const summary = summaryText();
    expect(summary).toContain("Invited 1 person to *Starting a business*: <@U0CAROL>");
    expect(summary).toContain("Already a member, so not invited: <@U0DAVE>.");
    expect(summary).toContain(
      "Already invited and not answered yet, so no second DM was sent: <@U0BOB>. The first invitation is still open.",
    );
    expect(summary).toContain("You are already a member, so you were not invited.");
  });

  it("two organisers inviting the same person at the same moment send one invitation", async () => {
    await joinCommunity(h, "U0DAVE", communityId);
    await Promise.all([invite({ users: ["U0BOB"], viewId: "VA" }), invite({ user: "U0DAVE", users: ["U0BOB"], viewId: "VB" })]);
    expect(await h.db.invitation.count({ where: { inviteeId: "U0BOB", status: "pending" } })).toBe(1);
    expect(dmsTo("U0BOB")).toHaveLength(1);
  });

  it("a double-clicked submit sends each DM once, and the inviter one summary", async () => {
    // Many people and three clicks, so the twins' inserts interleave: each used to invite some of
    // them, and each then reported as the one that invited (two or three summaries).
    const people = Array.from({ length: 30 }, (_, i) => `U0P${String(i).padStart(4, "0")}`);
    await Promise.all([1, 2, 3].map(() => invite({ users: people, viewId: "VSAME" })));
    for (const person of people) expect(dmsTo(person)).toHaveLength(1);
    expect(await h.db.invitation.count()).toBe(people.length);
    // One summary of everyone…
    const updated = h.slack.callsTo("chat.update");
    expect(updated).toHaveLength(1);
    expect(JSON.stringify(updated[0].args)).toContain("Invited 30 people");
    // …in the one progress note: the twins, refused before they began, showed none.
    expect(dmsTo("U0ALICE")).toHaveLength(1);
    expect(h.slack.callsTo("chat.delete")).toHaveLength(0);

    // The same form again, later: nothing happens at all.
    h.slack.reset();
    await invite({ users: ["U0BOB", "U0CAROL"], viewId: "VSAME" });
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("more than 100 people at once is refused on the people field, and nothing is sent", async () => {
    const users = Array.from({ length: 95 }, (_, i) => `U${String(i).padStart(8, "0")}`);
    const emails = Array.from({ length: 6 }, (_, i) => `person${i}@dwp.gov.uk`).join("\n");
    const reply = await invite({ users, emails });
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        [INVITE_BLOCK.people]:
          "You can invite up to 100 people at once. This form has 101: 95 chosen and 6 email addresses. Invite the rest in a second form.",
      },
    });
    expect(await h.db.invitation.count()).toBe(0);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("asks for someone to invite and for a message", async () => {
    const reply = await invite({ users: [], emails: null, message: "  " });
    expect(reply.json.errors).toEqual({
      [INVITE_BLOCK.people]: "Choose at least one person, or type their email address below.",
      [INVITE_BLOCK.message]: "Write a short message, so people know why you are inviting them.",
    });
  });

  it("a DM Slack fails for a moment is sent by the outbox a few minutes later", async () => {
    h.slack.script(
      "chat.postMessage",
      (args) => (args.channel === "U0BOB" ? { ok: false, error: "internal_error" } : { ok: true, channel: args.channel, ts: "1.000001" }),
      2,
    );
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    expect(invitation).toMatchObject({ status: "pending", dmTs: null });
    expect(summaryText()).toContain(
      "Slack did not take the DM to <@U0BOB> just now. This app will try again in a few minutes. Their invitation is open.",
    );
    h.slack.reset();
    h.clock.advance(10 * 60_000);
    await h.app.tick();
    const dm = dmsTo("U0BOB");
    expect(dm).toHaveLength(1);
    expect(buttonsOf(dm[0].args).map((b: any) => b.value)).toEqual([invitation.id, invitation.id]);
  });

  it("an organiser's removal sticks: a member cannot invite them back, an organiser can", async () => {
    await joinCommunity(h, "U0DAVE", communityId);
    await joinCommunity(h, "U0BOB", communityId);
    await h.command("remove <@U0BOB|bob>", { user: "U0ALICE", channel });
    h.slack.reset();
    await invite({ user: "U0DAVE", users: ["U0BOB"] });
    expect(summaryText()).toContain("An organiser removed <@U0BOB> from *Starting a business*, so only an organiser can invite them back.");
    expect(dmsTo("U0BOB")).toHaveLength(0);
    await invite({ users: ["U0BOB"] });
    expect(dmsTo("U0BOB")).toHaveLength(1);
  });

  it("an invitee Slack will not DM is reported and can be invited again later", async () => {
    h.slack.script(
      "chat.postMessage",
      (args) => (args.channel === "U0BOT" ? { ok: false, error: "cannot_dm_bot" } : { ok: true, channel: args.channel, ts: "1.000001" }),
      2,
    );
    await invite({ users: ["U0BOT"] });
    expect((await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOT" } })).status).toBe("undelivered");
    expect(summaryText()).toContain(
      "This app could not send a DM to these people, so they were not invited:\\n• <@U0BOT>: that account is a bot",
    );
    expect(await h.db.outboxMessage.count({ where: { status: "pending" } })).toBe(0);
    await invite({ users: ["U0BOT"] });
    expect(await h.db.invitation.count({ where: { inviteeId: "U0BOT", status: "pending" } })).toBe(1);
  });
});

describe("reminder and expiry", () => {
  it("reminds once after 7 days, expires after 30 and tells the inviter; Accept then says it expired", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    h.slack.reset();

    h.clock.advance(7 * DAY - 60_000);
    await h.app.tick();
    expect(dmsTo("U0BOB")).toHaveLength(0);

    h.clock.advance(60_000);
    await h.app.tick();
    const reminder = dmsTo("U0BOB");
    expect(reminder).toHaveLength(1);
    expect(JSON.stringify(reminder[0].args.blocks)).toContain(
      "A reminder: a week ago, <@U0ALICE> invited you to join *Starting a business*, a service community.",
    );
    expect(buttonsOf(reminder[0].args).map((b: any) => b.action_id)).toEqual([ACTION.acceptInvitation, ACTION.declineInvitation]);
    h.clock.advance(DAY);
    await h.app.tick();
    expect(dmsTo("U0BOB")).toHaveLength(1);

    h.clock.set(new Date("2026-04-01T10:00:00Z"));
    await h.app.tick();
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("expired");
    expect(dmsTo("U0ALICE").at(-1)!.args.text).toContain(
      "Your invitation to <@U0BOB> to join *Starting a business* has expired: 30 days passed without an answer.",
    );
    expect(await h.db.auditEvent.count({ where: { action: "invitation.expired" } })).toBe(1);

    await click("U0BOB", ACTION.acceptInvitation, invitation.id);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "This invitation to *Starting a business* expired after 30 days. You can still join with `/community join Starting a business`.",
    );
    // Expired, so the person may be invited afresh.
    await invite({ users: ["U0BOB"] });
    expect(await h.db.invitation.count({ where: { inviteeId: "U0BOB", status: "pending" } })).toBe(1);
  });

  it("an answered invitation gets no reminder and never expires", async () => {
    await invite({ users: ["U0BOB"] });
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    await h.interact(acceptSubmission("U0BOB", invitation.id));
    await expectNothingMoreAbout(invitation.id);
  });
});

describe("/community reach-out", () => {
  it("gives a draft post filled with the service and its problems, asking for the organisations not yet in, ready to copy", async () => {
    // The first problem names HMRC (the organiser's own) and DWP, which nobody comes from yet.
    const problem = await h.db.problem.findFirstOrThrow({ where: { communityId }, orderBy: { createdAt: "asc" } });
    await h.db.problemOrganisation.createMany({
      data: [
        { problemId: problem.id, organisation: "hmrc" },
        { problemId: problem.id, organisation: "dwp" },
      ],
    });
    const reply = await h.command("reach-out", { channel });
    expect(reply.json.response_type).toBe("ephemeral");
    const [intro, draft] = reply.json.blocks.map((b: any) => b.text?.text ?? "");
    expect(intro).toContain("Here is a draft post about *Starting a business* for cross-government channels");
    // After the GDS template: "I work at … on …, and I'm looking for people affected by …", and a call to action that works outside this workspace.
    expect(
      draft.startsWith(
        "```Hello\n\nI work at HM Revenue &amp; Customs (HMRC) on Starting a business. I'm looking for people who are affected by problems like these:",
      ),
    ).toBe(true);
    expect(draft).toContain("• People register with HMRC and Companies House separately");
    expect(draft).toContain("We especially want to hear from people at DWP.");
    expect(draft).toContain("please message me (User U0ALICE), or join #sc-starting-a-business if you are in this Slack workspace.");
    expect(draft).toContain("https://www.gov.uk/service-manual/design/service-communities");
    expect(draft).not.toContain("/community");
  });

  it("says what to type outside a community's channel", async () => {
    const reply = await h.command("reach-out");
    expect(reply.json.text).toBe(
      "Which community? Type `/community reach-out <name>`, or run the command in the community's channel. `/community list` shows them all.",
    );
  });
});
