/** A sub-group of a community, focused on one area (e.g. user research). */
export interface GroupRecord {
  id: string;
  communityId: string;
  name: string;
  focus: string;
  slackChannelId: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface NewGroup {
  communityId: string;
  name: string;
  nameKey: string;
  focus: string;
  createdBy: string;
  now: Date;
}

export interface GroupStore {
  /** Stores the group with its creator as first member. Throws UniqueViolation("name") when the community has the name. */
  create(input: NewGroup): Promise<GroupRecord>;
  /** Removes a group that never got the channel it was meant to have (its creation failed half-way). */
  discard(groupId: string): Promise<void>;
  setChannel(groupId: string, channelId: string): Promise<GroupRecord>;
  findById(groupId: string): Promise<GroupRecord | null>;
  findByNameKey(communityId: string, nameKey: string): Promise<GroupRecord | null>;
  /** Groups of the workspace's active communities with this name key, in any community. */
  findByNameKeyInWorkspace(workspaceId: string, nameKey: string): Promise<GroupRecord[]>;
  /** Groups of the workspace's active communities that talk in this channel. */
  findByChannel(workspaceId: string, channelId: string): Promise<GroupRecord[]>;
  /** A community's groups, by name. */
  list(communityId: string): Promise<GroupRecord[]>;
  /**
   * Each of the community's groups' members who are still active members of
   * the community, earliest first (someone who left the community drops out).
   */
  members(communityId: string): Promise<Map<string, string[]>>;
  /** Whether they are in the group (its list; whether they are still in the community is the membership's to say). */
  hasMember(groupId: string, slackUserId: string): Promise<boolean>;
  /** False when they were already in it. Safe when one person joins twice at once (one row a person). */
  addMember(groupId: string, slackUserId: string, now: Date): Promise<boolean>;
  /** False when they were not in it. */
  removeMember(groupId: string, slackUserId: string): Promise<boolean>;
}
