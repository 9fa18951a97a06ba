// A meeting's emails at one SEQUENCE (planned when it is scheduled, changed or
// cancelled): one email for each member who gets them, written now, with the
// calendar invitation, update or cancellation (src/views/email/meetingMail.ts),
// planned through the outbox's email rows. It sends nothing to Slack itself.
import type { MeetingEmailRecipient } from "../../domain/meetings/meetingMail";
import * as kinds from "../../domain/outbox";
import type { MeetingRecord } from "../../domain/ports";
import { calendarInvitations, type MeetingEmailLinks, meetingEmailToSend } from "../../views/email/meetingMail";
import { dueKind, type KindServices } from "./kind";

/** A member's links in an email about this meeting: to answer it, its calendar file, their email settings. */
export function meetingEmailLinks(services: KindServices, meeting: MeetingRecord, recipient: MeetingEmailRecipient): MeetingEmailLinks {
  return {
    answerUrl: services.pageLinks.meeting(recipient.personId, meeting),
    calendarUrl: services.calendarLinks.url(meeting.id),
    ...services.pageLinks.memberEmailLinks(recipient.personId, meeting.communityId, services.clock.now()),
  };
}

export const meetingEmail = dueKind(kinds.meetingEmail, {
  // It sends nothing itself: its emails' refusals are the email dispatcher's to report.
  alertOrganisersAs: null,
  async build(row, services) {
    if (!row.subjectId) return { kind: "skip", reason: "no meeting named" };
    const planned = await services.meetingMail.invitations(row.subjectId, row.payload.sequence, row.payload.for);
    if ("skip" in planned) return { kind: "skip", reason: planned.skip };
    if (!planned.recipients.length) return { kind: "expand", rows: [] };
    const card = await services.meetings.card(planned.meeting.id);
    const { mail, clock } = services;
    const calendar = mail.carriesCalendar ? calendarInvitations(card, mail.organiserAddress, clock.now()) : null;
    const emails = planned.recipients.map((recipient) =>
      meetingEmailToSend(card, recipient, planned.method, { links: meetingEmailLinks(services, card.meeting, recipient), calendar }),
    );
    return { kind: "expand", rows: await mail.rows(emails) };
  },
});
