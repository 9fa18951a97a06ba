// The personal-link pages in a real browser (Debian's Chromium): someone
// invited by email accepts through the form (the error summary first, then a
// member row and an announcement in Slack's fake), answers a meeting and sees
// the Slack card redrawn, votes on a problem, unsubscribes; and tampered,
// expired and used links get their own helpful pages. axe runs on every page.
import { WebClient } from "@slack/web-api";
import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { checkMeetingDraft } from "../../src/domain/meetings/meetingDraft";
import { emailPersonId } from "../../src/domain/members/people";
import { checkProblemDraft } from "../../src/domain/problems/problemDraft";
import { useBrowser } from "../support/browser";
import { type Harness, startHarness } from "../support/harness";
import { seedCommunity, seedMeeting } from "../support/seed";

const browser = useBrowser();
// One server for the file (each test has people of its own), closed after the browser, whose open sockets it would wait for.
let h: Harness;
let communityId: string;
let channel: string;
beforeAll(async () => {
  h = await startHarness({ publicUrl: "http://127.0.0.1" }); // Monday 2 March 2026, 10:00Z
  const community = await seedCommunity(h, "U0ALICE");
  communityId = community.id;
  channel = community.slackChannelId!;
});
afterAll(async () => {
  await browser.close();
  await h.close();
});

/** Each test's own person invited by email, so tests share the server and not their people. */
let SAM = emailPersonId("sam@hmrc.gov.uk");
let samEmail = "sam@hmrc.gov.uk";
let seq = 0;
beforeEach(() => {
  seq++;
  samEmail = `sam.${seq}@hmrc.gov.uk`;
  SAM = emailPersonId(samEmail);
  h.slack.reset();
});
const services = () => h.app.services;
/** A link the bot made, on the test's own server. */
const local = (link: string) => `${h.url}${new URL(link).pathname}`;

async function inviteSam() {
  const community = await services().communities.byId(communityId);
  const { outcomes } = await services().invitations.invite({
    community,
    inviterId: "U0ALICE",
    people: [{ userId: SAM, email: samEmail }],
    message: "I'm Alice from HMRC.\nWe are setting up a community for Starting a business.",
    requestId: `V${seq}`,
  });
  const invited = outcomes[0] as Extract<(typeof outcomes)[0], { kind: "invited" }>;
  return invited.invitation;
}

async function joinSam(): Promise<void> {
  const invitation = await inviteSam();
  await services().invitations.accept(null, invitation.id, SAM, {
    displayName: "Sam Patel",
    organisation: "hmrc",
    organisationOther: null,
    profession: "policy",
    professionOther: null,
  });
}

/** The page's main heading (a confirmation panel's title is its h1 too). */
async function heading(page: Page): Promise<string | undefined> {
  return (await page.locator("h1").first().textContent())?.trim();
}

