// Organisers in control of their community, through Slack: editing the charter
// (from /community edit and the button under /community info), its history,
// archiving and unarchiving (no digest or reminder while archived), deleting.
import { DateTime } from "luxon";
import { ACTION, BLOCK, CALLBACK, CREATE_BLOCK, DELETE_BLOCK, MEETING_BLOCK } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";

let h: Harness;
let communityId: string;
let channel: string;
/** The latest command's answer. */
let answer: Awaited<ReturnType<typeof command>>;
beforeEach(async () => {
  h = await startHarness();
  const community = await seedCommunity(h, "U0ALICE");
  communityId = community.id;
  channel = community.slackChannelId!;
  // The bot set these when it made the channel.
  h.slack.setChannelText(channel, {
    topic: "Service community for Starting a business",
    purpose: "Make starting a business simpler, whichever organisation people meet first.",
  });
  await seedMember(h, "U0BOB", communityId);
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const posts = (to: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === to);
const lastResponse = () => h.slack.responses.at(-1)!.body;

/** A command's answer: in the ack when it was ready in time, else sent to the response URL. */
async function command(
  text: string,
  opts: { user: string; channel?: string },
): Promise<{ text?: string; blocks?: unknown[]; response_type?: string }> {
  const reply = await h.command(text, opts);
  const acked = reply.json as { text?: string } | null;
  return acked?.text ? acked : (h.slack.responses.at(-1)?.body ?? {});
}

function charterForm(
  fields: { name?: string; service?: string; purpose?: string; cadence?: string; contactMethods?: string[]; trello?: string | null } = {},
  user = "U0ALICE",
) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.editCharter,
    privateMetadata: JSON.stringify({ communityId }),
    values: {
      [CREATE_BLOCK.name]: input.text(fields.name ?? "Starting a business"),
      [CREATE_BLOCK.service]: input.text(fields.service ?? "Starting a business"),
      [CREATE_BLOCK.purpose]: input.text(fields.purpose ?? "Make starting a business simpler, whichever organisation people meet first."),
      [CREATE_BLOCK.cadence]: input.select(fields.cadence ?? "monthly"),
      [CREATE_BLOCK.contactMethods]: input.checkboxes(fields.contactMethods ?? ["slack_channel"]),
      [CREATE_BLOCK.linkMailingList]: input.text(null),
      [CREATE_BLOCK.linkRegularCalls]: input.text(null),
      [CREATE_BLOCK.linkTrello]: input.text(fields.trello ?? null),
    },
  });
}

function click(user: string, actionId: string, value = communityId) {
  return h.interact(blockAction({ user, actionId, value, channel, responseUrl: h.slack.responseUrl(), blockId: BLOCK.charterActions }));
}

