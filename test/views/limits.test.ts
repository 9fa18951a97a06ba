// The largest realistic data, rendered by every view, stays inside Block Kit's limits.
import type { Charter } from "../../src/domain/communities";
import type { CommunityRecord, MembershipRecord } from "../../src/domain/ports";
import { ORGANISATIONS } from "../../src/reference/organisations";
import { charterMessage, welcomeMessage } from "../../src/views/charter";
import { communityListMessage } from "../../src/views/communityList";
import { createCommunityModal } from "../../src/views/createCommunityModal";
import { helpMessage } from "../../src/views/help";
import { HOME_COMMUNITIES_SHOWN, homeView } from "../../src/views/home";
import { joinCommunityModal } from "../../src/views/joinCommunityModal";
import { helpEntries } from "../../src/app/commands/registry";
import { problemCardMessage, promotionSuggestion } from "../../src/views/problemCard";
import { problemModal } from "../../src/views/problemModal";
import { editProblemModal, problemDetailsModal } from "../../src/views/problemDetails";
import { duplicateModal, objectiveModal } from "../../src/views/problemDecisions";
import { blockKitProblems } from "../support/blockKit";

const longest = ORGANISATIONS.reduce((a, b) => (a.name.length >= b.name.length ? a : b));

function community(i: number): CommunityRecord {
  return {
    id: `c${i}`,
    workspaceId: "w",
    name: `${"Starting and running a business across the United Kingdom ".slice(0, 70)} ${i}`.padEnd(80, "x"),
    slug: `s${i}`,
    service: "S".repeat(150),
    purpose: "P&<>".repeat(250),
    meetingCadence: "every_two_months",
    slackChannelId: `C${i}`,
    timezone: "America/Argentina/ComodRivadavia",
    problemThreshold: 3,
    membersCanSchedule: false,
    reminderOffsets: [10080, 1440, 60],
    createdBy: "U1",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    archivedAt: null,
    contactMethods: [
      { kind: "slack_channel", link: null },
      { kind: "mailing_list", link: `https://lists.example.gov.uk/${"x".repeat(500)}` },
      { kind: "regular_calls", link: `https://teams.example.com/${"y".repeat(500)}` },
      { kind: "trello", link: `https://trello.com/b/${"z".repeat(500)}` },
    ],
  };
}

function organiser(i: number): MembershipRecord {
  return {
    id: `m${i}`,
    communityId: "c1",
    slackUserId: `U${i}`,
    organisation: longest.id,
    organisationOther: null,
    profession: "policy",
    professionOther: null,
    role: "organiser",
    status: "active",
    joinedAt: new Date(),
    leftAt: null,
  };
}

function objectives(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `o${i}`,
    communityId: "c1",
    title: `${i}`.padEnd(150, "o"),
    objectiveStatus: "in_progress",
    ownerId: `U${i}`,
    targetDate: new Date("2027-06-01T00:00:00Z"),
  }));
}

const bigCharter: Charter = {
  community: community(1),
  objectives: objectives(12),
  organisers: Array.from({ length: 40 }, (_, i) => organiser(i)),
  memberCount: 5000,
  problems: { items: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, title: `${i}`.padEnd(150, "p"), status: "open" })), total: 2000 },
};

describe("Block Kit limits with the largest realistic data", () => {
  it("help", () => {
    const message = helpMessage(helpEntries(), { unknown: "x".repeat(3000), suggestion: "list" });
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
  });

  it("a page of the community list", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ ...community(i), memberCount: 5000, viewerIsMember: i === 2 }));
    const message = communityListMessage({ items, total: 500, page: 3, pageCount: 50 });
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
  });

  it("the charter and the welcome message", () => {
    expect(blockKitProblems(charterMessage(bigCharter, false).blocks, "message")).toEqual([]);
    expect(blockKitProblems(welcomeMessage(bigCharter).blocks, "message")).toEqual([]);
  });

  it("App Home with more communities than it shows", () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({ community: community(i), membership: organiser(i), memberCount: 5000, objectives: objectives(8) }));
    const view = homeView(entries) as any;
    expect(blockKitProblems(view.blocks, "home")).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain(`…and ${300 - HOME_COMMUNITIES_SHOWN} more`);
  });

  it("the create and join modals", () => {
    const create = createCommunityModal({ name: "n".repeat(80), timezone: "America/Argentina/ComodRivadavia", now: new Date(), privateMetadata: JSON.stringify({ channelId: "C123" }) }) as any;
    expect(blockKitProblems(create.blocks, "modal", create)).toEqual([]);
    const join = joinCommunityModal({
      community: { id: "c1", name: "n".repeat(80), service: "s".repeat(150) },
      defaults: { organisation: { id: longest.id, label: longest.name }, profession: "economics" },
      privateMetadata: JSON.stringify({ communityId: "c".repeat(30), channelId: "C123" }),
    }) as any;
    expect(blockKitProblems(join.blocks, "modal", join)).toEqual([]);
  });

  it("a problem's card and the problem modal", () => {
    const card = {
      community: community(1),
      tally: { votes: 5000, organisations: 140 },
      problem: {
        id: "p1",
        communityId: "c1",
        title: "t".repeat(150),
        description: "d&<>".repeat(750),
        stage: "s".repeat(150),
        link: `https://example.gov.uk/${"l".repeat(1000)}`,
        status: "objective" as const,
        source: "message_shortcut" as const,
        createdBy: "U1",
        createdAt: new Date(),
        messagePermalink: `https://test.slack.com/archives/C1/p${"1".repeat(16)}`,
        announcementChannelId: "C1",
        announcementTs: "1.2",
        affects: ORGANISATIONS.slice(0, 30).map((o) => o.id),
        duplicateOf: { id: "p0", title: "d".repeat(150) },
        objective: { ownerId: "U9", targetDate: new Date("2027-01-01T00:00:00Z"), status: "in_progress" },
      },
    };
    expect(blockKitProblems(problemCardMessage(card).blocks, "message")).toEqual([]);
    expect(blockKitProblems(promotionSuggestion(card).blocks, "message")).toEqual([]);
    const history = Array.from({ length: 500 }, (_, i) => ({ actorId: `U${i}`, from: "open" as const, to: "objective" as const, at: new Date() }));
    const details = problemDetailsModal({ card, history, viewerIsAuthor: true }) as any;
    expect(blockKitProblems(details.blocks, "modal", details)).toEqual([]);
    for (const modal of [objectiveModal(card.problem, "{}"), duplicateModal(card.problem, "{}")] as any[]) {
      expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
    }
    const edit = editProblemModal(card.problem, JSON.stringify({ problemId: "p1" })) as any;
    expect(blockKitProblems(edit.blocks, "modal", edit)).toEqual([]);
    const modal = problemModal({ title: "t".repeat(200), description: "d".repeat(4000), privateMetadata: "{}" }) as any;
    expect(blockKitProblems(modal.blocks, "modal", modal)).toEqual([]);
    expect(modal.blocks.find((b: any) => b.block_id === "title").element.initial_value).toHaveLength(150);
  });

  it("the checker itself catches an over-long section and too many blocks", () => {
    expect(blockKitProblems([{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }], "message")).toHaveLength(1);
    expect(blockKitProblems(Array.from({ length: 51 }, () => ({ type: "divider" })), "message")).toHaveLength(1);
  });
});
