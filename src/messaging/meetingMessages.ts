// Posting and redrawing a meeting's announcement, and the DMs about changes.
// All of it is after-ack work: each step is tried on its own and logged.

import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { ActionService } from "../domain/meetings/actions";
import { announcementChannel } from "../domain/meetings/meetingCards";
import type { Cancellation, MeetingChange, MeetingService } from "../domain/meetings/meetings";
import type { MessageChoiceService } from "../domain/members/messageChoices";
import { meetingCancelledMessage, meetingCardMessage, meetingChangedMessage } from "../views/meetingCard";
import type { CalendarLinks } from "../web/calendarLinks";
import { stepsAfterAck } from "./afterAck";
import { Coalesced } from "./support/coalesced";

/** What the messages need: not the whole Services, which lists this class among them. */
export interface MeetingMessagesNeeds {
  meetings: MeetingService;
  /** Overdue actions go on a meeting's agenda as it is announced (it has become the next meeting). */
  actions: Pick<ActionService, "carryOverdue">;
  calendarLinks: CalendarLinks;
  /** Who gets meeting messages in Slack: members by email, and Slack members who chose email only, hear by email instead. */
  messageChoices: Pick<MessageChoiceService, "slackRecipients">;
  logger: Logger;
}

export class MeetingMessages {
  private readonly refreshes = new Coalesced();

  constructor(private readonly services: MeetingMessagesNeeds) {}

  /**
   * Posts the meeting's announcement in its community's channel (a group's in the group's), once: the
   * right to post is claimed in the database first, so two replicas rolling
   * a series at the same moment do not both announce it. Returns the channel it was posted in.
   */
  async announce(client: WebClient, meetingId: string): Promise<string | null> {
    const { services } = this;
    let card = await services.meetings.card(meetingId);
    const channel = announcementChannel(card);
    if (!channel || card.meeting.status !== "scheduled") return null;
    if (!(await services.meetings.claimAnnouncement(meetingId, channel))) return null;
    // It is now its community's (or group's) next meeting: overdue actions belong on its agenda.
    if (await services.actions.carryOverdue(card.community.id, card.meeting.groupId, card.community.timezone)) {
      card = await services.meetings.card(meetingId);
    }
    const step = stepsAfterAck(services.logger.child({ meetingId }));
    const posted = await step("announce a meeting", async () => {
      const result = await client.chat.postMessage({ channel, ...meetingCardMessage(card, services.calendarLinks.url(meetingId)) });
      if (!result.ts) throw new Error("chat.postMessage returned no ts");
      await services.meetings.recordAnnouncement(meetingId, channel, result.ts);
    });
    if (!posted) await services.meetings.releaseAnnouncement(meetingId);
    return posted ? channel : null;
  }

  /** Redraws the announcement from the latest data; bursts collapse into a few updates. */
  refresh(client: WebClient, meetingId: string): Promise<void> {
    const { services } = this;
    return this.refreshes.run(meetingId, async () => {
      const step = stepsAfterAck(services.logger.child({ meetingId }));
      // Another replica may redraw the same message from an older read and land after us.
      // Reading again after our update and redrawing while it differs ends on the latest state.
      let drawn = "";
      for (let round = 0; round < 3; round++) {
        const card = await services.meetings.card(meetingId);
        const { announcementChannelId: channel, announcementTs: ts } = card.meeting;
        if (!channel || !ts) return;
        const message = meetingCardMessage(card, services.calendarLinks.url(meetingId));
        const text = JSON.stringify(message);
        if (text === drawn) return;
        if (!(await step("update a meeting's announcement", () => client.chat.update({ channel, ts, ...message })))) return;
        drawn = text;
      }
    });
  }

  /** Each change: redraw it, and DM those going or maybe with what changed and the new calendar file. */
  async tellChanges(client: WebClient, changes: MeetingChange[], communityName: string): Promise<void> {
    const step = stepsAfterAck(this.services.logger);
    for (const change of changes) {
      await this.refresh(client, change.after.id);
      const message = meetingChangedMessage(change.before, change.after, communityName, this.services.calendarLinks.url(change.after.id));
      for (const user of await this.services.messageChoices.slackRecipients(change.after.communityId, change.tell, "meetings"))
        await step("tell someone a meeting changed", () => client.chat.postMessage({ channel: user, ...message }));
    }
  }

  async tellCancellations(client: WebClient, cancellations: Cancellation[], communityName: string, note: string | null): Promise<void> {
    const step = stepsAfterAck(this.services.logger);
    for (const { meeting, tell } of cancellations) {
      await this.refresh(client, meeting.id);
      const message = meetingCancelledMessage(meeting, communityName, note, this.services.calendarLinks.url(meeting.id));
      for (const user of await this.services.messageChoices.slackRecipients(meeting.communityId, tell, "meetings"))
        await step("tell someone a meeting is cancelled", () => client.chat.postMessage({ channel: user, ...message }));
    }
  }

  /** Keeps recurring series one ahead, and announces occurrences that have become the next. */
  async rollSeries(client: WebClient, seriesId?: string): Promise<void> {
    for (const meeting of await this.services.meetings.roll(seriesId)) await this.announce(client, meeting.id);
  }

  /** After a series changed: roll it, and redraw its announced cards (their "next" date may have moved). */
  async seriesChanged(client: WebClient, seriesId: string): Promise<void> {
    await this.rollSeries(client, seriesId);
    for (const meetingId of await this.services.meetings.announcedInSeries(seriesId)) await this.refresh(client, meetingId);
  }

  /** One-offs whose announcement never went out (Slack refused, or the poster died): try again. */
  async announceMissing(client: WebClient): Promise<void> {
    for (const meeting of await this.services.meetings.unannounced()) await this.announce(client, meeting.id);
  }
}