describe("editing the charter", () => {
  it("opens the form filled in from /community edit and from the organisers' button under /community info", async () => {
    answer = await command("edit", { user: "U0ALICE", channel });
    const view = h.slack.lastCall("views.open")?.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>;
    };
    expect(view.callback_id).toBe(CALLBACK.editCharter);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId });
    expect(view.blocks.find((b) => b.block_id === CREATE_BLOCK.name)?.element?.initial_value).toBe("Starting a business");

    answer = await command("info", { user: "U0ALICE", channel });
    const buttons = JSON.stringify(answer.blocks);
    for (const id of [ACTION.editCharter, ACTION.charterHistory, ACTION.archiveCommunity, ACTION.deleteCommunity])
      expect(buttons).toContain(id);
    h.slack.reset();
    await click("U0ALICE", ACTION.editCharter);
    expect(h.slack.lastCall("views.open")?.args.view).toMatchObject({ callback_id: CALLBACK.editCharter });
  });

  it("shows members the history button only, and refuses them the form", async () => {
    answer = await command("info", { user: "U0BOB", channel });
    const buttons = JSON.stringify(answer.blocks);
    expect(buttons).toContain(ACTION.charterHistory);
    expect(buttons).not.toContain(ACTION.editCharter);
    answer = await command("edit", { user: "U0BOB", channel });
    expect(answer.text).toBe("Only the organisers of *Starting a business* can edit its charter. Nothing was changed.");
    expect(h.slack.callsTo("views.open")).toEqual([]);
    const refused = await h.interact(charterForm({ purpose: "Taken over" }, "U0BOB"));
    expect(refused.json).toMatchObject({ response_action: "errors" });
    expect((await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).purpose).not.toBe("Taken over");
  });

  it("renames the community, keeps its channel, announces it once, and the list shows the new name at once", async () => {
    const reply = await h.interact(charterForm({ name: "Start a business", cadence: "quarterly" }));
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).toMatchObject({
      name: "Start a business",
      slackChannelId: channel,
      meetingCadence: "quarterly",
    });
    expect(posts(channel).map((c) => c.args.text)).toEqual([
      "<@U0ALICE> renamed this community from *Starting a business* to *Start a business*. They changed its how often it meets.",
    ]);
    expect(posts("U0ALICE").map((c) => c.args.text)).toEqual([
      `You changed the charter of *Start a business*: its name and how often it meets. The change is announced in <#${channel}> and saved in the charter's history.`,
    ]);
    // The topic names the service, which did not change.
    expect(h.slack.callsTo("conversations.setTopic")).toEqual([]);
    answer = await command("list", { user: "U0BOB" });
    expect(JSON.stringify(answer.blocks)).toContain("*Start a business*");
    expect(JSON.stringify(answer.blocks)).not.toContain("*Starting a business*");
  });

  it("updates the channel's topic and purpose when the bot wrote them, and leaves words people wrote", async () => {
    await h.interact(charterForm({ service: "Registering a business", purpose: "One journey, not five." }));
    expect(h.slack.lastCall("conversations.setTopic")?.args).toMatchObject({
      channel,
      topic: "Service community for Registering a business",
    });
    expect(h.slack.lastCall("conversations.setPurpose")?.args).toMatchObject({ channel, purpose: "One journey, not five." });

    h.slack.setChannelText(channel, { topic: "Our own words" });
    h.slack.reset();
    await h.interact(charterForm({ service: "Starting and running a business", purpose: "One journey, not five." }));
    expect(h.slack.callsTo("conversations.setTopic")).toEqual([]);
  });

  it("puts each error beside its field, refuses a name another community has, and changes nothing", async () => {
    await seedCommunity(h, "U0CAROL", { name: "Employing people", service: "Employing people" });
    const reply = await h.interact(charterForm({ name: "employing people", service: "", trello: "not a link" }));
    expect(reply.json).toMatchObject({ response_action: "errors" });
    const errors = (reply.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual([CREATE_BLOCK.linkTrello, CREATE_BLOCK.service].sort());
    const taken = await h.interact(charterForm({ name: "employing people" }));
    expect((taken.json as { errors: Record<string, string> }).errors[CREATE_BLOCK.name]).toContain(
      'A community called "Employing people" already exists',
    );
    expect(await h.db.auditEvent.count({ where: { action: "community.charter_changed" } })).toBe(0);
    expect(posts(channel)).toEqual([]);
  });

  it("says the form has expired when it lost its community, beside the name", async () => {
    const reply = await h.interact({ ...charterForm({ purpose: "x" }), view: { ...charterForm().view, private_metadata: "{not json" } });
    expect((reply.json as { errors: Record<string, string> }).errors[CREATE_BLOCK.name]).toBe(
      "This form has expired. Type `/community edit` again.",
    );
  });

  it("records each change, and the history shows who changed which field from what to what", async () => {
    h.clock.set(new Date("2026-03-03T14:30:00Z"));
    await h.interact(charterForm({ purpose: "One journey, not five." }));
    h.clock.set(new Date("2026-03-04T09:00:00Z"));
    await h.interact(
      charterForm({ purpose: "One journey, not five.", contactMethods: ["slack_channel", "trello"], trello: "https://trello.com/b/abc" }),
    );
    h.slack.reset();
    await click("U0BOB", ACTION.charterHistory);
    const history = lastResponse();
    expect(history.response_type).toBe("ephemeral");
    const shown = JSON.stringify(history.blocks);
    expect(shown).toContain("Wednesday 4 March 2026 at 9am UK time");
    expect(shown).toContain("Tuesday 3 March 2026 at 2:30pm UK time");
    expect(shown).toContain(
      "How members talk between meetings: from “Slack channel” to “Slack channel, Trello (https://trello.com/b/abc)”",
    );
    expect(shown).toContain(
      "Aims: from “Make starting a business simpler, whichever organisation people meet first.” to “One journey, not five.”",
    );
    expect(shown.indexOf("Wednesday 4 March")).toBeLessThan(shown.indexOf("Tuesday 3 March"));
  });

  it("saved unchanged, records and announces nothing", async () => {
    await h.interact(charterForm());
    expect(await h.db.auditEvent.count({ where: { action: "community.charter_changed" } })).toBe(0);
    expect(posts(channel)).toEqual([]);
    expect(posts("U0ALICE")[0].args.text).toContain("without changing anything");
  });
});

