// Invitations: the form, the invitee's DM (and its reminder and answered
// states), the inviter's summary, and the reach-out draft. Pure functions.
import type { View } from "@slack/types";
import { INVITE_LIMIT, INVITE_MESSAGE_MAX } from "../domain/invitations/invitationDraft";
import type { InvitationCard, InviteOutcome } from "../domain/invitations/invitations";
import { isEmailPerson } from "../domain/members/people";
import { dates, labels } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
  LIMITS,
  lines,
  listWithMore,
  type Mrkdwn,
  md,
  option,
  plain,
  plural,
  section,
  textInput,
  truncateMd,
  userLink,
} from "./blocks";
import { objectiveLine } from "./charter";
import { ACTION, BLOCK, CALLBACK, INVITE_BLOCK } from "./ids";
import { type ProfileDefaults, profileBlocks } from "./profileFields";
import { serviceIsName } from "./serviceName";

export interface InviteModalInput {
  /** The community, once known; until then the form asks for it first. */
  community?: { id: string; name: string };
  /** The inviter's communities, for the picker (when `community` is not known). */
  choices?: Array<{ id: string; name: string }>;
  initialUsers: string[];
  /** Addresses already typed (kept when the form is redrawn for a chosen community). */
  emails?: string;
  /** The prefilled message (with `community`). */
  message?: string;
  privateMetadata: string;
}

