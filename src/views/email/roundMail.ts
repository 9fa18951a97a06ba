// The live-projects round's question by email, and its reminder: for a member of an
// organisation whose members all take part by email, and for a Slack member who gets
// meeting messages by email (src/domain/round/askWho.ts says who). The same question
// as the DM, what the organisation has told so far, when the answers are shared, and
// the person's own link to the round's page, where they answer (roundPage.ts). A
// bulk email: memberEmailToSend adds the footer, List-Unsubscribe and Reply-To.
import type { PlannedEmail } from "../../domain/mail/mail";
import type { RoundQuestion } from "../../domain/round/round";
import { dates, roundWords as words } from "../../i18n";
import { groupTitle } from "../groups";
import { stateText } from "../round";
import { type MemberLinks, memberEmailToSend, memberFooter } from "./bulk";
import type { EmailDocument, EmailPart } from "./document";

/** Updates an email lists before saying how many more (the page lists them all). */
const TOLD_SHOWN = 10;

/** "Show and tell, Tuesday 7 April 2026" */
export function roundMeetingName(meeting: { title: string; startsAt: Date; timezone: string }): string {
  return `${meeting.title}, ${dates.longDate(meeting.startsAt, meeting.timezone)}`;
}

/** "3pm UK time", "Thursday 2 April 2026": a moment of the round, in the community's zone, as two parts. */
export function roundMoment(at: Date, zone: string): { time: string; day: string } {
  return { time: `${dates.clockTime(at, zone)} ${dates.zoneName(zone)}`, day: dates.longDate(at, zone) };
}

/** "Licensing group" for a group's round, null for the community's own. */
export function roundGroupTitle(q: Pick<RoundQuestion, "group">): string | null {
  return q.group ? groupTitle(q.group.name) : null;
}

/** The question in plain text, naming the group for a group's round. */
export function roundQuestionText(q: Pick<RoundQuestion, "organisation" | "community" | "group">): string {
  return words.question(q.organisation.label, q.community.service, roundGroupTitle(q));
}

/** What the organisation has told so far this round, as lines (the email's list, the page's). */
export function toldLines(q: Pick<RoundQuestion, "told">, shown = q.told.length): string[] {
  const lines = q.told.slice(0, shown).map((u) => {
    const told = words.told(u.title, stateText(u));
    return u.stages.length ? `${told}. ${words.stages(u.stages.map((s) => s.title).join(", "))}` : told;
  });
  const more = q.told.length - lines.length;
  if (more > 0) lines.push(words.more(more));
  return lines;
}

export function roundQuestionEmail(q: RoundQuestion, answerUrl: string, links: MemberLinks): EmailDocument {
  const { meeting, community, organisation } = q;
  const name = roundMeetingName(meeting);
  const group = roundGroupTitle(q);
  const post = roundMoment(q.postAt, community.timezone);
  const start = roundMoment(meeting.startsAt, community.timezone);
  const parts: EmailPart[] = [];
  if (q.when === "reminder") parts.push({ kind: "paragraph", text: words.reminderIntro(organisation.label) });
  parts.push(
    { kind: "paragraph", text: words.intro(community.name, name, group) },
    { kind: "heading", text: roundQuestionText(q) },
    { kind: "paragraph", text: `${words.examples} ${words.shared(post.time, post.day, group)}` },
  );
  if (q.askedWith.length) parts.push({ kind: "paragraph", text: words.askedWith(q.askedWith.length, organisation.label) });
  if (q.told.length) {
    parts.push({ kind: "heading", text: words.toldHeading(organisation.label) }, { kind: "list", items: toldLines(q, TOLD_SHOWN) });
  } else if (q.nothingNew) {
    parts.push({ kind: "paragraph", text: words.nothingNew(organisation.label) });
  }
  parts.push(
    { kind: "link", text: words.answerLink(q.told.length > 0), href: answerUrl },
    { kind: "paragraph", text: words.linkUntil(start.time, start.day) },
    memberFooter(community, links, words.why),
  );
  const subject = q.when === "reminder" ? words.subject.reminder(name, group) : words.subject.ask(name, group);
  return { subject, preheader: roundQuestionText(q), parts };
}

/**
 * As services.mail takes it: once per meeting, question or reminder, and person (the
 * Slack DM's key, which mail.rows prefixes "email:"). It needs meeting emails on when it
 * goes, as the choice that sent it by email says.
 */
export function roundQuestionEmailToSend(input: {
  question: RoundQuestion;
  personId: string;
  address: string;
  answerUrl: string;
  links: MemberLinks;
}): PlannedEmail {
  const { question } = input;
  return memberEmailToSend({
    community: question.community,
    to: { address: input.address },
    doc: roundQuestionEmail(question, input.answerUrl, input.links),
    links: input.links,
    purpose: question.when === "reminder" ? "reminder" : "meeting",
    consent: "meetings",
    dedupeKey: `round:${question.meeting.id}:${question.when}:${input.personId}`,
  });
}