describe("archiving and unarchiving", () => {
  const picker = (local: string) => DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds();

  async function scheduleMeeting() {
    const reply = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.scheduleMeeting,
        privateMetadata: JSON.stringify({ communityId, pickerZone: "Europe/London" }),
        values: {
          [MEETING_BLOCK.title]: input.text("Show and tell"),
          [MEETING_BLOCK.start]: input.datetime(picker("2026-03-20T10:00")),
          [MEETING_BLOCK.duration]: input.select("60"),
          [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/123"),
          [MEETING_BLOCK.place]: input.text(null),
          [MEETING_BLOCK.agenda]: input.text(null),
          [MEETING_BLOCK.recurrence]: input.select("none"),
          [MEETING_BLOCK.ordinal]: input.select(null),
          [MEETING_BLOCK.reminders]: input.checkboxes(["1440", "60"]),
        },
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const meeting = await h.db.meeting.findFirstOrThrow({ where: { communityId } });
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.rsvpGoing,
        value: meeting.id,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.meetingActions,
      }),
    );
  }

  it("tells the channel once, sends no digest or reminder while archived, and starts them again when unarchived", async () => {
    await scheduleMeeting();
    await h.app.tick();
    h.slack.reset();

    await click("U0ALICE", ACTION.archiveCommunity);
    expect(lastResponse().text).toBe(`You archived *Starting a business* and told its members in <#${channel}>. Its records are kept.`);
    expect(JSON.stringify(lastResponse().blocks)).toContain(ACTION.unarchiveCommunity);
    expect(posts(channel).map((c) => c.args.text)).toEqual([
      "<@U0ALICE> archived *Starting a business*. It no longer appears in `/community list`, and its digests and meeting reminders have stopped. " +
        "Its records are kept: an organiser can bring it back with `/community unarchive Starting a business`.",
    ]);
    answer = await command("list", { user: "U0BOB" });
    expect(JSON.stringify(answer)).not.toContain("Starting a business");
    answer = await command("info starting a business", { user: "U0BOB" });
    expect(answer.text).toBe(
      "*Starting a business* is archived. One of its organisers can bring it back with `/community unarchive Starting a business`.",
    );

    // A week of digests and the day-before reminder fall due while it is archived.
    h.slack.reset();
    h.clock.set(new Date("2026-03-19T10:30:00Z"));
    await h.app.tick();
    expect(h.slack.callsTo("chat.postMessage")).toEqual([]);
    expect(
      await h.db.outboxMessage.count({ where: { communityId, status: "sent", updatedAt: { gte: new Date("2026-03-03T00:00:00Z") } } }),
    ).toBe(0);
    expect(
      await h.db.outboxMessage.count({ where: { communityId, status: "skipped", lastError: "the community is archived" } }),
    ).toBeGreaterThan(0);

    answer = await command("unarchive Starting a business", { user: "U0ALICE" });
    expect(answer.text).toContain("You unarchived *Starting a business*.");
    expect(posts(channel).map((c) => c.args.text)).toEqual([
      "<@U0ALICE> unarchived *Starting a business*. It is back in `/community list`, and its digests and meeting reminders start again.",
    ]);
    // The hour-before reminder, due after it came back, goes.
    h.slack.reset();
    h.clock.set(new Date("2026-03-20T09:00:00Z"));
    await h.app.tick();
    expect(posts("U0BOB").length).toBe(1);
  });

  it("lists the archived communities an organiser can bring back, and asks Slack's confirmation before the button archives", async () => {
    answer = await command("info", { user: "U0ALICE", channel });
    const archiveButton = (answer.blocks as Array<{ elements?: Array<{ action_id: string; confirm?: unknown }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTION.archiveCommunity);
    expect(archiveButton?.confirm).toMatchObject({ confirm: { text: "Archive" }, deny: { text: "Keep it" } });

    answer = await command("unarchive", { user: "U0ALICE" });
    expect(answer.text).toBe("You do not organise any archived communities. `/community list` shows the current ones.");
    answer = await command("archive", { user: "U0ALICE", channel });
    answer = await command("unarchive", { user: "U0ALICE" });
    expect(JSON.stringify(answer.blocks)).toContain("Starting a business");
    answer = await command("unarchive", { user: "U0BOB" });
    expect(answer.text).toBe("You do not organise any archived communities. `/community list` shows the current ones.");
    answer = await command("archive starting a business", { user: "U0BOB" });
    expect(answer.text).toBe(
      "*Starting a business* is archived. One of its organisers can bring it back with `/community unarchive Starting a business`.",
    );
  });

  it("refuses members", async () => {
    await click("U0BOB", ACTION.archiveCommunity);
    expect(lastResponse().text).toBe("Only the organisers of *Starting a business* can archive it. Nothing was changed.");
    expect((await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).archivedAt).toBeNull();
  });
});

