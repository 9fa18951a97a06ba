// Every request answered inside Slack's 3 seconds: bodies of the wrong shape
// are refused with 400 at once, wrong-typed answers inside a well-formed body
// are errors the person sees, and anything no listener takes (a button, form,
// list, shortcut or command renamed since its message was posted) is acked and
// the person told what to do.

import { UNREADABLE_ANSWER } from "../../src/app/support/viewState";
import { reasonText } from "../../src/i18n";
import { ACTION, CALLBACK, SETTINGS_BLOCK } from "../../src/views/ids";
import { OUT_OF_DATE_BUTTON, OUT_OF_DATE_OPTION_VALUE } from "../../src/views/outOfDate";
import { createCommunity } from "../support/flows";
import { type Harness, type HttpReply, startHarness, TEAM_ID } from "../support/harness";
import { blockAction, input, optionsRequest, overflowAction, user, viewSubmission } from "../support/payloads";

/** Well under Slack's 3 s, with room for a loaded machine. */
const PROMPTLY_MS = 1000;

let h: Harness;
let communityId: string;
beforeAll(async () => {
  h = await startHarness();
  communityId = (await createCommunity(h, "U0ALICE")).id;
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.slack.reset());

/** Sends a raw body and measures how long the answer took; waits for work after the ack. */
async function timed(send: () => Promise<HttpReply>): Promise<HttpReply & { ms: number }> {
  const started = performance.now();
  const reply = await send();
  const ms = performance.now() - started;
  await h.idle();
  return { ...reply, ms };
}

const interaction = (payload: unknown) => timed(() => h.post(`payload=${encodeURIComponent(JSON.stringify(payload))}`));

function commandForm(fields: Record<string, string | string[]>): string {
  const form = new URLSearchParams();
  const all: Record<string, string | string[]> = {
    team_id: TEAM_ID,
    channel_id: "C0RANDOM",
    user_id: "U0ALICE",
    command: "/community",
    response_url: h.slack.responseUrl(),
    trigger_id: "trigger-edge",
    ...fields,
  };
  for (const [key, value] of Object.entries(all)) for (const v of [value].flat()) form.append(key, v);
  return form.toString();
}

describe("a body of the wrong shape", () => {
  it.each([
    ["an `actions` that is a string", { type: "block_actions", team: { id: TEAM_ID }, user: user("U0ALICE"), actions: "problem_vote" }],
    ["an `actions` that is empty", { type: "block_actions", team: { id: TEAM_ID }, user: user("U0ALICE"), actions: [] }],
    [
      "an action whose value is a number",
      {
        ...blockAction({ user: "U0ALICE", actionId: ACTION.voteProblem }),
        actions: [{ type: "button", action_id: ACTION.voteProblem, value: 42 }],
      },
    ],
    ["a submission with no view", { type: "view_submission", team: { id: TEAM_ID }, user: user("U0ALICE"), view: null }],
    [
      "a submission from nobody",
      { ...viewSubmission({ user: "U0ALICE", callbackId: CALLBACK.editProblem, values: {} }), user: undefined, team: null },
    ],
    ["a type Slack does not send", { type: "nonsense", team: { id: TEAM_ID }, user: user("U0ALICE") }],
    ["no type at all", { team: { id: TEAM_ID }, user: user("U0ALICE") }],
    [
      "legacy attachment buttons, which this app never posts",
      { type: "interactive_message", team: { id: TEAM_ID }, user: user("U0ALICE"), callback_id: "old", actions: [{ name: "x" }] },
    ],
  ])("%s gets 400 at once and nothing happens", async (_label, payload) => {
    const reply = await interaction(payload);
    expect(reply.status).toBe(400);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(h.slack.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("a command whose text came twice gets 400 at once", async () => {
    const reply = await timed(() => h.post(commandForm({ text: ["help", "list"] })));
    expect(reply.status).toBe(400);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
  });

  it("Slack's note that events come too fast is acked", async () => {
    const reply = await timed(() =>
      h.post(
        JSON.stringify({ token: "x", type: "app_rate_limited", team_id: TEAM_ID, minute_rate_limited: 1518467820, api_app_id: "A0APP" }),
        { contentType: "application/json" },
      ),
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
  });

  it("leaves the app serving", async () => {
    await interaction({ type: "block_actions", team: { id: TEAM_ID }, user: user("U0ALICE"), actions: "x" });
    expect((await h.command("help")).json.response_type).toBe("ephemeral");
  });
});

describe("a well-formed request with a wrong-typed value", () => {
  it("a command with no text is read as an empty one: the help, in the ack", async () => {
    const reply = await timed(() => h.post(commandForm({})));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json.response_type).toBe("ephemeral");
    expect(reply.json.text).toBe("Service Communities: what you can do with /community");
  });

  it("a checkbox whose choices are a string is an error beside that field, and nothing is saved", async () => {
    const before = await h.db.community.findUniqueOrThrow({ where: { id: communityId } });
    const reply = await interaction(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.communitySettings,
        privateMetadata: JSON.stringify({ communityId }),
        values: {
          [SETTINGS_BLOCK.membersCanSchedule]: { type: "checkboxes", selected_options: "yes" },
          [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("7"),
        },
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: { [SETTINGS_BLOCK.membersCanSchedule]: reasonText(UNREADABLE_ANSWER) },
    });
    expect(await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).toEqual(before);
  });

  it.each([
    ["a text input whose value is a list", { type: "plain_text_input", value: ["a"] }],
    ["a date-time picker whose value is text", { type: "datetimepicker", selected_date_time: "tomorrow" }],
    ["a select whose option has no value", { type: "static_select", selected_option: { text: "x" } }],
  ])("%s is an error beside that field", async (_label, element) => {
    const reply = await interaction(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.scheduleMeeting,
        privateMetadata: JSON.stringify({ communityId }),
        values: { title: element },
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json).toEqual({ response_action: "errors", errors: { title: reasonText(UNREADABLE_ANSWER) } });
  });

  it("a menu choice that is not what the app wrote is acked and the person told", async () => {
    const responseUrl = h.slack.responseUrl();
    const reply = await interaction(
      overflowAction({ user: "U0ALICE", actionId: ACTION.problemStatus, value: "not json", channel: "C0RANDOM", responseUrl }),
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/Something went wrong in this app, so nothing was changed/);
  });

  it("an options request the listener cannot serve gets an empty list at once", async () => {
    const reply = await interaction({
      ...optionsRequest({ user: "U0ALICE", actionId: ACTION.problemPicker, value: "x" }),
      view: { id: "V1", private_metadata: '{"problemId": "no-such-problem"}' },
    });
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json).toEqual({ options: [] });
  });
});

describe("a request no listener takes", () => {
  it("a click on a renamed button is acked and the clicker told where they clicked", async () => {
    const responseUrl = h.slack.responseUrl();
    const reply = await interaction(
      blockAction({ user: "U0ALICE", actionId: "problem_vote_v0", value: "x", channel: "C0RANDOM", responseUrl }),
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(h.slack.responses.at(-1)).toEqual({
      path: new URL(responseUrl).pathname,
      body: { response_type: "ephemeral", replace_original: false, text: OUT_OF_DATE_BUTTON },
    });
  });

  it("…and by DM from App Home, which has nowhere else to answer", async () => {
    const reply = await interaction(blockAction({ user: "U0ALICE", actionId: "home_old_button" }));
    expect(reply.status).toBe(200);
    expect(h.slack.lastCall("chat.postMessage")!.args).toMatchObject({ channel: "U0ALICE", text: OUT_OF_DATE_BUTTON });
  });

  it("an old block id on a known button still reaches its listener", async () => {
    const responseUrl = h.slack.responseUrl();
    await interaction(
      blockAction({
        user: "U0ALICE",
        actionId: ACTION.voteProblem,
        value: "no-such-problem",
        channel: "C0RANDOM",
        responseUrl,
        blockId: "old_block",
      }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toBe("That problem no longer exists.");
  });

  it("a renamed form is replaced by a note saying it is out of date", async () => {
    const reply = await interaction(
      viewSubmission({ user: "U0ALICE", callbackId: "community_settings_v0", values: { x: input.text("y") } }),
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json.response_action).toBe("update");
    expect(JSON.stringify(reply.json.view.blocks)).toContain(
      "This form is out of date, so nothing was saved. Close this window, then run the command again",
    );
  });

  it("closing a form is acked", async () => {
    const closed = {
      ...viewSubmission({ user: "U0ALICE", callbackId: CALLBACK.communitySettings, values: {} }),
      type: "view_closed",
      is_cleared: false,
    };
    const reply = await interaction(closed);
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
  });

  it("a renamed list offers one choice that says it is out of date", async () => {
    const reply = await interaction(optionsRequest({ user: "U0ALICE", actionId: "organisation_select_v0", value: "hm" }));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json.options).toEqual([
      {
        text: expect.objectContaining({ text: "This list is out of date: close the form and open it again" }),
        value: OUT_OF_DATE_OPTION_VALUE,
      },
    ]);
    expect(reply.json.options[0].text.text.length).toBeLessThanOrEqual(75);
  });

  it.each([
    [
      "a global shortcut",
      { type: "shortcut", callback_id: "old_shortcut", trigger_id: "trigger-old", team: { id: TEAM_ID }, user: user("U0ALICE") },
    ],
    [
      "a message shortcut",
      {
        type: "message_action",
        callback_id: "old_message_shortcut",
        trigger_id: "trigger-old",
        team: { id: TEAM_ID },
        user: user("U0ALICE"),
        channel: { id: "C0RANDOM" },
        message: { ts: "1.2", text: "hi" },
      },
    ],
  ])("%s the app no longer has opens a note saying so", async (_label, payload) => {
    const reply = await interaction(payload);
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    const opened = h.slack.lastCall("views.open")!.args;
    expect(opened.trigger_id).toBe("trigger-old");
    expect(JSON.stringify(opened.view.blocks)).toContain("This shortcut is out of date, so nothing was done.");
  });

  it("a command the app does not have is answered ephemerally", async () => {
    const reply = await timed(() => h.post(commandForm({ command: "/communities", text: "list" })));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(PROMPTLY_MS);
    expect(reply.json).toEqual({
      response_type: "ephemeral",
      text: "This app has no command called `/communities`. Type `/community help` to see every command.",
    });
  });
});

describe("the router", () => {
  it("runs after every global middleware: one added after the listeners is refused, not silently skipped", () => {
    expect(() => h.app.app.use(async ({ next }) => next())).toThrow(/before any listener/);
  });
});
