// Members by email, on a real SQLite store with a manual clock: invited at an
// address, they accept from their personal link (no workspace to check: the
// signed link is the authority), and take part as any member does: answering
// meetings, voting, choosing their emails. The web pages (test/web) drive the
// same services through a browser.
import { DateTime } from "luxon";
import { ValidationError } from "../../../src/domain/common/errors";
import { checkMeetingDraft } from "../../../src/domain/meetings/meetingDraft";
import { reminderDeliveries } from "../../../src/domain/meetings/reminders";
import { emailPersonId } from "../../../src/domain/members/people";
import { checkProblemDraft } from "../../../src/domain/problems/problemDraft";
import { seedCommunity } from "../../support/seed";
import { openServices, type ServiceWorld } from "../../support/services";

let w: ServiceWorld;
let community: Awaited<ReturnType<ServiceWorld["services"]["communities"]["byId"]>>;
beforeEach(async () => {
  w = await openServices(); // Monday 2 March 2026, 10:00Z
  community = await w.services.communities.byId((await seedCommunity(w, "U0ALICE")).id);
});
afterEach(async () => {
  await w.close();
});

const ANA = emailPersonId("Ana.Lopez@Companies-House.gov.uk");
const profile = { organisation: "companies-house", organisationOther: null, profession: "policy", professionOther: null };

async function inviteAna() {
  const { outcomes } = await w.services.invitations.invite({
    community,
    inviterId: "U0ALICE",
    people: [{ userId: ANA, email: "Ana.Lopez@Companies-House.gov.uk" }],
    message: "Join us",
    requestId: "V1",
  });
  expect(outcomes).toEqual([expect.objectContaining({ kind: "invited", userId: ANA })]);
  return (outcomes[0] as Extract<(typeof outcomes)[0], { kind: "invited" }>).invitation;
}

describe("members by email", () => {
  it("are invited without a DM to send or remind: only the inviter's expiry note is planned", async () => {
    const invitation = await inviteAna();
    const planned = await w.db.outboxMessage.findMany({ where: { subjectId: invitation.id } });
    expect(planned.map((r) => [r.kind, r.target])).toEqual([["invitation_expiry", "U0ALICE"]]);
  });

  it("accept from the link with a name, an organisation and a profession, and are a member by email with every email on", async () => {
    const invitation = await inviteAna();
    const missing = await w.services.invitations
      .accept(null, invitation.id, ANA, { ...profile, organisation: null, displayName: "  " })
      .catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(Object.keys((missing as ValidationError).fieldErrors).sort()).toEqual(["displayName", "organisation"]);
    expect((await w.services.invitations.toAnswer(null, invitation.id, ANA)).invitation.status).toBe("pending");

    const { membership } = await w.services.invitations.accept(null, invitation.id, ANA, { ...profile, displayName: " Ana  Lopez " });
    expect(membership).toMatchObject({
      slackUserId: ANA,
      email: "ana.lopez@companies-house.gov.uk",
      displayName: "Ana Lopez",
      organisation: "companies-house",
      emailMeetings: true,
      emailReminders: true,
      emailDigests: true,
    });
    // A second use of the same link finds it answered.
    await expect(w.services.invitations.accept(null, invitation.id, ANA, { ...profile, displayName: "Ana" })).rejects.toMatchObject({
      code: "gone",
    });
    // Someone else's person id cannot answer it.
    await expect(w.services.invitations.toAnswer(null, invitation.id, emailPersonId("eve@example.com"))).rejects.toMatchObject({
      code: "not_found",
    });
    // They count for their organisation like anyone else.
    const coverage = await w.services.coverage.page(community, 0);
    expect(coverage.organisations.map((g) => g.label)).toContain("Companies House");
  });

  it("answer a meeting and vote on a problem from their links, and choose their emails", async () => {
    const invitation = await inviteAna();
    await w.services.invitations.accept(null, invitation.id, ANA, { ...profile, displayName: "Ana" });

    const draft = checkMeetingDraft(
      {
        title: "Show and tell",
        videoLink: "https://teams.example.gov.uk/meet/123",
        start: String(DateTime.fromISO("2026-03-10T10:00", { zone: "Europe/London" }).toSeconds()),
        duration: "60",
        recurrence: "none",
        reminders: ["60"],
      },
      { zone: community.timezone, pickerZone: "Europe/London", now: w.clock.now() },
    );
    const [meeting] = (await w.services.meetings.schedule(community, "U0ALICE", draft, null)).meetings;
    await w.services.meetings.answer(null, meeting.id, ANA, "maybe");
    const card = await w.services.meetings.answer(null, meeting.id, ANA, "going");
    expect(card.tally.going).toBe(1);
    expect(await w.services.meetings.answerOf(meeting.id, ANA)).toBe("going");

    const { problem } = await w.services.problems.log(
      community,
      "U0ALICE",
      checkProblemDraft({ title: "People register twice", description: "Once with each department." }),
      "command",
      null,
      null,
    );
    const on = await w.services.problemVotes.setVote(problem.id, ANA, true);
    const again = await w.services.problemVotes.setVote(problem.id, ANA, true);
    expect([on.voted, again.voted, again.card.tally.votes]).toEqual([true, true, 1]);
    expect((await w.services.problemVotes.voteState(problem.id, ANA)).voted).toBe(true);
    await w.services.problemVotes.setVote(problem.id, ANA, false);
    expect((await w.services.problemVotes.voteState(problem.id, ANA)).card.tally.votes).toBe(0);
    // A person who is not a member has no organisation to vote for.
    await expect(w.services.problemVotes.setVote(problem.id, emailPersonId("eve@example.com"), true)).rejects.toMatchObject({
      code: "forbidden",
    });

    const off = { emailMeetings: false, emailReminders: false, emailDigests: false };
    expect(await w.services.memberships.setEmailChoices(community.id, ANA, off)).toMatchObject(off);
    await expect(w.services.memberships.emailSettings(community.id, emailPersonId("eve@example.com"))).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("what members by email are not sent in Slack", () => {
  it("plans no reminder DM for them (their reminder is an email), only for Slack members", async () => {
    const meeting = { id: "m1", communityId: community.id } as Parameters<typeof reminderDeliveries>[0];
    const rows = reminderDeliveries(meeting, { offset: 60, startsAt: "2026-03-10T10:00:00.000Z" }, ["U0BOB", ANA], null, w.clock.now());
    expect(rows.map((r) => r.target)).toEqual(["U0BOB"]);
  });
});