describe("deleting", () => {
  function deleteForm(typed: string | null, user = "U0ALICE") {
    return viewSubmission({
      user,
      callbackId: CALLBACK.deleteCommunity,
      privateMetadata: JSON.stringify({ communityId }),
      values: { [DELETE_BLOCK.confirm]: input.text(typed) },
    });
  }

  it("asks for the name, then removes the data, shows what went, tells the channel and skips its waiting messages", async () => {
    await click("U0ALICE", ACTION.deleteCommunity);
    expect(h.slack.lastCall("views.open")?.args.view).toMatchObject({ callback_id: CALLBACK.deleteCommunity });

    const wrong = await h.interact(deleteForm("Starting a busines"));
    expect((wrong.json as { errors: Record<string, string> }).errors[DELETE_BLOCK.confirm]).toBe(
      "That is not the community's name. Type Starting a business exactly to delete it, or close this form to keep it.",
    );
    const pending = await h.db.outboxMessage.count({ where: { communityId, status: "pending" } });
    const reply = await h.interact(deleteForm("Starting a business"));
    const updated = reply.json as { response_action: string; view: { blocks: unknown[] } };
    expect(updated.response_action).toBe("update");
    expect(JSON.stringify(updated.view.blocks)).toContain("*Starting a business* has been deleted, with its 2 members and 2 problems.");
    expect(await h.db.community.count({ where: { id: communityId } })).toBe(0);
    expect(await h.db.membership.count({ where: { communityId } })).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { communityId, status: "pending" } })).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { communityId, status: "skipped", lastError: "the community was deleted" } })).toBe(
      pending,
    );
    expect(posts(channel).map((c) => c.args.text)).toEqual([
      "<@U0ALICE> deleted the community *Starting a business*. Its records have been removed from this app. This channel stays for as long as you want it.",
    ]);
    // Buttons on old messages now say it is gone, without a stack trace.
    await click("U0BOB", ACTION.charterHistory);
    expect(lastResponse().text).toBe("That community no longer exists. `/community list` shows the current ones.");
  });

  it("refuses members the form and the deletion", async () => {
    answer = await command("delete", { user: "U0BOB", channel });
    expect(answer.text).toBe("Only the organisers of *Starting a business* can delete it. Nothing was changed.");
    const reply = await h.interact(deleteForm("Starting a business", "U0BOB"));
    expect(reply.json).toMatchObject({ response_action: "errors" });
    expect(await h.db.community.count({ where: { id: communityId } })).toBe(1);
  });
});
