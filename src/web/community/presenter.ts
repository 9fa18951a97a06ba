// A community's web page as its template shows it: every value already in words
// (dates in the community's or meeting's zone, counts, organisations' short names,
// objectives' progress), so the template only lays them out. Plain text throughout:
// the template escapes it. Links are only those the bot makes (calendar files, the
// Slack channel, a stage's GOV.UK link as its organisers typed it, and the contact
// methods' links from the charter), each checked to be http(s).
import type { CommunityPageData } from "../../domain/communities/communityPage";
import { organisationShortLabel } from "../../domain/members/profiles";
import type { PageProblem, StageRecord } from "../../domain/ports";
import { dates, labels, webWords } from "../../i18n";

/** Organisations the page names before "and N more" (the rest behind a "Show all"). */
const ORGANISATIONS_SHOWN = 12;

const STATUS_COLOURS: Readonly<Record<string, string>> = { open: "grey", in_progress: "blue", done: "green" };

export interface CommunityPageView {
  pageTitle: string;
  name: string;
  service: string;
  purpose: string;
  cadence: string;
  zone: string;
  started: string;
  membersLine: string;
  contactMethods: Array<{ label: string; href: string | null }>;
  objectives: { rows: Array<{ title: string; owner: string; target: string; status: string; colour: string }>; note: string | null };
  problems: { rows: Array<{ title: string; votes: string; affected: string }>; note: string | null };
  steps: Array<{ number: number; title: string; description: string; href: string | null; owners: string }>;
  meetings: { items: Array<{ title: string; when: string; where: string; calendarUrl: string }>; note: string | null };
  represented: { shown: string[]; more: string[] };
  missing: string[];
  join: { slackUrl: string | null; command: string };
}

export interface PresenterLinks {
  /** The calendar file's signed link for a meeting (a path on this server). */
  calendar(meetingId: string): string;
  /** Slack's web address (https://slack.com, or a government host), from SLACK_API_URL. */
  slackWeb: string;
}

/** Only http(s) links become links; anything else (javascript:, data:) stays text. */
function safeHref(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function organisationOfKey(key: string, known: Map<string, string>): string {
  return (
    known.get(key) ?? (key.startsWith("other:") ? key.slice(6) : organisationShortLabel({ organisation: key, organisationOther: null }))
  );
}

function stageOwners(stage: StageRecord): string {
  const owners = stage.owners.filter((o) => o.role === "owns").map(organisationShortLabel);
  const deliverers = stage.owners.filter((o) => o.role === "delivers").map(organisationShortLabel);
  return webWords.communityPage.stageOwners(owners, deliverers);
}

export function presentCommunityPage(data: CommunityPageData, links: PresenterLinks): CommunityPageView {
  const { community } = data;
  const words = webWords.communityPage;
  const known = new Map(data.represented.map((o) => [o.key, o.label]));
  const problemRow = (p: PageProblem) => ({
    title: p.title,
    votes: words.count(p.votes, "vote"),
    affected: words.list(p.affected.map((key) => organisationOfKey(key, known))),
  });
  const organisations = data.represented.map((o) => words.organisationWithMembers(o.label, o.members));
  return {
    pageTitle: community.name,
    name: community.name,
    service: community.service,
    purpose: community.purpose,
    cadence: labels.cadences[community.meetingCadence] ?? community.meetingCadence,
    zone: dates.zoneName(community.timezone),
    started: dates.longDate(community.createdAt, community.timezone),
    membersLine: `${words.count(data.memberCount, "member")} from ${words.count(data.represented.length, "organisation")}`,
    contactMethods: community.contactMethods.map((m) => ({
      label: labels.contactMethods[m.kind]?.label ?? m.kind,
      href: m.kind === "slack_channel" ? null : safeHref(m.link),
    })),
    objectives: {
      rows: data.objectives.items.map((o) => ({
        title: o.title,
        owner: o.ownerOrganisation ? organisationShortLabel(o.ownerOrganisation) : "",
        target: o.targetDate ? dates.calendarDate(o.targetDate) : "",
        status: words.objectiveStatus[o.objectiveStatus] ?? o.objectiveStatus,
        colour: STATUS_COLOURS[o.objectiveStatus] ?? "grey",
      })),
      note:
        data.objectives.total > data.objectives.items.length
          ? words.objectivesShown(data.objectives.items.length, data.objectives.total)
          : null,
    },
    problems: {
      rows: data.problems.items.map(problemRow),
      note: data.problems.total > data.problems.items.length ? words.problemsShown(data.problems.items.length, data.problems.total) : null,
    },
    steps: data.stages.map((stage, i) => ({
      number: i + 1,
      title: stage.title,
      description: stage.description,
      href: safeHref(stage.link),
      owners: stageOwners(stage),
    })),
    meetings: {
      items: data.meetings.items.map((m) => ({
        title: m.title,
        when: dates.timeSpan(m.startsAt, new Date(m.startsAt.getTime() + m.durationMinutes * 60_000), m.timezone),
        where: words.meetingPlace(m.place, Boolean(m.videoLink)),
        calendarUrl: links.calendar(m.id),
      })),
      note: data.meetings.total > data.meetings.items.length ? words.meetingsShown(data.meetings.items.length, data.meetings.total) : null,
    },
    represented: { shown: organisations.slice(0, ORGANISATIONS_SHOWN), more: organisations.slice(ORGANISATIONS_SHOWN) },
    missing: data.missing.map((o) => words.missingOrganisation(o.shortLabel, o.problems)),
    join: {
      slackUrl: community.slackChannelId
        ? `${links.slackWeb}/app_redirect?channel=${encodeURIComponent(community.slackChannelId)}${data.teamId ? `&team=${encodeURIComponent(data.teamId)}` : ""}`
        : null,
      command: `/community join ${community.name}`,
    },
  };
}