describe("accepting an invitation on the web", () => {
  it("asks again with the error summary, then makes a member by email, tells the channel and the inviter, and works once", async () => {
    const invitation = await inviteSam();
    const link = local(services().pageLinks.invitation(invitation));
    const page = await browser.page();
    expect((await page.goto(link))?.status()).toBe(200);
    expect(await heading(page)).toBe("Join Starting a business");
    expect(await page.locator(".govuk-inset-text").textContent()).toContain("I'm Alice from HMRC.");
    await browser.check(page, "invitation");

    // Nothing filled in: the error summary, and a message beside each field.
    await page.getByRole("button", { name: "Accept and join" }).click();
    expect(await page.title()).toBe("Error: Join Starting a business – Service Communities");
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Enter your name");
    expect((await page.locator(".govuk-error-summary__list li").allTextContents()).map((t) => t.trim())).toEqual([
      "Enter your name",
      "Select your organisation, or enter its name if it is not in the list",
      "Select your profession, or enter it if it is not in the list",
    ]);
    await browser.check(page, "invitation-errors");
    expect(await h.db.membership.count({ where: { slackUserId: SAM } })).toBe(0);

    await page.getByLabel("Your name").fill("Sam Patel");
    await page.getByLabel("Your organisation", { exact: true }).selectOption({ label: "HM Revenue & Customs" });
    await page.getByLabel("If your profession is not in the list, enter it").fill("Tax specialist");
    await page.getByRole("button", { name: "Accept and join" }).click();
    expect(await heading(page)).toBe("You have joined Starting a business");
    await browser.check(page, "invitation-joined");

    const member = await h.db.membership.findFirstOrThrow({ where: { slackUserId: SAM } });
    expect(member).toMatchObject({
      email: samEmail,
      displayName: "Sam Patel",
      organisation: "hmrc",
      profession: "other",
      professionOther: "Tax specialist",
      status: "active",
    });
    await h.idle();
    const posts = h.slack.callsTo("chat.postMessage").map((c) => [c.args.channel, c.args.text]);
    expect(posts).toContainEqual([channel, expect.stringContaining("Sam Patel (by email) joined the community, invited by <@U0ALICE>")]);
    expect(posts).toContainEqual(["U0ALICE", expect.stringContaining("Sam Patel (by email) accepted your invitation")]);
    // No Slack account to add to the channel or to DM.
    expect(h.slack.callsTo("conversations.invite")).toEqual([]);

    // The link has done its work.
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    expect(await heading(page)).toBe("This link has already been used");
    await browser.check(page, "link-used");
  });

  it("declines, and the inviter is told with the address they typed", async () => {
    const invitation = await inviteSam();
    const page = await browser.page();
    await page.goto(local(services().pageLinks.invitation(invitation)));
    await page.getByRole("button", { name: "Decline the invitation" }).click();
    expect(await heading(page)).toBe("You have declined the invitation");
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("declined");
    expect(h.slack.callsTo("chat.postMessage").map((c) => c.args.text)).toContainEqual(
      expect.stringContaining(`${samEmail} has declined your invitation to join *Starting a business*`),
    );
  });

  it("refuses a tampered link and an expired one, each with a page that says what to do", async () => {
    const invitation = await inviteSam();
    const link = local(services().pageLinks.invitation(invitation));
    const page = await browser.page();
    // One character of the signature changed.
    const tampered = link.replace(/.([A-Za-z0-9_-])([A-Za-z0-9_-]+)$/, (_, c, rest) => `.${c === "A" ? "B" : "A"}${rest}`);
    expect((await page.goto(tampered))?.status()).toBe(404);
    expect(await heading(page)).toBe("This link does not work");
    await browser.check(page, "link-invalid");

    // A link whose time has passed (the server shares its clock with other tests, so the link is made old instead).
    const old = local(
      services().personalLinks.url({
        purpose: "accept-invitation",
        person: SAM,
        target: invitation.id,
        expiresAt: new Date(h.clock.now().getTime() - 1000),
      }),
    );
    expect((await page.goto(old))?.status()).toBe(410);
    expect(await heading(page)).toBe("This link has expired");
    await browser.check(page, "link-expired");
    expect(await h.db.membership.count({ where: { slackUserId: SAM } })).toBe(0);
  });
});

