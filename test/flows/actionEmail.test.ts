// Actions for members who take part by email (#16, #17), in the real app with a
// real SMTP server in the test process: the outcomes form offers them as owners
// beside Slack's user picker; their action comes by email instead of a DM, with
// a link to its page; its reminders come by email on the working day before it
// is due and once it is overdue; and marking it done on the page tells the
// meeting's thread in Slack, once.
import { actionField } from "../../src/domain/meetings/outcomes";
import { SmtpMail } from "../../src/mail/smtpMail";
import { ACTION, CALLBACK, OUTCOME_BLOCK } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";
import { deliver, linkIn, memberByEmail } from "../support/meetingMail";
import { input, overflowAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { type ReceivedMail, SmtpSink } from "../support/smtpSink";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member in Slack
const SAM = "sam@example.org";

let sink: SmtpSink;
let h: Harness;
let sam: string;
let meetingId: string;
let channel: string;

beforeEach(async () => {
  sink = await new SmtpSink().start();
  h = await startHarness(
    {},
    { mail: new SmtpMail({ url: sink.url(), from: "Service Communities <communities@example.gov.uk>", tls: "opportunistic" }) },
  );
  const community = await seedCommunity(h, ALICE); // Monday 2 March 2026, 10:00Z
  channel = community.slackChannelId!;
  await seedMember(h, BOB, community.id);
  sam = await memberByEmail(h, community.id, SAM, "Sam Jones");
  meetingId = (await seedMeeting(h, community.id, "2026-03-03T10:00", { by: ALICE, channel, now: h.clock.now() })).id;
  h.clock.set(new Date("2026-03-03T10:30:00Z"));
  await deliver(h); // the meeting's own emails, out of the way
  sink.received.length = 0;
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
  await sink.stop();
});

function record(owner: { slack?: string; email?: string }, viewId = "V0ACT") {
  return h.interact(
    viewSubmission({
      user: ALICE,
      callbackId: CALLBACK.recordOutcomes,
      privateMetadata: JSON.stringify({ meetingId, rows: 1 }),
      viewId,
      values: {
        [OUTCOME_BLOCK.notes]: input.text(null),
        [OUTCOME_BLOCK.notesLink]: input.text(null),
        [OUTCOME_BLOCK.decisions]: input.text("Compare the address checks"),
        [actionField(0, "title")]: input.text("Share the research plan"),
        [actionField(0, "owner")]: { type: "users_select", selected_user: owner.slack ?? null },
        [actionField(0, "emailOwner")]: input.select(owner.email ?? null),
        [actionField(0, "due")]: { type: "datepicker", selected_date: "2026-03-20" },
        [actionField(0, "topic")]: input.select(null),
      },
    }),
  );
}

const toSam = () => sink.received.filter((m) => m.envelope.to.includes(SAM));
const header = (mail: ReceivedMail, name: string) =>
  mail.parsed!.headerLines.find((l) => l.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

describe("an action owned by a member by email", () => {
  it("is offered in the form beside Slack's user picker, only when there are members by email", async () => {
    await h.interact(
      overflowAction({
        user: ALICE,
        actionId: ACTION.meetingMenu,
        value: JSON.stringify({ m: meetingId, do: "outcomes" }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    const view = h.slack.lastCall("views.open")!.args.view;
    const picker = view.blocks.find((b: any) => b.block_id === actionField(0, "emailOwner"));
    expect(picker.label.text).toBe("Or an owner by email for action 1");
    expect(picker.element.options.map((o: any) => [o.text.text, o.value])).toEqual([["Sam Jones (by email)", sam]]);
  });

  it("refuses two owners for one action, beside the field, and records nothing", async () => {
    const reply = await record({ slack: BOB, email: sam });
    expect(reply.json.errors).toEqual({
      [actionField(0, "owner")]: "Choose one owner: someone in Slack or someone who takes part by email, not both.",
    });
    expect(await h.db.actionItem.count()).toBe(0);
  });

  it("comes by email with a link to its page instead of a DM, and so do its reminders, on working days", async () => {
    expect((await record({ email: sam })).json).toEqual({ response_action: "clear" });
    expect(await h.db.actionItem.findFirstOrThrow()).toMatchObject({
      ownerId: sam,
      ownerName: "Sam Jones",
      title: "Share the research plan",
    });
    await deliver(h);
    // The reply in the meeting's thread names them, as they have no Slack mention.
    const reply = h.slack.callsTo("chat.postMessage").find((c) => c.args.thread_ts && /What came out/.test(c.args.text))!;
    expect(JSON.stringify(reply.args.blocks)).toContain("• Share the research plan: Sam Jones (by email), due Friday 20 March 2026");
    expect(h.slack.callsTo("chat.postMessage").filter((c) => String(c.args.channel).startsWith("mail:"))).toHaveLength(0);
    const [assigned] = toSam();
    expect(assigned.parsed!.subject).toBe("Your action: Share the research plan, due Friday 20 March 2026");
    expect(assigned.parsed!.text).toContain("At Show and tell on Tuesday 3 March 2026, Starting a business agreed an action for you.");
    expect(assigned.parsed!.text).toContain("Recorded by an organiser. You will get a reminder the working day before it is due.");
    expect(linkIn(h, assigned.parsed!.text!, "action")).toMatch(/\/action\/[\w.-]+$/);
    expect(header(assigned, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The same form again sends nothing more.
    await record({ email: sam });
    await deliver(h);
    expect(toSam()).toHaveLength(1);

    // Thursday 19 March, 9am: the working day before it is due.
    h.clock.set(new Date("2026-03-19T09:00:30Z"));
    await deliver(h);
    expect(toSam().map((m) => m.parsed!.subject)).toEqual([
      "Your action: Share the research plan, due Friday 20 March 2026",
      "Reminder: Share the research plan is due on Friday 20 March 2026",
    ]);
    // Monday 23 March, 9am: the first working day after it was due.
    h.clock.set(new Date("2026-03-23T09:00:30Z"));
    await deliver(h);
    expect(toSam().at(-1)!.parsed!.subject).toBe("Overdue: Share the research plan was due on Friday 20 March 2026");
    expect(toSam().at(-1)!.parsed!.text).toContain("It is on the agenda of the next meeting, so the community can help.");
  });

  it("is marked done on its page once, however often the form is sent, and the meeting's thread is told", async () => {
    await record({ email: sam });
    await deliver(h);
    const link = linkIn(h, toSam()[0].parsed!.text!, "action");
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const cookie = page.headers.get("set-cookie")?.split(";")[0] ?? "";
    const token = (await page.text()).match(/name="csrfToken" value="([^"]+)"/)![1]!;
    const send = () =>
      fetch(link, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken: token, do: "done" }),
        redirect: "manual",
      });
    expect((await send()).status).toBe(303);
    expect((await send()).status).toBe(303);
    expect(await h.db.actionItem.findFirstOrThrow()).toMatchObject({ status: "done", doneBy: sam });
    const told = h.slack.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === "1.1" && /Action done/.test(c.args.text));
    expect(told.map((c) => c.args.text)).toEqual([
      ":white_check_mark: Action done: *Share the research plan*, closed by its owner, Sam Jones (by email).",
    ]);
    // Its reminders are dropped.
    h.clock.set(new Date("2026-03-19T09:00:30Z"));
    await deliver(h);
    expect(toSam()).toHaveLength(1);
    // A changed link is refused.
    expect((await fetch(`${link.slice(0, -2)}xx`)).status).toBe(404);
  });
});
