// GET /calendar/<meeting id>.ics?sig=… : a meeting's calendar file, always its
// latest version (SEQUENCE moves on with every change; a cancelled meeting
// answers with METHOD:CANCEL so calendars remove it).

import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import { calendarFile } from "../domain/meetings/calendarFile";
import { calendarWords } from "../i18n";
import type { Services } from "../services";
import { calendarMeeting } from "../views/calendarEvent";

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
          const body = calendarFile(calendarMeeting(card, services.mail.organiserAddress), services.clock.now());
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
