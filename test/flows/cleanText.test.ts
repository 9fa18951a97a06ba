// Clean text at the edge: what people type is stored without control
// characters, NUL or bidirectional overrides and isolates, whatever the
// database (PostgreSQL refuses a NUL outright), and every script people write
// in is kept as typed. A required field left empty by the cleaning gets its
// own error beside it.
import { DateTime } from "luxon";
import { SOMETHING_WENT_WRONG } from "../../src/app/support/replies";
import {
  ACTION,
  CALLBACK,
  CREATE_BLOCK,
  GROUP_BLOCK,
  INVITE_BLOCK,
  MEETING_BLOCK,
  PROBLEM_BLOCK,
  PROFILE_BLOCK,
} from "../../src/views/ids";
import { createCommunity, createSubmission } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { input, optionsRequest, viewSubmission } from "../support/payloads";

const NUL = "\u0000";
const RLO = "\u202e";
const LRI = "\u2066";
const PDI = "\u2069";
const WELSH = "Cychwyn busnes yng Nghymru: ŵ ŷ â ê î ô û";
const ARABIC = "تسجيل شركة جديدة";
const HEBREW = "רישום עסק חדש";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function problemForm(communityId: string, title: string, description: string | null = null) {
  return viewSubmission({
    user: "U0ALICE",
    callbackId: CALLBACK.logProblem,
    privateMetadata: JSON.stringify({ communityId }),
    values: {
      [PROBLEM_BLOCK.title]: input.text(title),
      [PROBLEM_BLOCK.description]: input.text(description),
      [PROBLEM_BLOCK.affects]: input.multiExternal([]),
      [PROBLEM_BLOCK.stage]: input.text(`Registering${NUL} for tax${RLO}`),
      [PROBLEM_BLOCK.link]: input.text(null),
    },
  });
}

describe("text is stored clean", () => {
  it("a NUL and a bidirectional override in a community's name, service and aims, and in a member's own organisation", async () => {
    const reply = await h.interact(
      createSubmission("U0ALICE", {
        name: `Starting${NUL} a ${RLO}business`,
        service: `Starting a business${LRI}evil${PDI}`,
        purpose: `Line one${NUL}\n\tLine two${RLO}\r\nLine three`,
        channel: "sc-starting",
        organisation: "other",
        organisationOther: `Anytown${NUL} Council${RLO}`,
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const community = await h.db.community.findFirstOrThrow();
    expect(community).toMatchObject({
      name: "Starting a business",
      service: "Starting a businessevil",
      purpose: "Line one\n\tLine two\nLine three",
    });
    const membership = await h.db.membership.findFirstOrThrow();
    expect(membership.organisationOther).toBe("Anytown Council");
    // Typed hidden characters do not make a second community of the same name.
    const again = await h.interact(createSubmission("U0ALICE", { name: "Starting a business", channel: "sc-again" }));
    expect(again.json.response_action).toBe("errors");
    expect(Object.keys(again.json.errors)).toContain(CREATE_BLOCK.name);
  });

  it("a NUL and a bidirectional override in a problem's title, description and where it bites", async () => {
    const community = await createCommunity(h, "U0ALICE");
    const reply = await h.interact(
      problemForm(community.id, `${RLO}Two${NUL} registrations${PDI}`, `First${NUL} line\n\tSecond line${LRI}`),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const problem = await h.db.problem.findFirstOrThrow({ where: { source: "command" } });
    expect(problem).toMatchObject({ title: "Two registrations", description: "First line\n\tSecond line", stage: "Registering for tax" });
  });

  it("a meeting's title, place and agenda, a group's name and focus, and an invitation's message", async () => {
    const community = await createCommunity(h, "U0ALICE");
    const meeting = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.scheduleMeeting,
        privateMetadata: JSON.stringify({ communityId: community.id, pickerZone: "Europe/London" }),
        values: {
          [MEETING_BLOCK.title]: input.text(`Show${NUL} and tell${RLO}`),
          [MEETING_BLOCK.start]: input.datetime(DateTime.fromISO("2026-03-20T10:00", { zone: "Europe/London" }).toSeconds()),
          [MEETING_BLOCK.duration]: input.select("60"),
          [MEETING_BLOCK.videoLink]: input.text(null),
          [MEETING_BLOCK.place]: input.text(`Room${NUL} 4${LRI}.2${PDI}`),
          [MEETING_BLOCK.agenda]: input.text(`1. Intro${NUL}\n2. Findings${RLO}`),
          [MEETING_BLOCK.recurrence]: input.select("none"),
          [MEETING_BLOCK.reminders]: input.checkboxes([]),
        },
      }),
    );
    expect(meeting.json).toEqual({ response_action: "clear" });
    expect(await h.db.meeting.findFirstOrThrow()).toMatchObject({
      title: "Show and tell",
      place: "Room 4.2",
      agenda: "1. Intro\n2. Findings",
    });

    const group = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.createGroup,
        privateMetadata: JSON.stringify({ communityId: community.id }),
        values: {
          [GROUP_BLOCK.name]: input.text(`User${NUL} research${RLO}`),
          [GROUP_BLOCK.focus]: input.text(`Research${NUL}\tacross the journey`),
          [GROUP_BLOCK.channel]: input.radio("none"),
          [GROUP_BLOCK.channelName]: input.text(null),
          [GROUP_BLOCK.existingChannel]: input.conversation(null),
        },
      }),
    );
    expect(group.json).toEqual({ response_action: "clear" });
    expect(await h.db.group.findFirstOrThrow()).toMatchObject({ name: "User research", focus: "Research across the journey" });

    const invited = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.sendInvitations,
        privateMetadata: JSON.stringify({ communityId: community.id }),
        values: {
          [INVITE_BLOCK.people]: { type: "multi_users_select", selected_users: ["U0BOB"] },
          [INVITE_BLOCK.emails]: input.text(null),
          [INVITE_BLOCK.message]: input.text(`Hello${NUL},\n\nPlease join us${RLO}.`),
        },
      }),
    );
    expect(invited.status).toBe(200);
    expect((await h.db.invitation.findFirstOrThrow()).message).toBe("Hello,\n\nPlease join us.");
  });

  it("Welsh, Arabic and Hebrew survive unchanged", async () => {
    const reply = await h.interact(
      createSubmission("U0ALICE", { name: WELSH, service: ARABIC, purpose: `${HEBREW}\n${ARABIC}\u200f.`, channel: "sc-cymru" }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const community = await h.db.community.findFirstOrThrow();
    expect(community).toMatchObject({ name: WELSH, service: ARABIC, purpose: `${HEBREW}\n${ARABIC}\u200f.` });
    expect((await h.interact(problemForm(community.id, ARABIC, WELSH))).json).toEqual({ response_action: "clear" });
    expect(await h.db.problem.findFirstOrThrow({ where: { source: "command" } })).toMatchObject({ title: ARABIC, description: WELSH });
    // And they find the community by name, as typed.
    const info = await h.command(`info ${WELSH}`);
    expect(JSON.stringify(info.json)).toContain("ŵ ŷ");
  });
});

