// Answering the round: a member opens the form from their question (what it is, the
// stages it touches, where it is, when it is expected, and whether it is something
// they told about before) or says Nothing new. Any member may answer, for their own
// organisation, until the meeting starts; each form adds one update once, however
// often it is sent. Answers after the post has gone out still join the timeline.
// The same for an answer from the round's web page (src/web/pages/roundPage.ts),
// reached from an email: no workspace (the signed link says who and what), and
// the organisation the link was made for must still be theirs.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, normaliseName } from "../common/text";
import { organisationKey } from "../members/coverage";
import { isEmailPerson } from "../members/people";
import { organisationShortLabel } from "../members/profiles";
import {
  PROJECT_STATES,
  type ProjectState,
  type ProjectUpdateRecord,
  type StageRecord,
  type Store,
  UniqueViolation,
  type WorkspaceKey,
} from "../ports";
import type { RoundPlace, RoundQuestion, RoundService } from "./round";

export const UPDATE_LIMITS = { titleMin: 3, titleMax: 150, earlierShown: 50, yearsAhead: 10 } as const;

/** What the form sends, as read from it. */
export interface UpdateInput {
  title: string | null;
  stageIds: string[];
  state: string | null;
  expectedOn: string | null;
  /** The projectKey of an earlier update it follows, if chosen. */
  earlier: string | null;
}

/** What the form offers. */
export interface UpdateForm extends RoundPlace {
  organisation: { key: string; label: string };
  stages: StageRecord[];
  /** The organisation's things told about before, latest first. */
  earlier: ProjectUpdateRecord[];
}

export class RoundAnswers {
  constructor(private readonly deps: { store: Store; clock: Clock; round: RoundService }) {}

  private get store() {
    return this.deps.store;
  }

