// The personal links the bot hands out, each with how long it works: long
// enough for what it is for, short enough that a forwarded or leaked link dies.
// One place, so the Slack messages, the emails and the pages agree.
import { INVITATION_EXPIRES_AFTER_MS } from "../domain/invitations/invitations";
import type { ActionItemRecord, InvitationRecord, MeetingRecord } from "../domain/ports";
import type { MemberLinks } from "../views/email/bulk";
import { type PersonalLinks, roundAnswerTarget } from "./personalLinks";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A meeting's link works until a day after it ends: time to change an answer on the day. */
const AFTER_MEETING_MS = DAY_MS;
/** A vote link: a quarter, about a meeting cycle or two. */
const VOTE_LINK_MS = 90 * DAY_MS;
/** An action's page: until a quarter after it is due (or after now, for one already late): its emails carry fresh ones. */
const AFTER_ACTION_DUE_MS = 90 * DAY_MS;
/** Email settings: a year, since every email carries a fresh one. */
const EMAIL_SETTINGS_MS = 365 * DAY_MS;

export class PersonalLinkMaker {
  constructor(private readonly links: PersonalLinks) {}

  /** Accept or decline: works for as long as the invitation is open. */
  invitation(invitation: InvitationRecord): string {
    return this.links.url({
      purpose: "accept-invitation",
      person: invitation.inviteeId,
      target: invitation.id,
      expiresAt: new Date(invitation.createdAt.getTime() + INVITATION_EXPIRES_AFTER_MS),
    });
  }

  meeting(personId: string, meeting: Pick<MeetingRecord, "id" | "startsAt" | "durationMinutes">): string {
    const ends = meeting.startsAt.getTime() + meeting.durationMinutes * 60_000;
    return this.links.url({
      purpose: "answer-meeting",
      person: personId,
      target: meeting.id,
      expiresAt: new Date(ends + AFTER_MEETING_MS),
    });
  }

  vote(personId: string, problemId: string, now: Date): string {
    return this.links.url({
      purpose: "vote-problem",
      person: personId,
      target: problemId,
      expiresAt: new Date(now.getTime() + VOTE_LINK_MS),
    });
  }

  /** Done or Change date, for an action's owner by email. */
  action(personId: string, action: Pick<ActionItemRecord, "id" | "dueOn">, now: Date): string {
    const due = new Date(`${action.dueOn}T00:00:00Z`).getTime();
    return this.links.url({
      purpose: "manage-action",
      person: personId,
      target: action.id,
      expiresAt: new Date(Math.max(due, now.getTime()) + AFTER_ACTION_DUE_MS),
    });
  }

  /**
   * The live-projects round's page, for one person asked about one organisation: until the
   * meeting starts, when the round closes (the page then says so).
   */
  roundAnswer(personId: string, meeting: Pick<MeetingRecord, "id" | "startsAt">, organisation: string): string {
    return this.links.url({
      purpose: "round-answer",
      person: personId,
      target: roundAnswerTarget(meeting.id, organisation),
      expiresAt: meeting.startsAt,
    });
  }

  emailSettings(personId: string, communityId: string, now: Date): string {
    return this.links.url({
      purpose: "email-settings",
      person: personId,
      target: communityId,
      expiresAt: new Date(now.getTime() + EMAIL_SETTINGS_MS),
    });
  }

  /**
   * The links a bulk email to a member carries (src/views/email/bulk.ts): their settings page,
   * and the same token's one-click unsubscribe, for the footer and List-Unsubscribe alike.
   */
  memberEmailLinks(personId: string, communityId: string, now: Date): MemberLinks {
    const settingsUrl = this.emailSettings(personId, communityId, now);
    return { settingsUrl, unsubscribeUrl: `${settingsUrl}/unsubscribe` };
  }
}
