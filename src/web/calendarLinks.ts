// Calendar files are served from the bot's own HTTP server at a signed link
// (see README, "Calendar files"): one link a meeting that always returns its
// latest version, so the Add to calendar button never goes stale and no file
// is copied into Slack. The signature stops anyone reading a meeting by
// guessing its id; it is an HMAC of the id under a key derived from the app's
// secret, so rotating that secret retires old links.
import { createHmac, timingSafeEqual } from "node:crypto";

export class CalendarLinks {
  private readonly key: Buffer;

  constructor(
    private readonly publicUrl: string,
    secret: string,
  ) {
    this.key = createHmac("sha256", "service-communities:calendar-links").update(secret).digest();
  }

  private signature(meetingId: string): string {
    return createHmac("sha256", this.key).update(meetingId).digest("base64url").slice(0, 32);
  }

  url(meetingId: string): string {
    return `${this.publicUrl.replace(/\/+$/, "")}/calendar/${encodeURIComponent(meetingId)}.ics?sig=${this.signature(meetingId)}`;
  }

  verify(meetingId: string, signature: string): boolean {
    const expected = Buffer.from(this.signature(meetingId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
