// Organisers' control of a community on a real SQLite store with a manual clock:
// editing the charter and its history, archiving and unarchiving, deleting.
// test/flows/charter.test.ts is the same through Slack's forms and buttons.
import { AppError, ValidationError } from "../../../src/domain/common/errors";
import { type CharterEdit, charterFieldsOf } from "../../../src/domain/communities/charterChanges";
import type { CharterFields } from "../../../src/domain/communities/communityDraft";
import { checkCharterEdit, checkCommunityDraft } from "../../../src/domain/communities/communityDraft";
import { createFields } from "../../support/flows";
import { TEAM_ID } from "../../support/harness";
import { seedCommunity, seedMember } from "../../support/seed";
import { openServices, type ServiceWorld } from "../../support/services";

const team = { teamId: TEAM_ID };
let w: ServiceWorld;
let communityId: string;
beforeEach(async () => {
  w = await openServices();
  communityId = (await seedCommunity(w, "U0ALICE", { name: "Starting a business", service: "Starting a business" })).id;
  await seedMember(w, "U0BOB", communityId);
});
afterEach(async () => {
  await w.close();
});

async function fields(change: Partial<CharterFields> = {}): Promise<CharterFields> {
  return { ...charterFieldsOf(await w.services.communities.byId(communityId)), ...change };
}

function changed(edit: CharterEdit) {
  if (edit.kind !== "changed") throw new Error("expected a change");
  return edit;
}

