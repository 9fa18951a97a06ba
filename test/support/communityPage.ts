// A community worth a web page, for the community page's tests: members from a few
// organisations, open problems with votes and the organisations they name, an
// objective, a journey of three stages with owners, and two meetings coming up.
// The community is seeded through the services (seed.ts); the rest is written
// straight to the database, as the page only reads it.
import type { Harness } from "./harness";
import { seedCommunity, seedMember } from "./seed";

export interface PageWorld {
  communityId: string;
  slug: string;
  channelId: string;
  meetingId: string;
}

export async function seedPageWorld(h: Harness): Promise<PageWorld> {
  const community = await seedCommunity(h, "U0ALICE", {
    name: "Starting a business",
    purpose: "Make starting a business simpler, whichever organisation people meet first.",
    problems: null,
    contactMethods: ["slack_channel", "mailing_list"],
    mailingList: "https://lists.example.gov.uk/starting-a-business",
  });
  await seedMember(h, "U0BOB", community.id, { organisation: "dwp" });
  await seedMember(h, "U0CAROL", community.id, { organisation: "dwp", profession: "policy" });
  await seedMember(h, "U0DAN", community.id, { organisation: "companies-house" });
  const at = (days: number) => new Date(h.clock.now().getTime() + days * 86_400_000);
  const problem = (title: string, days: number, extra: Record<string, unknown> = {}) =>
    h.db.problem.create({
      data: { communityId: community.id, title, source: "command", createdBy: "U0BOB", createdAt: at(-days), ...extra },
    });
  const tax = await problem("People register with HMRC and Companies House separately", 30);
  const licences = await problem("It is unclear which licences a business needs", 20);
  await problem("Business bank accounts take weeks to open", 10);
  await problem("Solved long ago", 40, { status: "solved" });
  await problem("Agree one way to verify a business's identity", 50, {
    status: "objective",
    objectiveOwnerId: "U0BOB",
    objectiveStatus: "in_progress",
    objectiveTargetDate: new Date("2026-06-30T00:00:00Z"),
  });
  await h.db.problemOrganisation.createMany({
    data: [
      { problemId: tax.id, organisation: "hmrc" },
      { problemId: tax.id, organisation: "companies-house" },
      { problemId: licences.id, organisation: "dbt" },
    ],
  });
  await h.db.problemVote.createMany({
    data: [
      { problemId: licences.id, slackUserId: "U0BOB", organisation: "dwp" },
      { problemId: licences.id, slackUserId: "U0DAN", organisation: "companies-house" },
      { problemId: tax.id, slackUserId: "U0CAROL", organisation: "dwp" },
    ],
  });
  const stages = ["Check what you need to do", "Register the company", "Register for tax"];
  for (const [position, title] of stages.entries()) {
    await h.db.journeyStage.create({
      data: {
        communityId: community.id,
        title,
        description: `What the user does at "${title.toLowerCase()}".`,
        link: position === 1 ? "https://www.gov.uk/limited-company-formation" : null,
        position,
        createdBy: "U0ALICE",
        owners: {
          create:
            position === 1
              ? [
                  { organisation: "companies-house", organisationKey: "companies-house", role: "owns" },
                  { organisation: "hmrc", organisationKey: "hmrc", role: "delivers", position: 1 },
                ]
              : [{ organisation: "hmrc", organisationKey: "hmrc", role: "owns" }],
        },
      },
    });
  }
  const meeting = (title: string, days: number) =>
    h.db.meeting.create({
      data: {
        communityId: community.id,
        title,
        startsAt: at(days),
        durationMinutes: 60,
        timezone: "Europe/London",
        videoLink: "https://meet.example.gov.uk/abc",
        place: days > 10 ? "10 South Colonnade, London" : null,
        reminderOffsets: "1440",
        createdBy: "U0ALICE",
      },
    });
  const first = await meeting("Monthly call", 7);
  await meeting("Mapping the journey together", 21);
  await meeting("A meeting that has happened", -3);
  return { communityId: community.id, slug: community.slug, channelId: community.slackChannelId!, meetingId: first.id };
}
