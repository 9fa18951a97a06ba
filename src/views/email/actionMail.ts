// The emails to an action's owner who takes part by email, the same moments as
// an owner's DMs in Slack: when the action is recorded, the working day before
// it is due, and once it is overdue. Each links to the action's page, where
// they mark it done or move its date (their DM's two buttons).
import type { PlannedEmail } from "../../domain/mail/mail";
import type { ActionInContext, CommunityRecord } from "../../domain/ports";
import { dates, actionEmailWords as words } from "../../i18n";
import { dueText } from "../outcomes";
import { type MemberLinks, memberEmailToSend, memberFooter } from "./bulk";
import type { EmailDocument, EmailPart } from "./document";

export type ActionEmailKind = "assigned" | "before" | "overdue";

export interface ActionEmailInput {
  item: ActionInContext;
  /** The community as a whole: the email's reply-to is its mailing list. */
  community: Pick<CommunityRecord, "id" | "name" | "contactMethods">;
  kind: ActionEmailKind;
  /** Who recorded it, as the owner can read it (a name, or "an organiser"). */
  recordedBy: string;
  /** The action's page for this owner (services.pageLinks.action). */
  actionUrl: string;
  links: MemberLinks;
}

export function actionEmail(input: ActionEmailInput): EmailDocument {
  const { item, kind } = input;
  const { action, meeting } = item;
  const due = dueText(action.dueOn);
  const intro: Record<ActionEmailKind, string> = {
    assigned: words.assignedIntro(input.community.name, meeting.title, dates.longDate(meeting.startsAt, meeting.timezone)),
    before: words.beforeIntro(due),
    overdue: words.overdueIntro(due),
  };
  const about = action.stage
    ? [words.about("stage", action.stage.title)]
    : action.problem
      ? [words.about("problem", action.problem.title)]
      : [];
  const parts: EmailPart[] = [
    { kind: "paragraph", text: intro[kind] },
    { kind: "list", items: [words.action(action.title), words.due(due), ...about] },
    { kind: "link", text: words.manageLink, href: input.actionUrl },
  ];
  if (kind === "assigned") parts.push({ kind: "paragraph", text: `${words.recordedBy(input.recordedBy)} ${words.remindedBefore}` });
  parts.push(memberFooter(input.community, input.links, words.why));
  return { subject: words.subject[kind](action.title, due), parts };
}

/** As services.mail takes it: one email, once per action, moment and due day. */
export function actionEmailToSend(input: ActionEmailInput & { address: string }): PlannedEmail {
  const { action } = input.item;
  return memberEmailToSend({
    community: input.community,
    to: { address: input.address },
    doc: actionEmail(input),
    links: input.links,
    purpose: input.kind === "assigned" ? "notice" : "reminder",
    // Being given an action is news for its owner whatever they chose; its reminders are reminders.
    consent: input.kind === "assigned" ? null : "reminders",
    subjectId: action.id,
    dedupeKey: `action:${action.id}:${input.kind}:${action.dueOn}`,
  });
}