describe("taking part without Slack", () => {
  it("answers a meeting, and the card in the channel is redrawn with the new count", async () => {
    await joinSam();
    const community = await services().communities.byId(communityId);
    const draft = checkMeetingDraft(
      {
        title: "Show and tell",
        videoLink: "https://teams.example.gov.uk/meet/123",
        start: String(DateTime.fromISO("2026-03-10T10:00", { zone: "Europe/London" }).toSeconds()),
        duration: "60",
        recurrence: "none",
        reminders: ["60"],
        agenda: "1. Introductions\n2. Research findings",
      },
      { zone: community.timezone, pickerZone: "Europe/London", now: h.clock.now() },
    );
    const [meeting] = (await services().meetings.schedule(community, "U0ALICE", draft, null)).meetings;
    await services().meetingMessages.announce(new WebClient("xoxb-test", { slackApiUrl: h.slack.apiUrl }), meeting.id);
    h.slack.reset();

    const page = await browser.page();
    await page.goto(local(services().pageLinks.meeting(SAM, meeting)));
    expect(await heading(page)).toBe("Show and tell");
    expect(await page.locator(".govuk-summary-list").textContent()).toContain("Tuesday 10 March 2026");
    await browser.check(page, "meeting");
    await page.getByRole("button", { name: "Save your answer" }).click();
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Select whether you are going");

    await page.getByLabel("Going").check();
    await page.getByRole("button", { name: "Save your answer" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Your answer has been saved: Going");
    await browser.check(page, "meeting-answered");
    expect(await services().meetings.answerOf(meeting.id, SAM)).toBe("going");
    const redrawn = h.slack.lastCall("chat.update");
    expect(JSON.stringify(redrawn?.args.blocks)).toContain("*1* going");
    // A member by email is named by the name they gave, not as a mention.
    expect(JSON.stringify(redrawn?.args.blocks)).toContain("*Going:* Sam Patel (by email)");

    // Answering again replaces the answer.
    await page.getByLabel("Maybe").check();
    await page.getByRole("button", { name: "Save your answer" }).click();
    expect(await services().meetings.answerOf(meeting.id, SAM)).toBe("maybe");
    expect(await h.db.meetingRsvp.count({ where: { meetingId: meeting.id } })).toBe(1);
  });

  it("says a problem affects their organisation too, and takes it back", async () => {
    await joinSam();
    const community = await services().communities.byId(communityId);
    const { problem } = await services().problems.log(
      community,
      "U0ALICE",
      checkProblemDraft({ title: "People register twice", description: "Once with each department.", affects: ["hmrc"] }),
      "command",
      null,
      null,
    );
    const page = await browser.page();
    await page.goto(local(services().pageLinks.vote(SAM, problem.id, h.clock.now())));
    expect(await heading(page)).toBe("People register twice");
    await browser.check(page, "problem");
    await page.getByRole("button", { name: "This affects HM Revenue & Customs (HMRC) too" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Your vote has been counted");
    expect((await services().problemVotes.voteState(problem.id, SAM)).voted).toBe(true);
    // Reloading the page sends nothing again.
    await page.reload();
    expect((await services().problemVotes.voteState(problem.id, SAM)).card.tally.votes).toBe(1);
    await page.getByRole("button", { name: "Take back my vote" }).click();
    expect((await services().problemVotes.voteState(problem.id, SAM)).voted).toBe(false);
  });

  it("refuses a vote from someone who is not a member, and counts nothing", async () => {
    // Invited but never joined: the link is genuine, the person is not in.
    await inviteSam();
    const community = await services().communities.byId(communityId);
    const { problem } = await services().problems.log(
      community,
      "U0ALICE",
      checkProblemDraft({ title: "Letters go to old addresses", description: "Nobody shares moves.", affects: ["hmrc"] }),
      "command",
      null,
      null,
    );
    const page = await browser.page();
    const response = await page.goto(local(services().pageLinks.vote(SAM, problem.id, h.clock.now())));
    expect(response?.status()).toBe(403);
    expect(await heading(page)).toBe("Only members can say a problem affects them");
    await browser.check(page, "problem refused");
    expect((await services().problemVotes.voteState(problem.id, SAM)).card.tally.votes).toBe(0);
  });

  it("marks an action done or moves its date, with the error summary for a date that is not real or has passed", async () => {
    await joinSam();
    const meeting = await seedMeeting(h, communityId, "2026-03-03T10:00", { by: "U0ALICE", channel, now: h.clock.now() });
    const action = await h.db.actionItem.create({
      data: {
        meetingId: meeting.id,
        communityId,
        title: "Share the research plan",
        ownerId: SAM,
        dueOn: "2026-03-20",
        position: 0,
        createdBy: "U0ALICE",
      },
    });
    const page = await browser.page();
    await page.goto(local(services().pageLinks.action(SAM, action, h.clock.now())));
    expect(await heading(page)).toBe("Share the research plan");
    await browser.check(page, "action");
    const setDate = async (day: string, month: string, year: string) => {
      await page.getByLabel("Day").fill(day);
      await page.getByLabel("Month").fill(month);
      await page.getByLabel("Year").fill(year);
      await page.getByRole("button", { name: "Change the due date" }).click();
    };
    await setDate("31", "2", "2026");
    expect(await page.locator(".govuk-error-summary").textContent()).toContain(
      "Enter the new due date as a real date, for example 27 3 2027",
    );
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel("Day").inputValue()).toBe("31");
    await browser.check(page, "action with an error");
    await setDate("1", "3", "2026");
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("The due date must be today or in the future");
    await setDate("27", "3", "2026");
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("The due date is now Friday 27 March 2026.");
    expect((await h.db.actionItem.findUniqueOrThrow({ where: { id: action.id } })).dueOn).toBe("2026-03-27");
    await page.getByRole("button", { name: "Mark as done" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("You have marked this action as done.");
    expect((await h.db.actionItem.findUniqueOrThrow({ where: { id: action.id } })).status).toBe("done");
    await browser.check(page, "action done");
  });

  it("chooses which emails to get, and unsubscribes with one click (RFC 8058) or from the page", async () => {
    await joinSam();
    const link = services().pageLinks.emailSettings(SAM, communityId, h.clock.now());
    const page = await browser.page();
    await page.goto(local(link));
    expect(await heading(page)).toBe("Your emails");
    await browser.check(page, "email-settings");
    await page.getByLabel("The digest").uncheck();
    await page.getByRole("button", { name: "Save your settings" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Your email settings have been saved");
    expect(await h.db.membership.findFirstOrThrow({ where: { slackUserId: SAM } })).toMatchObject({
      emailMeetings: true,
      emailReminders: true,
      emailDigests: false,
    });

    // A mail client's one-click unsubscribe: a POST with no form token, and no page.
    const oneClick = await fetch(`${local(link)}/unsubscribe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await h.db.membership.findFirstOrThrow({ where: { slackUserId: SAM } })).toMatchObject({
      emailMeetings: false,
      emailReminders: false,
      emailDigests: false,
    });

    // The visible link: opening it changes nothing; its button does.
    await services().memberships.setEmailChoices(communityId, SAM, { emailMeetings: true, emailReminders: true, emailDigests: true });
    await page.goto(`${local(link)}/unsubscribe`);
    expect((await h.db.membership.findFirstOrThrow({ where: { slackUserId: SAM } })).emailDigests).toBe(true);
    await browser.check(page, "unsubscribe");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("You have unsubscribed");
    expect((await h.db.membership.findFirstOrThrow({ where: { slackUserId: SAM } })).emailDigests).toBe(false);
  });

  it("lets a Slack member choose Slack, email or both for each kind, and says plainly when email needs their Slack address first", async () => {
    const bob = `U0BOB${seq}`;
    const address = `bob.${seq}@dwp.gov.uk`;
    const community = await services().communities.byId(communityId);
    await services().memberships.join(community, bob, {
      organisation: "dwp",
      organisationOther: null,
      profession: "policy",
      professionOther: null,
    });
    await services().messageChoices.choose(community, bob, { meetings: "slack", reminders: "email", digests: "none" }, address);
    const link = services().pageLinks.emailSettings(bob, communityId, h.clock.now());
    const page = await browser.page();
    await page.goto(local(link));
    expect(await heading(page)).toBe("How you get messages");
    expect(await page.locator("main").textContent()).toContain(`We email you at ${address}, the address on your Slack profile.`);
    await browser.check(page, "message-settings");
    await page.getByRole("group", { name: "The digest" }).getByLabel("Also in a direct message and by email").check();
    await page.getByRole("group", { name: "Meeting invitations and changes" }).getByLabel("In Slack and by email").check();
    await page.getByRole("button", { name: "Save your settings" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Your settings have been saved");
    expect(await h.db.membership.findFirstOrThrow({ where: { communityId, slackUserId: bob } })).toMatchObject({
      email: address,
      slackMeetings: true,
      emailMeetings: true,
      slackReminders: false,
      emailReminders: true,
      digestByDm: true,
      emailDigests: true,
    });

    // Unsubscribed, reminders (by email only until now) come in Slack again, and the page says so.
    await page.goto(`${local(link)}/unsubscribe`);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("in Slack instead");
    expect(await h.db.membership.findFirstOrThrow({ where: { communityId, slackUserId: bob } })).toMatchObject({
      slackReminders: true,
      emailReminders: false,
      emailMeetings: false,
      emailDigests: false,
    });

    // A Slack member whose address we have never had is told to choose email in Slack first.
    const carol = `U0CAROL${seq}`;
    await services().memberships.join(community, carol, {
      organisation: "dwp",
      organisationOther: null,
      profession: "policy",
      professionOther: null,
    });
    await page.goto(local(services().pageLinks.emailSettings(carol, communityId, h.clock.now())));
    await page.getByRole("group", { name: "Meeting invitations and changes" }).getByLabel("By email", { exact: true }).check();
    await page.getByRole("button", { name: "Save your settings" }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("choose email in Slack first");
    await browser.check(page, "message-settings-error");
    expect((await h.db.membership.findFirstOrThrow({ where: { communityId, slackUserId: carol } })).emailMeetings).toBe(false);
  });
});
