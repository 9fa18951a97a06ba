// The live-projects round's views with the largest realistic data stay inside
// Block Kit's limits: the post of a round with 40 organisations and 400 answers
// (and with the longest titles and stage names), the question, the form with 100
// stages and 50 earlier things, and a page of the delivery timeline; each also for a
// group's round, with the longest group name.

import { DISPLAY_NAME_MAX } from "../../src/domain/invitations/invitationRows";
import type { CommunityRecord, GroupRecord, MeetingRecord, ProjectUpdateRecord, StageRecord } from "../../src/domain/ports";
import { compileRound } from "../../src/domain/round/compile";
import { UPDATES_PAGE_SIZE } from "../../src/domain/round/timeline";
import { ORGANISATIONS } from "../../src/reference/organisations";
import { roundQuestionDm, roundUpdateModal } from "../../src/views/round";
import { roundAgendaTitle, roundPostMessage } from "../../src/views/roundPost";
import { updatesMessage } from "../../src/views/updates";
import { blockKitProblems } from "../support/blockKit";

const community: CommunityRecord = {
  id: "c1",
  workspaceId: "w",
  name: "N".repeat(80),
  slug: "n",
  service: "S".repeat(150),
  purpose: "",
  meetingCadence: "monthly",
  slackChannelId: "C1",
  timezone: "Europe/London",
  problemThreshold: 3,
  membersCanSchedule: false,
  reminderOffsets: [1440],
  bankHolidays: "england-and-wales",
  roundDaysBefore: 3,
  digest: { cadence: "weekly", weekday: 1, monthDay: 1, time: "09:00" },
  createdBy: "U1",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  archivedAt: null,
  contactMethods: [],
  page: { visibility: "link_only", version: 0 },
};

const meeting: MeetingRecord = {
  id: "m1",
  communityId: "c1",
  groupId: null,
  seriesId: null,
  occurrence: 0,
  title: "T".repeat(150),
  startsAt: new Date("2026-04-07T09:00:00Z"),
  durationMinutes: 60,
  timezone: "Europe/London",
  videoLink: null,
  place: null,
  agenda: "",
  reminderOffsets: [],
  status: "scheduled",
  sequence: 0,
  createdBy: "U1",
  announcementChannelId: null,
  announcementTs: null,
  createdAt: new Date("2026-03-01T00:00:00Z"),
  cancelledAt: null,
};

const group: GroupRecord = {
  id: "g1",
  communityId: "c1",
  name: "G".repeat(80),
  focus: "",
  slackChannelId: "C0GROUP",
  createdBy: "U1",
  createdAt: new Date("2026-01-01T00:00:00Z"),
};

const stages = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, title: `${"Stage ".repeat(25)}${i}`.slice(0, 150), position: i }));
const longest = [...ORGANISATIONS].sort((a, b) => b.name.length - a.name.length).slice(0, 40);

function update(i: number, organisation: (typeof longest)[number]): ProjectUpdateRecord {
  return {
    id: `u${i}`,
    communityId: "c1",
    meetingId: "m1",
    organisation: organisation.id,
    organisationName: organisation.name,
    projectKey: `k${i}`,
    title: `${"A change with a long name ".repeat(6)}`.slice(0, 150),
    state: "policy_clearance",
    expectedOn: "2026-12-31",
    nothingNew: false,
    stages: stages.slice(i % 90, (i % 90) + 6),
    // Every third answer from a member by email, with a name at its longest that escapes the most.
    answeredBy: i % 3 ? `U${String(i).padStart(8, "0")}` : `mail:${String(i).padStart(40, "0")}`,
    answeredByName: i % 3 ? null : "&".repeat(DISPLAY_NAME_MAX),
    createdAt: new Date(Date.UTC(2026, 2, 30, 10, i % 60)),
    meeting: { id: "m1", title: meeting.title, startsAt: meeting.startsAt, timezone: meeting.timezone },
    group: i % 2 ? { id: group.id, name: group.name } : null,
  };
}

describe("the round's views at their largest", () => {
  it("the post of a round with 40 organisations and 400 answers is one message within the limits, and says what did not fit", () => {
    const updates = Array.from({ length: 400 }, (_, i) => update(i, longest[i % 40]));
    const summary = compileRound({
      asks: longest.map((o) => ({ meetingId: "m1", organisation: o.id, personId: `U${o.id}` })),
      updates,
      labels: new Map(longest.map((o) => [o.id, o.name])),
      emailOnly: [],
    });
    expect(summary.told).toHaveLength(40);
    for (const of of [null, group]) {
      const post = roundPostMessage({ meeting, community, group: of, summary, onAgenda: true });
      expect(blockKitProblems(post.blocks, "message")).toEqual([]);
      expect(post.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(post.blocks.at(-1))).toMatch(/and \d+ more updates that did not fit here/);
    }
    expect(roundAgendaTitle(summary).length).toBeLessThanOrEqual(150);
  });

  it("a round where none of 40 organisations answered names them all", () => {
    const summary = compileRound({
      asks: longest.map((o) => ({ meetingId: "m1", organisation: o.id, personId: `U${o.id}` })),
      updates: [],
      labels: new Map(longest.map((o) => [o.id, o.name])),
      emailOnly: ORGANISATIONS.slice(0, 40).map((o) => o.id),
    });
    for (const of of [null, group]) {
      const post = roundPostMessage({ meeting, community, group: of, summary, onAgenda: true });
      expect(blockKitProblems(post.blocks, "message")).toEqual([]);
      expect(post.blocks[1].type).toBe("section");
    }
  });

  it("the question, the form and a page of the timeline", () => {
    const told = Array.from({ length: 30 }, (_, i) => update(i, longest[0]));
    const question = roundQuestionDm({
      meeting,
      community,
      group,
      organisation: { key: longest[0].id, label: longest[0].name },
      when: "reminder",
      askedWith: ["U1", "U2"],
      postAt: new Date("2026-04-06T14:00:00Z"),
      told,
      nothingNew: false,
    });
    expect(blockKitProblems(question.blocks, "message")).toEqual([]);
    const stageRecords = stages.map((s) => ({ ...s, status: "accepted" }) as unknown as StageRecord);
    const form = roundUpdateModal(
      {
        meeting,
        community,
        group,
        organisation: { key: "x", label: longest[0].name },
        stages: stageRecords,
        earlier: told.concat(told).slice(0, 50),
      },
      JSON.stringify({ meetingId: "m1", channel: "D0123456789", ts: "1234567890.123456" }),
    );
    expect(blockKitProblems(form.blocks as never[], "modal", form)).toEqual([]);
    const projects = Array.from({ length: UPDATES_PAGE_SIZE }, (_, p) => ({
      projectKey: `k${p}`,
      organisation: longest[p].id,
      label: longest[p].name,
      updates: Array.from({ length: 20 }, (_, i) => update(p * 20 + i, longest[p])),
    }));
    const page = updatesMessage({ community, organisation: null, projects, total: 400, page: 3, pageCount: 40 });
    expect(blockKitProblems(page.blocks, "message")).toEqual([]);
  });
});