describe("a field left empty by the cleaning", () => {
  it("gets its own error, and nothing is written", async () => {
    const reply = await h.interact(
      createSubmission("U0ALICE", {
        name: `${NUL}\u0001\u0007${RLO}${LRI}\t`,
        channel: "sc-empty",
        organisation: "other",
        organisationOther: `${NUL}${RLO}`,
      }),
    );
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors[CREATE_BLOCK.name]).toMatch(/name of at least 3 characters/);
    expect(reply.json.errors[PROFILE_BLOCK.organisationOther]).toMatch(/type your organisation's name/);
    expect(await h.db.community.count()).toBe(0);

    const community = await createCommunity(h, "U0ALICE");
    const problem = await h.interact(problemForm(community.id, `${NUL}${PDI}\u001f`));
    expect(problem.json.response_action).toBe("errors");
    expect(problem.json.errors[PROBLEM_BLOCK.title]).toMatch(/Give the problem a short title/);
  });
});

describe("typed words that are looked up", () => {
  it("a command or a search with a NUL is answered, not refused by the database", async () => {
    const community = await createCommunity(h, "U0ALICE");
    const info = await h.command(`info Starting${NUL} a business`);
    expect(JSON.stringify(info.json)).not.toContain(SOMETHING_WENT_WRONG);
    expect(JSON.stringify(info.json)).toContain("Starting a business");
    expect((await h.interact(problemForm(community.id, "Two registrations"))).json).toEqual({ response_action: "clear" });
    const problem = await h.db.problem.findFirstOrThrow({ where: { title: "Two registrations" } });
    const duplicateOf = await h.db.problem.findFirstOrThrow({ where: { NOT: { id: problem.id } } });
    const options = await h.interact({
      ...optionsRequest({ user: "U0ALICE", actionId: ACTION.problemPicker, value: `People${NUL}` }),
      view: { id: "V1", private_metadata: JSON.stringify({ problemId: problem.id }) },
    });
    expect(options.status).toBe(200);
    expect(options.json.options.map((o: { value: string }) => o.value)).toContain(duplicateOf.id);
  });
});