  /**
   * The meeting's round for a member to answer: it must be in the workspace (null: reached by a
   * signed link, which names the meeting itself), still ahead, and theirs to answer; `asked`, the
   * organisation a link was made for, must still be theirs.
   */
  private async answering(workspace: WorkspaceKey | null, meetingId: string, actorId: string, asked?: string) {
    const meeting = await this.store.meetings.findById(meetingId);
    const [community, group] = await Promise.all([
      meeting ? this.store.communities.findById(meeting.communityId) : null,
      meeting?.groupId ? this.store.groups.findById(meeting.groupId) : null,
    ]);
    const workspaceId = workspace ? await this.store.communities.findWorkspaceId(workspace) : community?.workspaceId;
    if (!meeting || !community || community.workspaceId !== workspaceId) {
      throw new AppError("gone", { key: "round.closed", title: "", why: "gone" });
    }
    if (meeting.status === "cancelled") throw new AppError("gone", { key: "round.closed", title: meeting.title, why: "cancelled" });
    if (meeting.startsAt.getTime() <= this.deps.clock.now().getTime()) {
      throw new AppError("gone", { key: "round.closed", title: meeting.title, why: "started" });
    }
    const membership = await this.store.memberships.find(community.id, actorId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "round.members_only", community: community.name });
    // A member by email has no Slack mention: their name is kept with what they tell.
    const organisation = {
      key: organisationKey(membership),
      label: organisationShortLabel(membership),
      answererName: isEmailPerson(actorId) ? membership.displayName : null,
    };
    if (asked !== undefined && asked !== organisation.key) {
      throw new AppError("gone", { key: "round.closed", title: meeting.title, why: "organisation" });
    }
    return { place: { meeting, community, group }, organisation };
  }

  async form(workspace: WorkspaceKey | null, meetingId: string, actorId: string, asked?: string): Promise<UpdateForm> {
    const { place, organisation } = await this.answering(workspace, meetingId, actorId, asked);
    const [stages, earlier] = await Promise.all([
      this.store.journey.stages(place.community.id),
      this.store.round.latestOf(place.community.id, organisation.key, UPDATE_LIMITS.earlierShown),
    ]);
    return { ...place, organisation, stages: stages.filter((s) => s.status === "accepted"), earlier };
  }

  /** The round as its web page shows it to someone asked by email: the form, and what their organisation has told so far. */
  async onPage(meetingId: string, personId: string, asked: string): Promise<{ form: UpdateForm; question: RoundQuestion }> {
    const form = await this.form(null, meetingId, personId, asked);
    return { form, question: await this.deps.round.questionFor(form, form.organisation.key, personId, "ask") };
  }

  /**
   * Adds the form's update (field errors keyed title, state, expectedOn), and returns the
   * question as it now stands for redrawing the DM it came from. The same form sent twice adds one.
   */
  async addUpdate(
    workspace: WorkspaceKey | null,
    meetingId: string,
    actorId: string,
    input: UpdateInput,
    requestId: string | null,
    asked?: string,
  ): Promise<{ update: ProjectUpdateRecord; question: RoundQuestion }> {
    const { place, organisation } = await this.answering(workspace, meetingId, actorId, asked);
    const now = this.deps.clock.now();
    const fields = checkUpdate(input, now, place.community.timezone);
    const earlier = input.earlier ? await this.store.round.latestOf(place.community.id, organisation.key, UPDATE_LIMITS.earlierShown) : [];
    // An earlier thing of this organisation's only: any other key starts a thing of its own.
    const projectKey = earlier.find((u) => u.projectKey === input.earlier)?.projectKey ?? randomUUID();
    const update = await this.record(place, organisation, actorId, requestId, now, { ...fields, projectKey, nothingNew: false });
    await recordAudit(this.store, place.community, actorId, "round.update_told", now, {
      meetingId,
      updateId: update.id,
      state: update.state,
    });
    return { update, question: await this.deps.round.questionFor(place, organisation.key, actorId, "ask") };
  }

  /** Nothing new for the member's organisation: once a round and organisation, however often it is clicked. */
  async nothingNew(workspace: WorkspaceKey | null, meetingId: string, actorId: string, asked?: string): Promise<RoundQuestion> {
    const { place, organisation } = await this.answering(workspace, meetingId, actorId, asked);
    const now = this.deps.clock.now();
    const fields = { title: "", state: null, expectedOn: null, stageIds: [], projectKey: randomUUID(), nothingNew: true };
    await this.record(place, organisation, actorId, `nothing:${meetingId}:${organisation.key}`, now, fields);
    return this.deps.round.questionFor(place, organisation.key, actorId, "ask");
  }

  private async record(
    { meeting, community }: RoundPlace,
    organisation: { key: string; label: string; answererName: string | null },
    actorId: string,
    requestId: string | null,
    now: Date,
    fields: {
      title: string;
      state: ProjectState | null;
      expectedOn: string | null;
      stageIds: string[];
      projectKey: string;
      nothingNew: boolean;
    },
  ): Promise<ProjectUpdateRecord> {
    try {
      return await this.store.round.add({
        communityId: community.id,
        meetingId: meeting.id,
        // The group's for good: kept if the meeting is deleted.
        groupId: meeting.groupId,
        organisation: organisation.key,
        organisationName: organisation.label,
        answeredBy: actorId,
        answeredByName: organisation.answererName,
        requestId,
        now,
        ...fields,
      });
    } catch (error) {
      // The same form (or Nothing new) a second time: the first one stands.
      const first = error instanceof UniqueViolation && requestId ? await this.store.round.findByRequestId(requestId) : null;
      if (first) return first;
      throw error;
    }
  }
}

/** The form's fields, checked: each mistake beside its input. */
export function checkUpdate(
  input: UpdateInput,
  now: Date,
  zone: string,
): { title: string; state: ProjectState; expectedOn: string | null; stageIds: string[] } {
  const errors: FieldErrors = {};
  const title = normaliseName(cleanText(input.title ?? "", "line"));
  if (title.length < UPDATE_LIMITS.titleMin || title.length > UPDATE_LIMITS.titleMax) {
    errors.title = { key: "round.title", min: UPDATE_LIMITS.titleMin, max: UPDATE_LIMITS.titleMax };
  }
  const state = (PROJECT_STATES as readonly string[]).includes(input.state ?? "") ? (input.state as ProjectState) : null;
  if (!state) errors.state = { key: "round.state" };
  const expectedOn = input.expectedOn?.trim() || null;
  if (expectedOn) {
    const day = DateTime.fromISO(expectedOn, { zone });
    const latest = DateTime.fromJSDate(now, { zone }).plus({ years: UPDATE_LIMITS.yearsAhead });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expectedOn) || !day.isValid || day > latest) errors.expectedOn = { key: "round.expected_on" };
  }
  if (Object.keys(errors).length || !state) throw new ValidationError(errors);
  return { title, state, expectedOn, stageIds: [...new Set(input.stageIds)].slice(0, 50) };
}
