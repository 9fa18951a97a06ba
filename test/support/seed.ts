// Test worlds built through the domain services, for tests that are not about the
// flows that would otherwise build them. Creating a community and joining it through
// their modals is what create.test.ts and membership.test.ts test; a test of meetings
// or problems needs only the community and its members, and submitting those modals
// over HTTP cost it a few hundred milliseconds a test.
//
// The records are the ones the modals write, written by the same services. What a seed
// skips is Slack's side of those flows: the channel and its members are registered in
// the fake Slack, and no topic, welcome or DM is sent (tests clear the fake's log after
// their set-up anyway).
import { DateTime } from "luxon";
import { checkCommunityDraft } from "../../src/domain/communities/communityDraft";
import { checkMeetingDraft } from "../../src/domain/meetings/meetingDraft";
import type { Services } from "../../src/services";
import type { Db } from "../../src/store/prismaClient";
import type { FakeSlack } from "./fakeSlack";
import { type CreateFields, createFields } from "./flows";
import { type Harness, TEAM_ID } from "./harness";

/** Where to seed: an app under test (its services, its database, the fake Slack), or services on a store alone. */
export interface SeedTarget {
  services: Services;
  db: Db;
  slack?: FakeSlack;
}

function targetOf(to: Harness | SeedTarget): SeedTarget {
  return "app" in to ? { services: to.app.services, db: to.db, slack: to.slack } : to;
}

let channels = 0;

/** A community as the create modal makes it, with `creator` its organiser; returns its row. */
export async function seedCommunity(to: Harness | SeedTarget, creator: string, fields: CreateFields = {}) {
  const { services, db, slack } = targetOf(to);
  const f = createFields(fields);
  const draft = checkCommunityDraft({
    ...f,
    links: { mailing_list: f.mailingList, regular_calls: f.regularCalls, trello: f.trello },
    newChannelName: f.channel,
    existingChannelId: f.existingChannel,
  });
  const created = await services.communities.create({ teamId: TEAM_ID }, creator, draft, null);
  if (created.kind !== "created") throw new Error(`seeding ${draft.name} found it already created`);
  let channelId: string;
  if (draft.channel.kind === "existing") {
    channelId = draft.channel.channelId;
    slack?.addMember(channelId, creator);
  } else {
    channelId = slack ? slack.addChannel(draft.channel.name, { members: [creator] }) : `C0SEED${String(++channels).padStart(4, "0")}`;
  }
  await services.communities.attachChannel(created.community.id, channelId, creator);
  return db.community.findUniqueOrThrow({ where: { id: created.community.id } });
}

/** `user` joins as the join modal joins them (DWP, user-centred design unless told), and is in the channel. */
export async function seedMember(
  to: Harness | SeedTarget,
  user: string,
  communityId: string,
  profile: { organisation?: string; profession?: string } = {},
): Promise<void> {
  const { services, slack } = targetOf(to);
  const community = await services.communities.byId(communityId);
  await services.memberships.join(community, user, {
    organisation: profile.organisation ?? "dwp",
    organisationOther: null,
    profession: profile.profession ?? "user-centred-design",
    professionOther: null,
  });
  if (community.slackChannelId) slack?.addMember(community.slackChannelId, user);
}

/**
 * A one-off meeting at a London wall time, scheduled through the service as the
 * form would (an hour, a video link), shown as announced in `channel` when given.
 */
export async function seedMeeting(
  to: Harness | SeedTarget,
  communityId: string,
  local: string,
  opts: { title?: string; by?: string; groupId?: string; channel?: string; reminders?: string[]; now: Date },
) {
  const { services, db } = targetOf(to);
  const community = await services.communities.byId(communityId);
  const draft = checkMeetingDraft(
    {
      title: opts.title ?? "Show and tell",
      videoLink: "https://teams.example.gov.uk/meet/123",
      start: String(DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds()),
      duration: "60",
      recurrence: "none",
      reminders: opts.reminders ?? [],
    },
    { zone: community.timezone, pickerZone: "Europe/London", now: opts.now },
  );
  const [meeting] = (await services.meetings.schedule(community, opts.by ?? community.createdBy, draft, null, opts.groupId ?? null))
    .meetings;
  if (opts.channel)
    await db.meeting.update({ where: { id: meeting.id }, data: { announcementChannelId: opts.channel, announcementTs: "1.1" } });
  return meeting;
}
