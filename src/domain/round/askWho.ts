// Who the round asks in each organisation: up to two of its members in Slack. Those
// who answered for it in recent rounds first (they know what is going on), then its
// organisers, then whoever joined first; anyone who chose meeting messages by email
// only comes after those who get them in Slack. An organisation whose members all take part
// by email cannot be asked in Slack: it is listed in the post as not asked.
import { organisationKey } from "../members/coverage";
import { isOrganiser } from "../members/organisers";
import { isEmailPerson } from "../members/people";
import { organisationShortLabel } from "../members/profiles";
import type { MembershipRecord, RoundOrganisationRow } from "../ports";

export const ASKED_PER_ORGANISATION = 2;
/** How many of the community's latest updates say who answered recently. */
export const RECENT_ANSWERS = 200;

export interface AskPlan {
  asks: Array<{ organisation: string; personId: string }>;
  /** Organisations with members, none of them in Slack. */
  emailOnly: string[];
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
  const emailOnly: string[] = [];
  for (const [organisation, all] of byOrganisation) {
    const inSlack = all.filter((m) => !isEmailPerson(m.slackUserId));
    if (!inSlack.length) {
      emailOnly.push(organisation);
      continue;
    }
    const answered = recent.get(organisation) ?? [];
    // Whoever answered lately; then those who get meeting messages in Slack (not email only), organisers first.
    const rank = (m: MembershipRecord) => {
      const i = answered.indexOf(m.slackUserId);
      return i >= 0 ? i : answered.length + (m.slackMeetings ? 0 : 2) + (isOrganiser(m) ? 0 : 1);
    };
    const chosen = [...inSlack]
      .sort((a, b) => rank(a) - rank(b) || a.joinedAt.getTime() - b.joinedAt.getTime() || a.slackUserId.localeCompare(b.slackUserId))
      .slice(0, ASKED_PER_ORGANISATION);
    for (const m of chosen) asks.push({ organisation, personId: m.slackUserId });
  }
  return { asks, emailOnly };
}
