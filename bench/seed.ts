// The workspace the ack and cold-burst benchmarks run against: 500 communities
// with 1–5 active members each, the same every run (a seeded generator).
import type { Prisma } from "../src/generated/sqlite/client";
import type { Db } from "../src/store/prismaClient";
import { BENCH_TEAM_ID, BENCH_USER_ID, COMMUNITY_COUNT, prng } from "./shared";

const SERVICES = [
  "Starting a business",
  "Registering a death",
  "Applying for a passport",
  "Becoming a childminder",
  "Importing goods",
  "Paying tax as a sole trader",
  "Claiming Universal Credit",
  "Learning to drive",
];

/** 500 communities with 1–5 active members each; the bench user is in every 100th. */
export async function seed(db: Db): Promise<{ communities: number; memberships: number }> {
  const random = prng(20260302);
  const now = new Date("2026-03-02T10:00:00Z");
  const workspace = await db.workspace.create({ data: { teamId: BENCH_TEAM_ID } });
  const communities: Prisma.CommunityCreateManyInput[] = [];
  const memberships: Prisma.MembershipCreateManyInput[] = [];
  for (let i = 0; i < COMMUNITY_COUNT; i++) {
    const n = String(i + 1).padStart(3, "0");
    const service = SERVICES[i % SERVICES.length]!;
    const id = `bench-community-${n}`;
    const name = `${service} ${n}`;
    communities.push({
      id,
      workspaceId: workspace.id,
      name,
      nameKey: name.toLowerCase(),
      slug: `${service.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${n}`,
      service,
      purpose: `Fix the problems people meet when ${service.toLowerCase()}.`,
      meetingCadence: "monthly",
      slackChannelId: `C0BENCH${n}`,
      timezone: "Europe/London",
      createdBy: "U0SEED",
      createdAt: now,
    });
    const members = new Set<string>();
    const count = 1 + Math.floor(random() * 5);
    while (members.size < count) members.add(`U0M${String(Math.floor(random() * 1000)).padStart(4, "0")}`);
    if (i % 100 === 0) members.add(BENCH_USER_ID);
    [...members].forEach((slackUserId, m) => {
      memberships.push({
        communityId: id,
        slackUserId,
        organisation: "hmrc",
        profession: "policy",
        role: m === 0 ? "organiser" : "member",
        status: "active",
        joinedAt: now,
      });
    });
  }
  await db.community.createMany({ data: communities });
  await db.membership.createMany({ data: memberships });
  return { communities: communities.length, memberships: memberships.length };
}
