// How each member gets each kind of message: in Slack, by email, or both (and,
// for the digest, neither: it is posted in the channel anyway). The choices are
// flags on the membership, two a kind, and every sender reads them through the
// functions here, so "email only" stops the Slack DM wherever it is sent.
//
//   kind       Slack (a DM)                                   email
//   meetings   slackMeetings: a meeting they answered changed  emailMeetings: invitations, changes, cancellations
//   reminders  slackReminders: reminder DMs before a meeting   emailReminders: reminder emails
//   digests    digestByDm: the digest by DM                   emailDigests: the digest by email
//
// A member by email has no Slack: only their email flags count. A Slack member's
// address is the one on their Slack profile, read when they choose email and kept
// on the membership (a cancellation must reach the calendar an invitation went to). While their address refuses mail
// (an organiser clears that), what they chose to get by email comes in Slack, so
// a bounce never silently leaves someone without their reminders.
import type { DeliveryFlags, MembershipRecord } from "../ports";
import { isEmailPerson } from "./people";

export const MESSAGE_KINDS = ["meetings", "reminders", "digests"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** "none" only for the digest: it is posted in the community's channel whatever they choose. */
export type Delivery = "slack" | "email" | "both" | "none";

/** What a Slack member may choose for each kind, in the order the forms offer them. */
export const DELIVERIES: Readonly<Record<MessageKind, readonly Delivery[]>> = {
  meetings: ["slack", "email", "both"],
  reminders: ["slack", "email", "both"],
  digests: ["none", "slack", "email", "both"],
};

const FLAGS: Readonly<Record<MessageKind, { slack: keyof DeliveryFlags; email: keyof DeliveryFlags }>> = {
  meetings: { slack: "slackMeetings", email: "emailMeetings" },
  reminders: { slack: "slackReminders", email: "emailReminders" },
  digests: { slack: "digestByDm", email: "emailDigests" },
};

export type DeliveryChoices = Record<MessageKind, Delivery>;

export function isDelivery(kind: MessageKind, value: string): value is Delivery {
  return (DELIVERIES[kind] as readonly string[]).includes(value);
}

/** What a Slack member has chosen for a kind. */
export function deliveryOf(member: Pick<MembershipRecord, keyof DeliveryFlags>, kind: MessageKind): Delivery {
  const slack = member[FLAGS[kind].slack];
  const email = member[FLAGS[kind].email];
  return slack && email ? "both" : email ? "email" : slack ? "slack" : "none";
}

export function deliveriesOf(member: Pick<MembershipRecord, keyof DeliveryFlags>): DeliveryChoices {
  return { meetings: deliveryOf(member, "meetings"), reminders: deliveryOf(member, "reminders"), digests: deliveryOf(member, "digests") };
}

/** The flags for a Slack member's choices. */
export function flagsFor(choices: DeliveryChoices): DeliveryFlags {
  const flags = {} as DeliveryFlags;
  for (const kind of MESSAGE_KINDS) {
    flags[FLAGS[kind].slack] = choices[kind] === "slack" || choices[kind] === "both";
    flags[FLAGS[kind].email] = choices[kind] === "email" || choices[kind] === "both";
  }
  return flags;
}

/** Whether the choices need an address: some kind by email. */
export function wantsEmail(choices: DeliveryChoices): boolean {
  return MESSAGE_KINDS.some((kind) => choices[kind] === "email" || choices[kind] === "both");
}

/**
 * Unsubscribing from email (the one-click link, or the page's button): every email off. A
 * Slack member gets meetings and reminders in Slack again, as everyone does by default, so
 * unsubscribing never leaves them without; their digest stays as it was in Slack.
 */
export function unsubscribedFlags(member: Pick<MembershipRecord, "slackUserId" | keyof DeliveryFlags>): DeliveryFlags {
  const slack = !isEmailPerson(member.slackUserId);
  return {
    slackMeetings: slack,
    slackReminders: slack,
    digestByDm: slack && member.digestByDm,
    emailMeetings: false,
    emailReminders: false,
    emailDigests: false,
  };
}

type Recipient = Pick<MembershipRecord, "slackUserId" | "status" | "email" | "emailFailedAt" | keyof DeliveryFlags>;

/** Whether the member gets this kind by email: active, with an address that takes mail, and the kind on. */
export function getsEmail(member: Recipient, kind: MessageKind): boolean {
  return member.status === "active" && !!member.email && !member.emailFailedAt && member[FLAGS[kind].email];
}

/**
 * Whether the member gets this kind in Slack: a Slack account, and the kind on in Slack,
 * or on by email to an address that refuses mail (so it comes in Slack instead).
 */
export function getsSlack(member: Recipient, kind: MessageKind): boolean {
  if (isEmailPerson(member.slackUserId) || member.status !== "active") return false;
  return member[FLAGS[kind].slack] || (member[FLAGS[kind].email] && !!member.emailFailedAt);
}

/** The flag for a kind by email, as the outbox's consent names it (src/domain/outbox/email.ts). */
export function emailFlag(kind: MessageKind): "emailMeetings" | "emailReminders" | "emailDigests" {
  return FLAGS[kind].email as "emailMeetings" | "emailReminders" | "emailDigests";
}
