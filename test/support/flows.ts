// The user journeys the tests repeat: submitting the create and join modals. Tests
// that are about something else build the same records faster with seed.ts.
import { CALLBACK, CREATE_BLOCK, PROFILE_BLOCK } from "../../src/views/ids";
import type { Harness } from "./harness";
import { input, viewSubmission } from "./payloads";

export interface CreateFields {
  name?: string | null;
  service?: string | null;
  purpose?: string | null;
  problems?: string | null;
  cadence?: string | null;
  contactMethods?: string[];
  mailingList?: string | null;
  regularCalls?: string | null;
  trello?: string | null;
  channel?: string | null;
  existingChannel?: string | null;
  timezone?: string | null;
  organisation?: string | null;
  organisationOther?: string | null;
  profession?: string | null;
  professionOther?: string | null;
}

/** The create modal's fields as a test fills them in: a valid community unless told otherwise. */
export function createFields(fields: CreateFields = {}): CreateFields & { channel: string | null } {
  const f: CreateFields = {
    name: "Starting a business",
    service: "Starting a business",
    purpose: "Make starting a business simpler, whichever organisation people meet first.",
    problems: "People register with HMRC and Companies House separately\nIt is unclear which licences a business needs",
    cadence: "monthly",
    contactMethods: ["slack_channel"],
    channel: undefined,
    timezone: "Europe/London",
    organisation: "hmrc",
    profession: "policy",
    ...fields,
  };
  const channel =
    f.channel === undefined
      ? `sc-${String(f.name ?? "x")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")}`
      : f.channel;
  return { ...f, channel };
}

export function createSubmission(user: string, fields: CreateFields = {}, viewId?: string) {
  const f = createFields(fields);
  return viewSubmission({
    user,
    callbackId: CALLBACK.createCommunity,
    viewId,
    privateMetadata: JSON.stringify({ channelId: "C0RANDOM" }),
    values: {
      [CREATE_BLOCK.name]: input.text(f.name ?? null),
      [CREATE_BLOCK.service]: input.text(f.service ?? null),
      [CREATE_BLOCK.purpose]: input.text(f.purpose ?? null),
      [CREATE_BLOCK.problems]: input.text(f.problems ?? null),
      [CREATE_BLOCK.cadence]: input.select(f.cadence ?? null),
      [CREATE_BLOCK.contactMethods]: input.checkboxes(f.contactMethods ?? []),
      [CREATE_BLOCK.linkMailingList]: input.text(f.mailingList ?? null),
      [CREATE_BLOCK.linkRegularCalls]: input.text(f.regularCalls ?? null),
      [CREATE_BLOCK.linkTrello]: input.text(f.trello ?? null),
      [CREATE_BLOCK.channel]: input.text(f.channel),
      [CREATE_BLOCK.existingChannel]: input.conversation(f.existingChannel ?? null),
      [CREATE_BLOCK.timezone]: input.external(f.timezone ?? null),
      [PROFILE_BLOCK.organisation]: input.external(f.organisation ?? null),
      [PROFILE_BLOCK.organisationOther]: input.text(f.organisationOther ?? null),
      [PROFILE_BLOCK.profession]: input.select(f.profession ?? null),
      [PROFILE_BLOCK.professionOther]: input.text(f.professionOther ?? null),
    },
  });
}

/** Creates a community through the modal and returns its row. */
export async function createCommunity(h: Harness, user: string, fields: CreateFields = {}) {
  const reply = await h.interact(createSubmission(user, fields));
  if (reply.status !== 200 || reply.json?.response_action !== "clear") {
    throw new Error(`create failed: ${reply.status} ${reply.text}`);
  }
  return h.db.community.findFirstOrThrow({ where: { name: fields.name ?? "Starting a business" } });
}

export function joinSubmission(
  user: string,
  opts: {
    team?: string;
    communityId?: string;
    pickedCommunity?: string | null;
    organisation?: string | null;
    organisationOther?: string | null;
    profession?: string | null;
    professionOther?: string | null;
  },
) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.joinCommunity,
    team: opts.team,
    privateMetadata: JSON.stringify(opts.communityId ? { communityId: opts.communityId } : {}),
    values: {
      ...(opts.pickedCommunity !== undefined ? { [PROFILE_BLOCK.community]: input.external(opts.pickedCommunity) } : {}),
      [PROFILE_BLOCK.organisation]: input.external(opts.organisation === undefined ? "dwp" : opts.organisation),
      [PROFILE_BLOCK.organisationOther]: input.text(opts.organisationOther ?? null),
      [PROFILE_BLOCK.profession]: input.select(opts.profession === undefined ? "user-centred-design" : opts.profession),
      [PROFILE_BLOCK.professionOther]: input.text(opts.professionOther ?? null),
    },
  });
}

export async function joinCommunity(
  h: Harness,
  user: string,
  communityId: string,
  profile: { organisation?: string; profession?: string } = {},
) {
  const reply = await h.interact(joinSubmission(user, { communityId, ...profile }));
  if (reply.status !== 200 || reply.json?.response_action === "errors") throw new Error(`join failed: ${reply.text}`);
}
