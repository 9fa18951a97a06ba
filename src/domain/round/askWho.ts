// Who the round asks in each organisation, and how each person asked gets the question.
//
// Up to two members of each organisation: those who answered for it in recent rounds first
// (they know what is going on), then its organisers, then whoever joined first. Members in
// Slack are asked before anyone by email, and anyone who chose meeting messages by email
// only comes after those who get them in Slack. An organisation whose members all take part
// by email has up to two of them asked by email, ranked the same way, among those whose
// address takes mail and who get meeting emails; with none of those, it cannot be asked,
// and the post lists it as not asked.
//
// Each person asked gets the question the way they get meeting messages (the "meetings"
// kind in messagePreferences.ts): in Slack, by email or both, read when it is sent; a
// bounced address brings it back to Slack, as everywhere else.
import { organisationKey } from "../members/coverage";
import { getsEmail, getsSlack } from "../members/messagePreferences";
import { isOrganiser } from "../members/organisers";
import { isEmailPerson } from "../members/people";
import { organisationShortLabel } from "../members/profiles";
import type { MembershipRecord, RoundOrganisationRow } from "../ports";

export const ASKED_PER_ORGANISATION = 2;
/** How many of the community's latest updates say who answered recently. */
export const RECENT_ANSWERS = 200;

export interface AskPlan {
  asks: Array<{ organisation: string; personId: string }>;
  /** Organisations with members, none of whom could be asked (members by email none of whose addresses take meeting emails). */
  notAsked: string[];
}

/** Each organisation's name by key (the first way its members wrote an "Other" one). */
export function organisationLabels(organisations: Array<{ organisation: string; organisationOther: string | null }>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const o of organisations) {
    const key = organisationKey(o);
    if (!labels.has(key)) labels.set(key, organisationShortLabel(o));
  }
  return labels;
}

/** The organisations whose members all take part by email, by key. */
export function emailOnlyOrganisations(organisations: RoundOrganisationRow[]): string[] {
  const inSlack = new Set(organisations.filter((o) => o.inSlack).map(organisationKey));
  return [...new Set(organisations.map(organisationKey))].filter((key) => !inSlack.has(key));
}

/** `recent`: by organisation key, who answered for it lately, latest first. */
export function chooseAsked(members: MembershipRecord[], recent: Map<string, string[]>): AskPlan {
  const byOrganisation = new Map<string, MembershipRecord[]>();
  for (const m of members) {
    if (m.status !== "active") continue;
    const key = organisationKey(m);
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), m]);
  }
  const asks: AskPlan["asks"] = [];
  const notAsked: string[] = [];
  for (const [organisation, all] of byOrganisation) {
    const inSlack = all.filter((m) => !isEmailPerson(m.slackUserId));
    // Members by email only where nobody is in Slack, and only those an email reaches.
    const candidates = inSlack.length ? inSlack : all.filter((m) => getsEmail(m, "meetings"));
    if (!candidates.length) {
      notAsked.push(organisation);
      continue;
    }
    const answered = recent.get(organisation) ?? [];
    // Whoever answered lately; then those who get meeting messages in Slack (not email only), organisers first.
    const rank = (m: MembershipRecord) => {
      const i = answered.indexOf(m.slackUserId);
      return i >= 0 ? i : answered.length + (m.slackMeetings ? 0 : 2) + (isOrganiser(m) ? 0 : 1);
    };
    const chosen = [...candidates]
      .sort((a, b) => rank(a) - rank(b) || a.joinedAt.getTime() - b.joinedAt.getTime() || a.slackUserId.localeCompare(b.slackUserId))
      .slice(0, ASKED_PER_ORGANISATION);
    for (const m of chosen) asks.push({ organisation, personId: m.slackUserId });
  }
  return { asks, notAsked };
}

/** How a person asked gets their question (and its reminder), as they get meeting messages. */
export interface QuestionRoutes {
  slack: boolean;
  email: boolean;
}

/**
 * As the meeting messages they chose: Slack, email or both. A member by email has only email.
 * A Slack member whose choices reach them neither way (email chosen with no address to
 * send to) is asked in Slack, the default: the question is theirs to answer.
 */
export function questionRoutes(member: MembershipRecord): QuestionRoutes {
  const email = getsEmail(member, "meetings");
  if (isEmailPerson(member.slackUserId)) return { slack: false, email };
  return { slack: getsSlack(member, "meetings") || !email, email };
}