export function inviteModal(input: InviteModalInput): View {
  const blocks: AnyBlock[] = [];
  if (input.community) {
    blocks.push(
      section(
        md`Invite people to *${esc(input.community.name)}*. Each person found in Slack gets a DM with your message, a summary of the community's charter, and *Accept* and *Decline* buttons.`,
      ),
    );
  } else {
    blocks.push({
      type: "input",
      block_id: INVITE_BLOCK.community,
      // Choosing a community writes the message for it straight away.
      dispatch_action: true,
      label: plain("Community"),
      element: {
        type: "static_select",
        action_id: ACTION.inviteCommunity,
        placeholder: plain("Choose one of your communities"),
        options: (input.choices ?? []).slice(0, LIMITS.staticOptions).map((c) => option(c.name, c.id)),
      },
    } as AnyBlock);
  }
  blocks.push({
    type: "input",
    block_id: INVITE_BLOCK.people,
    optional: true,
    label: plain("People in Slack"),
    element: {
      type: "multi_users_select",
      action_id: ACTION.input,
      placeholder: plain("Choose people"),
      max_selected_items: INVITE_LIMIT,
      ...(input.initialUsers.length ? { initial_users: input.initialUsers.slice(0, INVITE_LIMIT) } : {}),
    },
  } as AnyBlock);
  blocks.push(
    textInput(INVITE_BLOCK.emails, ACTION.input, "Email addresses", {
      optional: true,
      multiline: true,
      initial: input.emails,
      placeholder: "name@department.gov.uk, one a line or separated by commas",
      hint: "This app looks each one up in Slack. Anyone not in this workspace gets your message by email, with their own link to accept or decline on the web.",
    }),
  );
  if (input.community) {
    blocks.push(
      textInput(INVITE_BLOCK.message, ACTION.input, "Your message", {
        multiline: true,
        initial: input.message,
        max: INVITE_MESSAGE_MAX,
        hint: "Written from the community's service and its most-voted problems. Make it yours.",
      }),
    );
  } else {
    blocks.push(context(md`Choose the community first. This app writes the message from its service and problems, and you can edit it.`));
  }
  return {
    type: "modal",
    callback_id: CALLBACK.sendInvitations,
    title: plain("Invite people", LIMITS.modalTitle),
    submit: plain("Send invitations"),
    close: plain("Cancel"),
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}

/** The message as a quote: each line behind ">", escaped. */
function quoted(text: string): Mrkdwn {
  return lines(text.split("\n").map((line) => md`>${esc(line)}`));
}

/** The charter in a few lines: what the community is for, its objectives and problems, how it meets. */
function charterSummary(card: InvitationCard): Mrkdwn {
  const { community, objectives, memberCount } = card.charter;
  const parts = [md`*About ${esc(community.name)}*`];
  if (community.purpose) parts.push(esc(community.purpose));
  if (objectives.length) parts.push(md`*Objectives*\n${lines(objectives.slice(0, 3).map(objectiveLine))}`);
  if (card.topProblems.length) parts.push(md`*Problems we are tackling*\n${lines(card.topProblems.map((p) => md`• ${esc(p.title)}`))}`);
  parts.push(
    md`We meet: ${esc(labels.cadences[community.meetingCadence] ?? community.meetingCadence)}  ·  ${plural(memberCount, "member")} so far`,
  );
  return truncateMd(lines(parts), LIMITS.sectionText);
}

/** "*Starting a business*, a service community", or "*Better borders*, the service community for _Crossing the border_". */
function whatItIs(community: InvitationCard["charter"]["community"]): Mrkdwn {
  return serviceIsName(community)
    ? md`*${esc(community.name)}*, a service community`
    : md`*${esc(community.name)}*, the service community for _${esc(community.service)}_`;
}

function invitationLead(card: InvitationCard): Mrkdwn {
  return md`:envelope_with_arrow: ${userLink(card.invitation.inviterId)} invited you to join ${whatItIs(card.charter.community)}.`;
}

/** The invitee's DM: the message, the charter, Accept and Decline. `reminder` for the one-week nudge. */
export function invitationDm(card: InvitationCard, opts: { reminder?: boolean } = {}): BlockMessage {
  const { community } = card.charter;
  const lead = opts.reminder
    ? md`:wave: A reminder: a week ago, ${userLink(card.invitation.inviterId)} invited you to join ${whatItIs(community)}.`
    : invitationLead(card);
  return {
    text: opts.reminder ? md`Reminder: you are invited to join ${esc(community.name)}` : md`You are invited to join ${esc(community.name)}`,
    blocks: [
      section(lead),
      section(truncateMd(quoted(card.invitation.message), LIMITS.sectionText)),
      section(charterSummary(card)),
      actions(
        BLOCK.invitationActions,
        button("Accept", ACTION.acceptInvitation, card.invitation.id, "primary"),
        button("Decline", ACTION.declineInvitation, card.invitation.id),
      ),
      context(
        md`This invitation is open until ${esc(dates.longDate(card.expiresAt, community.timezone))}. Accepting asks for your organisation and profession, so members can see who is in.`,
      ),
    ],
  };
}

/** The DM once answered: the same text, no buttons, and what happened. */
export function answeredInvitationDm(card: InvitationCard, answer: "accepted" | "declined", at: Date): BlockMessage {
  const { community } = card.charter;
  const outcome =
    answer === "accepted"
      ? md`:white_check_mark: You accepted on ${esc(dates.longDate(at, community.timezone))} and joined *${esc(community.name)}*.`
      : md`You declined on ${esc(dates.longDate(at, community.timezone))}. If you change your mind, type \`/community join ${esc(community.name)}\`.`;
  return {
    text: answer === "accepted" ? md`You joined ${esc(community.name)}` : md`You declined the invitation to ${esc(community.name)}`,
    blocks: [section(invitationLead(card)), section(truncateMd(quoted(card.invitation.message), LIMITS.sectionText)), context(outcome)],
  };
}

/** The invitee's Accept form: their organisation and profession. */
export function acceptInvitationModal(input: { communityName: string; defaults?: ProfileDefaults; privateMetadata: string }): View {
  return {
    type: "modal",
    callback_id: CALLBACK.acceptInvitation,
    title: plain("Accept invitation", LIMITS.modalTitle),
    submit: plain("Join"),
    close: plain("Cancel"),
    private_metadata: input.privateMetadata,
    blocks: [
      section(md`You are joining *${esc(input.communityName)}*. Tell the other members where you work and what you do.`),
      ...profileBlocks("your", input.defaults),
    ],
  } as View;
}

const LIST_MAX = 2000;

/** Bullet lines, as many as fit in LIST_MAX characters, then "…and N more". */
function bulletsWithMore(items: Mrkdwn[]): Mrkdwn {
  const shown: Mrkdwn[] = [];
  let length = 0;
  for (const item of items) {
    if (length + item.length + 1 > LIST_MAX) break;
    shown.push(item);
    length += item.length + 1;
  }
  const more = items.length - shown.length;
  return more > 0 ? md`${lines(shown)}\n…and ${more} more` : lines(shown);
}

export interface InviteSummaryInput {
  communityName: string;
  outcomes: InviteOutcome[];
  /** Invitees whose DM Slack refused, with why. */
  undelivered: Array<{ userId: string; reason: string }>;
  /** Invitees whose DM failed for a moment: the outbox tries again in a few minutes. */
  retrying: string[];
  /** Addresses Slack could not look up (not the same as not found), with why. */
  lookupFailed: Array<{ email: string; reason: string }>;
  /** Addresses with no Slack account in this workspace: invited by email, each with their own link to answer on the web. */
  emailed: string[];
  message: string;
}

/** What the inviter is told once the invitations have gone: one note a kind of outcome. */
export function inviteSummary(input: InviteSummaryInput): BlockMessage {
  const { communityName, outcomes } = input;
  const failed = new Set([...input.undelivered.map((u) => u.userId), ...input.retrying]);
  // Someone invited by email is named by the address the inviter typed: this message is the inviter's alone.
  const named = (o: InviteOutcome) => (isEmailPerson(o.userId) && o.email ? esc(o.email) : userLink(o.userId));
  const who = (kind: InviteOutcome["kind"]) =>
    outcomes.filter((o) => o.kind === kind && !failed.has(o.userId) && !(kind === "invited" && isEmailPerson(o.userId))).map(named);
  const invited = who("invited");
  const blocks: AnyBlock[] = [];
  const name = md`*${esc(communityName)}*`;
  if (invited.length) {
    blocks.push(
      section(
        md`:white_check_mark: Invited ${plural(invited.length, "person", "people")} to ${name}: ${listWithMore(invited, { maxChars: LIST_MAX })}. Each has a DM with your message and Accept and Decline buttons. You will get a message when they answer.`,
      ),
    );
  }
  const members = who("already_member");
  if (members.length)
    blocks.push(
      section(
        md`:information_source: Already ${members.length === 1 ? md`a member` : md`members`}, so not invited: ${listWithMore(members, { maxChars: LIST_MAX })}.`,
      ),
    );
  const pending = who("already_invited");
  if (pending.length) {
    blocks.push(
      section(
        md`:hourglass_flowing_sand: Already invited and not answered yet, so no second DM was sent: ${listWithMore(pending, { maxChars: LIST_MAX })}. The first invitation is still open.`,
      ),
    );
  }
  if (outcomes.some((o) => o.kind === "self"))
    blocks.push(section(md`:information_source: You are already a member, so you were not invited.`));
  const removed = who("removed");
  if (removed.length)
    blocks.push(
      section(
        md`:no_entry: An organiser removed ${listWithMore(removed, { maxChars: LIST_MAX })} from ${name}, so only an organiser can invite them back.`,
      ),
    );
  if (input.retrying.length) {
    blocks.push(
      section(
        md`:hourglass_flowing_sand: Slack did not take the DM to ${listWithMore(input.retrying.map(userLink), { maxChars: LIST_MAX })} just now. This app will try again in a few minutes. Their invitation is open.`,
      ),
    );
  }
  if (input.undelivered.length) {
    // One person a line, with why: a reason can be a sentence of its own, which brackets in a list would bury.
    const people = input.undelivered.map((u) => md`• ${userLink(u.userId)}: ${esc(u.reason)}`);
    blocks.push(section(md`:warning: This app could not send a DM to these people, so they were not invited:\n${bulletsWithMore(people)}`));
  }
  if (input.lookupFailed.length) {
    const addresses = input.lookupFailed.map((l) => md`• ${esc(l.email)}: ${esc(l.reason)}`);
    blocks.push(
      section(
        md`:warning: This app could not look these addresses up in Slack, so it cannot tell whether they are in this workspace. Nobody was invited at them:\n${bulletsWithMore(addresses)}`,
      ),
    );
  }
  if (input.emailed.length) {
    blocks.push(
      section(
        md`:email: Emailed ${plural(input.emailed.length, "person", "people")} who ${input.emailed.length === 1 ? md`is` : md`are`} not in this Slack workspace: ${listWithMore(input.emailed.map(esc), { maxChars: LIST_MAX })}. Each email has your message and their own link to accept or decline on a web page, without Slack. The links work for 30 days. You will get a message when they answer.`,
      ),
    );
  }
  if (!blocks.length) blocks.push(section(md`Nobody was invited.`));
  const text = invited.length
    ? md`Invited ${plural(invited.length, "person", "people")} to ${esc(communityName)}`
    : md`Nobody new was invited to ${esc(communityName)}`;
  return { text, blocks };
}

/** Shown while the invitations go out. */
export function invitingProgress(communityName: string, count: number): Mrkdwn {
  return md`:hourglass_flowing_sand: Inviting ${plural(count, "person", "people")} to *${esc(communityName)}*…`;
}

/** The reach-out draft, ready to copy into a cross-government channel. */
export function reachOutMessage(communityName: string, post: string): BlockMessage {
  return {
    text: md`A draft post about ${esc(communityName)} for cross-government channels`,
    blocks: [
      section(
        md`:mega: Here is a draft post about *${esc(communityName)}* for cross-government channels and mailing lists. Copy it, make it yours, and post it where people who work on the service will see it:`,
      ),
      section(md`\`\`\`${truncateMd(esc(post), LIMITS.sectionText - 6)}\`\`\``),
      context(md`To invite particular people straight away, type \`/community invite @someone\`.`),
    ],
  };
}
