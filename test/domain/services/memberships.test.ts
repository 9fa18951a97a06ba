// MembershipService on a real SQLite store with a manual clock: joining, coming back
// and leaving as the domain decides them, without the join modal around them
// (test/flows/membership.test.ts is the same journey through Slack).
import { AppError, ValidationError } from "../../../src/domain/common/errors";
import { seedCommunity } from "../../support/seed";
import { openServices, type ServiceWorld } from "../../support/services";

let w: ServiceWorld;
let community: Awaited<ReturnType<ServiceWorld["services"]["communities"]["byId"]>>;
beforeEach(async () => {
  w = await openServices();
  community = await w.services.communities.byId((await seedCommunity(w, "U0ALICE")).id);
});
afterEach(async () => {
  await w.close();
});

const profile = { organisation: "dwp", organisationOther: null, profession: "user-centred-design", professionOther: null };
const actions = async () =>
  (await w.db.auditEvent.findMany({ where: { communityId: community.id }, orderBy: { createdAt: "asc" } })).map((a) => [
    a.actorId,
    a.action,
  ]);

describe("MembershipService", () => {
  it("joins someone as a member with their profile, dated by the clock, and records it", async () => {
    w.clock.advance(60_000);
    const joined = await w.services.memberships.join(community, "U0BOB", profile);
    expect(joined).toMatchObject({ alreadyMember: false, rejoined: false, invitation: null });
    expect(joined.membership).toMatchObject({
      slackUserId: "U0BOB",
      role: "member",
      status: "active",
      organisation: "dwp",
      joinedAt: w.clock.now(),
    });
    expect(await actions()).toContainEqual(["U0BOB", "member.joined"]);
  });

  it("treats joining again as updating the profile, not as a second join", async () => {
    await w.services.memberships.join(community, "U0BOB", profile);
    const again = await w.services.memberships.join(community, "U0BOB", { ...profile, organisation: "hmrc" });
    expect(again).toMatchObject({ alreadyMember: true, rejoined: false });
    expect(again.membership.organisation).toBe("hmrc");
    expect(await w.db.membership.count({ where: { communityId: community.id, slackUserId: "U0BOB" } })).toBe(1);
    expect((await actions()).filter(([actor]) => actor === "U0BOB").map(([, action]) => action)).toEqual([
      "member.joined",
      "member.profile_updated",
    ]);
  });

  it("refuses a profile without an organisation or a profession, field by field, and writes nothing", async () => {
    const refused = await w.services.memberships.join(community, "U0BOB", { organisation: null, profession: null }).catch((error) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).fieldErrors).sort()).toEqual(["organisation", "profession"]);
    expect(await w.services.memberships.membership(community.id, "U0BOB")).toBeNull();
  });

  it("lets a member leave and come back, which is a rejoin", async () => {
    await w.services.memberships.join(community, "U0BOB", profile);
    await w.services.memberships.leave(community, "U0BOB");
    expect((await w.services.memberships.membership(community.id, "U0BOB"))?.status).toBe("left");
    const back = await w.services.memberships.join(community, "U0BOB", profile);
    expect(back).toMatchObject({ rejoined: true, alreadyMember: false });
  });

  it("keeps the last organiser, and refuses to let someone who is not a member leave", async () => {
    await expect(w.services.memberships.leave(community, "U0ALICE")).rejects.toMatchObject({ code: "last_organiser" });
    await expect(w.services.memberships.leave(community, "U0NOBODY")).rejects.toBeInstanceOf(AppError);
    expect(await w.services.memberships.organisers(community.id)).toEqual(["U0ALICE"]);
  });
});
