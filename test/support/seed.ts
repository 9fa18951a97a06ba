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
import { checkCommunityDraft } from "../../src/domain/communities/communityDraft";
import { createFields, type CreateFields } from "./flows";
import { TEAM_ID, type Harness } from "./harness";

/** A community as the create modal makes it, with `creator` its organiser; returns its row. */
export async function seedCommunity(h: Harness, creator: string, fields: CreateFields = {}) {
  const f = createFields(fields);
  const draft = checkCommunityDraft({
    ...f,
    links: { mailing_list: f.mailingList, regular_calls: f.regularCalls, trello: f.trello },
    newChannelName: f.channel,
    existingChannelId: f.existingChannel,
  });
  const { communities } = h.app.services;
  const created = await communities.create({ teamId: TEAM_ID }, creator, draft, null);
  if (created.kind !== "created") throw new Error(`seeding ${draft.name} found it already created`);
  const channelId = draft.channel.kind === "new" ? h.slack.addChannel(draft.channel.name, { members: [creator] }) : draft.channel.channelId;
  if (draft.channel.kind === "existing") h.slack.addMember(channelId, creator);
  await communities.attachChannel(created.community.id, channelId, creator);
  return h.db.community.findUniqueOrThrow({ where: { id: created.community.id } });
}

/** `user` joins as the join modal joins them (DWP, user-centred design unless told), and is in the channel. */
export async function seedMember(h: Harness, user: string, communityId: string, profile: { organisation?: string; profession?: string } = {}): Promise<void> {
  const { communities, memberships } = h.app.services;
  const community = await communities.byId(communityId);
  await memberships.join(community, user, { organisation: profile.organisation ?? "dwp", organisationOther: null, profession: profile.profession ?? "user-centred-design", professionOther: null });
  if (community.slackChannelId) h.slack.addMember(community.slackChannelId, user);
}