describe("editing the charter", () => {
  it("changes each field, records who, when and each field's old and new value, and shows it as history", async () => {
    const before = await fields();
    w.clock.advance(60_000);
    const edit = changed(
      await w.services.charter.edit(
        team,
        communityId,
        "U0ALICE",
        await fields({
          name: "Start a business",
          purpose: "Make it simpler",
          cadence: "quarterly",
          contactMethods: [{ kind: "trello", link: "https://trello.com/b/x" }],
        }),
      ),
    );
    expect(edit.changes.map((c) => c.field)).toEqual(["name", "purpose", "cadence", "contactMethods"]);
    expect(edit.changes[0]).toEqual({ field: "name", from: "Starting a business", to: "Start a business" });
    expect(edit.community).toMatchObject({ name: "Start a business", purpose: "Make it simpler", meetingCadence: "quarterly" });
    expect(edit.community.contactMethods).toEqual([{ kind: "trello", link: "https://trello.com/b/x" }]);

    w.clock.advance(60_000);
    changed(await w.services.charter.edit(team, communityId, "U0ALICE", await fields({ service: "Registering a business" })));
    const history = await w.services.charter.history(team, communityId);
    expect(history.total).toBe(2);
    expect(history.revisions.map((r) => [r.actorId, r.at.getTime(), r.changes.map((c) => c.field)])).toEqual([
      ["U0ALICE", w.clock.now().getTime(), ["service"]],
      ["U0ALICE", w.clock.now().getTime() - 60_000, ["name", "purpose", "cadence", "contactMethods"]],
    ]);
    expect(history.revisions[1].changes.find((c) => c.field === "contactMethods")).toEqual({
      field: "contactMethods",
      from: before.contactMethods,
      to: [{ kind: "trello", link: "https://trello.com/b/x" }],
    });
  });

  it("keeps the slug and the channel, and finds the community by its new name and its old slug", async () => {
    const { slug, slackChannelId } = await w.db.community.findUniqueOrThrow({ where: { id: communityId } });
    changed(await w.services.charter.edit(team, communityId, "U0ALICE", await fields({ name: "Start a business" })));
    const after = await w.db.community.findUniqueOrThrow({ where: { id: communityId } });
    expect(after).toMatchObject({ slug, slackChannelId, nameKey: "start a business" });
    expect((await w.services.communities.resolve(team, { name: "start a business" }, undefined, "usage")).id).toBe(communityId);
    expect((await w.services.communities.resolve(team, { name: slug }, undefined, "usage")).id).toBe(communityId);
    const listed = await w.services.communities.list(team, "U0BOB", 0);
    expect(listed.items.map((c) => c.name)).toEqual(["Start a business"]);
  });

  it("records and announces nothing when the form is saved unchanged", async () => {
    const edit = await w.services.charter.edit(team, communityId, "U0ALICE", await fields());
    expect(edit.kind).toBe("unchanged");
    expect((await w.services.charter.history(team, communityId)).total).toBe(0);
  });

  it("refuses a name another community has, beside the name, and changes nothing", async () => {
    await seedCommunity(w, "U0CAROL", { name: "Employing people", service: "Employing people" });
    const refused = await w.services.charter
      .edit(team, communityId, "U0ALICE", await fields({ name: "employing  PEOPLE", purpose: "x" }))
      .catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.name).toMatchObject({ key: "community.name_taken", name: "Employing people" });
    expect((await w.services.communities.byId(communityId)).purpose).not.toBe("x");
  });

  it("lets a rename racing a create of the same name win only once", async () => {
    const draft = checkCommunityDraft({
      ...createFields({ name: "Employing people", service: "Employing people", channel: "sc-employing" }),
      links: {},
      newChannelName: "sc-employing",
    });
    const [rename, create] = await Promise.allSettled([
      w.services.charter.edit(team, communityId, "U0ALICE", await fields({ name: "Employing people" })),
      w.services.communities.create(team, "U0CAROL", draft, null),
    ]);
    const outcomes = [rename.status, create.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const lost = (rename.status === "rejected" ? rename.reason : (create as PromiseRejectedResult).reason) as ValidationError;
    expect(lost.fieldErrors.name).toMatchObject({ key: "community.name_taken" });
    expect(await w.db.community.count({ where: { nameKey: "employing people" } })).toBe(1);
  });

  it("refuses a member who is not an organiser, and someone from another workspace", async () => {
    await expect(w.services.charter.edit(team, communityId, "U0BOB", await fields({ purpose: "x" }))).rejects.toMatchObject({
      code: "forbidden",
      reason: { key: "organisers.only", action: "edit_charter" },
    });
    await expect(
      w.services.charter.edit({ teamId: "T0OTHER" }, communityId, "U0ALICE", await fields({ purpose: "x" })),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("checks the fields by the create form's rules, every field at once", () => {
    const refused = (() => {
      try {
        return checkCharterEdit({ name: "ab", service: "", cadence: "weekly", links: { trello: "not a link" } });
      } catch (error) {
        return error;
      }
    })();
    expect(Object.keys((refused as ValidationError).fieldErrors).sort()).toEqual(["cadence", "link_trello", "name", "service"]);
  });
});

describe("archiving and unarchiving", () => {
  it("takes the community out of the list, search and lookups, keeps its data, and brings it back", async () => {
    const archived = await w.services.lifecycle.archive(team, communityId, "U0ALICE");
    expect(archived.archivedAt).toEqual(w.clock.now());
    expect((await w.services.communities.list(team, "U0ALICE", 0)).total).toBe(0);
    expect(await w.services.communities.search(team, "start", 10)).toEqual([]);
    await expect(w.services.communities.resolve(team, { name: "Starting a business" }, undefined, "usage")).rejects.toMatchObject({
      code: "gone",
      reason: { key: "community.archived", community: "Starting a business" },
    });
    expect(await w.services.lifecycle.standing(communityId)).toBe("archived");
    expect(await w.db.membership.count({ where: { communityId } })).toBe(2);
    expect((await w.services.lifecycle.archivedFor(team, "U0ALICE")).map((c) => c.id)).toEqual([communityId]);
    expect(await w.services.lifecycle.archivedFor(team, "U0BOB")).toEqual([]);
    expect((await w.services.lifecycle.archivedNamed(team, "U0ALICE", "starting")).id).toBe(communityId);

    await w.services.lifecycle.unarchive(team, communityId, "U0ALICE");
    expect(await w.services.lifecycle.standing(communityId)).toBe("active");
    expect((await w.services.communities.list(team, "U0ALICE", 0)).total).toBe(1);
    expect((await w.db.auditEvent.findMany({ where: { communityId }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual(
      expect.arrayContaining(["community.archived", "community.unarchived"]),
    );
  });

  it("is for organisers only, and says what to do when it is already done", async () => {
    await expect(w.services.lifecycle.archive(team, communityId, "U0BOB")).rejects.toMatchObject({ code: "forbidden" });
    await expect(w.services.lifecycle.unarchive(team, communityId, "U0ALICE")).rejects.toMatchObject({
      reason: { key: "community.not_archived" },
    });
    await w.services.lifecycle.archive(team, communityId, "U0ALICE");
    await expect(w.services.lifecycle.archive(team, communityId, "U0ALICE")).rejects.toMatchObject({
      reason: { key: "community.archived" },
    });
    await expect(w.services.lifecycle.unarchive(team, communityId, "U0BOB")).rejects.toMatchObject({ code: "forbidden" });
    await expect(w.services.lifecycle.archivedNamed(team, "U0BOB", "nothing like it")).rejects.toMatchObject({
      reason: { key: "community.no_archived" },
    });
  });
});

describe("deleting", () => {
  it("needs the community's name typed, then removes its data, skips its waiting messages and says what went", async () => {
    await w.db.outboxMessage.create({
      data: {
        kind: "digest",
        target: "C0X",
        communityId,
        subjectId: communityId,
        dueAt: w.clock.now(),
        availableAt: w.clock.now(),
        dedupeKey: "digest:x",
      },
    });
    await expect(w.services.lifecycle.delete(team, communityId, "U0ALICE", "")).rejects.toMatchObject({
      fieldErrors: { confirm: { key: "community.delete_confirm_missing" } },
    });
    await expect(w.services.lifecycle.delete(team, communityId, "U0ALICE", "Starting a bus")).rejects.toMatchObject({
      fieldErrors: { confirm: { key: "community.delete_confirm_mismatch" } },
    });
    await expect(w.services.lifecycle.delete(team, communityId, "U0BOB", "Starting a business")).rejects.toMatchObject({
      code: "forbidden",
    });

    const deleted = await w.services.lifecycle.delete(team, communityId, "U0ALICE", "  starting A business ");
    expect(deleted.removed).toEqual({ members: 2, problems: 2, meetings: 0, groups: 0, invitations: 0, pendingMessages: 1 });
    expect(await w.db.community.count({ where: { id: communityId } })).toBe(0);
    expect(await w.db.membership.count({ where: { communityId } })).toBe(0);
    expect(await w.db.problem.count({ where: { communityId } })).toBe(0);
    expect(await w.db.auditEvent.count({ where: { communityId } })).toBe(0);
    expect(await w.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "digest:x" } })).toMatchObject({
      status: "skipped",
      lastError: "the community was deleted",
    });
    const record = await w.db.auditEvent.findFirstOrThrow({ where: { action: "community.deleted" } });
    expect(record).toMatchObject({ communityId: null, actorId: "U0ALICE" });
    expect(JSON.parse(record.detail)).toEqual({ communityId, name: "Starting a business" });
    expect(await w.services.lifecycle.standing(communityId)).toBe("deleted");
    await expect(w.services.communities.byId(communityId)).rejects.toBeInstanceOf(AppError);
  });
});
