// GET /calendar/<meeting id>.ics?sig=… : a meeting's calendar file, always its
// latest version (SEQUENCE moves on with every change; a cancelled meeting
// answers with METHOD:CANCEL so calendars remove it).

import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { type CalendarMeeting, calendarFile } from "../domain/meetings/calendarFile";
import type { MeetingCard } from "../domain/meetings/meetings";
import { calendarWords } from "../i18n";
import type { Services } from "../services";

/**
 * iTIP (RFC 5546) wants an ORGANIZER on a REQUEST or CANCEL, and Outlook may
 * ignore a cancellation without one. The bot is the organiser, at a no-reply
 * address on its own host.
 */
export function calendarMeeting(card: MeetingCard, organiserHost = "localhost"): CalendarMeeting {
  const { meeting, community } = card;
  const description = calendarWords.description({ agenda: meeting.agenda, videoLink: meeting.videoLink, community: community.name });
  return {
    uid: `${meeting.id}@service-communities`,
    sequence: meeting.sequence,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    description,
    location: [meeting.place, meeting.videoLink].filter(Boolean).join(", ") || null,
    url: meeting.videoLink,
    cancelled: meeting.status === "cancelled",
    organiserName: calendarWords.organiser(community.name),
    organiserEmail: `no-reply@${organiserHost}`,
  };
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

export function calendarRoute(services: Services): CustomRoute {
  return {
    path: "/calendar/:file",
    method: ["GET"],
    handler: (req, res) => {
      const file = (req as { params?: Record<string, string> }).params?.file ?? "";
      const meetingId = file.replace(/\.ics$/, "");
      const signature = new URL(req.url ?? "/", "http://localhost").searchParams.get("sig") ?? "";
      if (!file.endsWith(".ics") || !services.calendarLinks.verify(meetingId, signature)) {
        reply(res, 404, calendarWords.notFound);
        return;
      }
      services.meetings.card(meetingId).then(
        (card) => {
          const body = calendarFile(calendarMeeting(card, services.calendarLinks.host), services.clock.now());
          res.writeHead(200, {
            "content-type": `text/calendar; charset=utf-8; method=${card.meeting.status === "cancelled" ? "CANCEL" : "REQUEST"}`,
            "content-disposition": `attachment; filename="meeting-${meetingId}.ics"`,
            "cache-control": "no-store",
          });
          res.end(body);
        },
        (error: unknown) => {
          if ((error as { code?: string }).code === "not_found") reply(res, 404, calendarWords.meetingGone);
          else {
            services.logger.error({ err: error, meetingId }, "could not serve a calendar file");
            reply(res, 500, calendarWords.failed);
          }
        },
      );
    },
  };
}
