// The outbox kinds as data: every kind the domain plans has its payload schema
// and a builder, and a row whose payload does not parse fails with a reason
// while the dispatcher goes on with the rows after it. Real store (SQLite, and
// PostgreSQL when configured), real dispatcher and kinds; only Slack is a list.
import { Writable } from "node:stream";
import pino from "pino";
import { z } from "zod";
import { ManualClock } from "../../src/domain/common/clock";
import { CommunityService } from "../../src/domain/communities/communities";
import { CommunityDirectory } from "../../src/domain/communities/directory";
import { LifecycleService } from "../../src/domain/communities/lifecycle";
import { DigestService } from "../../src/domain/digests/digests";
import { InvitationService } from "../../src/domain/invitations/invitations";
import { MailService } from "../../src/domain/mail/mail";
import { ActionService } from "../../src/domain/meetings/actions";
import { MeetingMailService } from "../../src/domain/meetings/meetingMail";
import { MeetingService } from "../../src/domain/meetings/meetings";
import { MembershipService } from "../../src/domain/members/memberships";
import { MessageChoiceService } from "../../src/domain/members/messageChoices";
import { meetingReminder, OUTBOX_KINDS } from "../../src/domain/outbox";
import { RoundService } from "../../src/domain/round/round";
import { Dispatcher } from "../../src/scheduler/dispatcher";
import { DUE_KINDS, OutboxMessages } from "../../src/scheduler/kinds";
import type { KindServices } from "../../src/scheduler/kinds/kind";
import { Pacer } from "../../src/scheduler/pacer";
import { createStore } from "../../src/store";
import { CalendarLinks } from "../../src/web/calendarLinks";
import { CommunityPageLinks } from "../../src/web/communityPageLinks";
import { PersonalLinkMaker } from "../../src/web/personalLinkMaker";
import { PersonalLinks } from "../../src/web/personalLinks";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const NOW = new Date("2026-03-02T10:00:00Z");

describe("the outbox kinds", () => {
  it("builds every kind the domain plans, and nothing else", () => {
    expect(Object.keys(DUE_KINDS).sort()).toEqual(OUTBOX_KINDS.map((kind) => kind.name).sort());
    expect(new Set(OUTBOX_KINDS.map((kind) => kind.name)).size).toBe(OUTBOX_KINDS.length);
  });

  it.each(OUTBOX_KINDS.map((kind) => [kind.name, kind] as const))("%s has its payload schema and a builder", (name, kind) => {
    const due = DUE_KINDS[name];
    expect(due.name).toBe(name);
    expect(kind.payload).toBeInstanceOf(z.ZodType);
    expect(due.payload).toBe(kind.payload);
    expect(typeof due.build).toBe("function");
    expect(due.alertOrganisersAs === null || due.alertOrganisersAs.length > 0).toBe(true);
  });

  it("a producer cannot write a payload its kind's schema refuses", () => {
    const fields = { target: "meeting:m1", subjectId: "m1", dueAt: NOW, dedupeKey: "reminder:m1" };
    expect(meetingReminder.row({ ...fields, payload: { offset: 60, startsAt: NOW.toISOString() } })).toMatchObject({
      kind: "meeting_reminder",
    });
    expect(() => meetingReminder.row({ ...fields, payload: { offset: 60, startsAt: "tomorrow" } })).toThrow(/startsAt/);
  });
});

describe("a due row whose payload does not parse", () => {
  let database: TestDatabase;
  let store: ReturnType<typeof createStore>;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.url);
  });

  afterAll(async () => {
    await store?.close();
    await database?.release();
  });

  function kindServices(clock: ManualClock): KindServices {
    const directory = new CommunityDirectory({ store, clock });
    const communities = new CommunityService({ store, clock, directory });
    const memberships = new MembershipService({ store, clock, directory });
    return {
      communities,
      lifecycle: new LifecycleService({ store, clock, directory, communities }),
      memberships,
      invitations: new InvitationService({ store, clock, communities, memberships }),
      meetings: new MeetingService({ store, clock }),
      actions: new ActionService({ store, clock, communities }),
      round: new RoundService({ store, clock }),
      digests: new DigestService({ store, clock }),
      calendarLinks: new CalendarLinks("https://communities.test", "secret"),
      mail: new MailService({ store, clock, carriesCalendar: true, organiserAddress: "communities@example.gov.uk" }),
      meetingMail: new MeetingMailService({ store, clock }),
      pageLinks: new PersonalLinkMaker(new PersonalLinks("https://communities.test", "secret")),
      messageChoices: new MessageChoiceService({ store, clock }),
      communityPageLinks: new CommunityPageLinks("https://communities.test", "secret"),
      clock,
    };
  }

  it("is failed with the reason, once and without a stack trace, and the rows after it are sent", async () => {
    const due = new Date(NOW.getTime() - 60_000);
    const row = (kind: string, target: string, payload: string, dedupeKey: string, minutesEarly: number) => ({
      kind,
      target,
      payload,
      dueAt: new Date(due.getTime() - minutesEarly * 60_000),
      availableAt: new Date(due.getTime() - minutesEarly * 60_000),
      dedupeKey,
    });
    await store.db.outboxMessage.createMany({
      data: [
        // Oldest first on one target: the malformed row is tried before the good one.
        row("reminder_dm", "U0ALICE", JSON.stringify({ offset: "soon", startsAt: NOW.toISOString() }), "bad:reminder", 2),
        row("organiser_alert", "U0ALICE", JSON.stringify({ text: "after the bad one" }), "good:alert", 1),
        // Not JSON at all: the store reads it as an empty payload, which a digest's schema refuses.
        row("digest", "C0DIGEST", "{not json", "bad:digest", 0),
      ],
    });
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    const clock = new ManualClock(NOW);
    const messages = new OutboxMessages(kindServices(clock));
    const sent: Array<{ target: string; text: string }> = [];
    const dispatcher = new Dispatcher({
      outbox: store.outbox,
      build: (r) => messages.build(r),
      send: async (target, message) => {
        sent.push({ target, text: message.text });
      },
      alertFor: (r, code) => messages.alertFor(r, code),
      clock,
      pacer: new Pacer(0),
      logger,
      owner: "kinds-test",
    });

    const counts = await dispatcher.run();

    expect(counts).toMatchObject({ claimed: 3, sent: 1, failed: 2, retried: 0 });
    expect(sent).toEqual([{ target: "U0ALICE", text: "after the bad one" }]);
    const stored = await store.db.outboxMessage.findMany({ orderBy: { dedupeKey: "asc" } });
    const byKey = Object.fromEntries(stored.map((r) => [r.dedupeKey, r]));
    expect(byKey["bad:reminder"]).toMatchObject({ status: "failed", attempts: 1 });
    expect(byKey["bad:reminder"].lastError).toMatch(/^malformed payload: .*offset/);
    expect(byKey["bad:digest"]).toMatchObject({ status: "failed" });
    expect(byKey["bad:digest"].lastError).toMatch(/^malformed payload: .*since/);
    expect(byKey["good:alert"]).toMatchObject({ status: "sent" });
    // Nothing is left to retry, and no organiser is told: a malformed row is a bug, not Slack's refusal.
    expect(stored).toHaveLength(3);

    const failures = lines.filter((line) => line.msg === "an outbox row cannot be built");
    expect(failures.map((line) => line.kind).sort()).toEqual(["digest", "reminder_dm"]);
    expect(JSON.stringify(lines)).not.toMatch(/"stack"|\n\s+at /);
  });
});
