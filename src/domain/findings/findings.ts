// Findings and outputs (step 6: "share user research findings"): what a member
// learned or made, from their organisation, about some stages of the journey.
// It answers "how user researchers across the service can work together".

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, normaliseName, parseWebLink } from "../common/text";
import type { CommunityService } from "../communities/communities";
import { checkProfile } from "../members/profiles";
import type { CommunityRecord, FindingRecord, Store, WorkspaceKey } from "../ports";

export const FINDING_LIMITS = { titleMin: 3, titleMax: 150, summaryMax: 1000 } as const;
export const FINDINGS_PAGE_SIZE = 10;

export interface FindingInput {
  title?: string | null;
  link?: string | null;
  summary?: string | null;
  stageIds?: string[] | null;
  /** The organisation it comes from: the sharer's own unless they choose another. */
  organisation?: string | null;
  organisationOther?: string | null;
}

export interface FindingsPage {
  community: CommunityRecord;
  items: FindingRecord[];
  total: number;
  page: number;
  pageCount: number;
  /** The stage the list is about, when it is filtered to one. */
  stage: { id: string; number: number; title: string } | null;
}

export type Shared =
  | { kind: "shared"; finding: FindingRecord; community: CommunityRecord }
  | { kind: "duplicate"; finding: FindingRecord; community: CommunityRecord };

export class FindingService {
  constructor(private readonly deps: { store: Store; clock: Clock; communities: CommunityService }) {}

  private get store() {
    return this.deps.store;
  }

  /** The community, for the share form: its members only; with their organisation as the form's default. */
  async forSharing(workspace: WorkspaceKey, communityId: string, actorId: string) {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    const membership = await this.store.memberships.find(community.id, actorId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "finding.members_only", community: community.name });
    return { community, membership };
  }

  /** Field keys in errors: title, link, summary, organisation, organisationOther. `requestId` makes a second submission of the same form harmless. */
  async share(
    workspace: WorkspaceKey,
    communityId: string,
    actorId: string,
    input: FindingInput,
    requestId: string | null,
  ): Promise<Shared> {
    const { community, membership } = await this.forSharing(workspace, communityId, actorId);
    if (requestId) {
      const earlier = await this.store.findings.findByRequestId(requestId);
      if (earlier) return { kind: "duplicate", finding: earlier, community };
    }
    const errors: FieldErrors = {};
    const title = normaliseName(input.title ?? "");
    if (title.length < FINDING_LIMITS.titleMin) errors.title = { key: "finding.title_missing", min: FINDING_LIMITS.titleMin };
    else if (title.length > FINDING_LIMITS.titleMax)
      errors.title = { key: "text.this_too_long", max: FINDING_LIMITS.titleMax, length: title.length };
    const rawLink = cleanText(input.link ?? "", "line").trim();
    const link = rawLink ? parseWebLink(rawLink) : null;
    if (rawLink && !link) errors.link = { key: "link.not_link" };
    const summary = cleanText(input.summary ?? "", "lines").trim();
    if (summary.length > FINDING_LIMITS.summaryMax)
      errors.summary = { key: "text.this_too_long", max: FINDING_LIMITS.summaryMax, length: summary.length };
    // The same organisation rules as the join form; left empty, it is the sharer's own.
    const from = input.organisation
      ? checkProfile(
          {
            organisation: input.organisation,
            organisationOther: input.organisationOther,
            profession: membership.profession,
            professionOther: membership.professionOther,
          },
          errors,
        )
      : membership;
    if (Object.keys(errors).length || !from) throw new ValidationError(errors);
    const now = this.deps.clock.now();
    const finding = await this.store.findings.create({
      communityId: community.id,
      title,
      link,
      summary,
      organisation: from.organisation,
      organisationOther: from.organisationOther,
      stageIds: [...new Set(input.stageIds ?? [])],
      createdBy: actorId,
      createRequestId: requestId,
      now,
    });
    if (!finding) {
      const earlier = requestId ? await this.store.findings.findByRequestId(requestId) : null;
      if (earlier) return { kind: "duplicate", finding: earlier, community };
      throw new AppError("conflict", { key: "finding.race" });
    }
    await recordAudit(this.store, community, actorId, "finding.shared", now, { findingId: finding.id, title });
    return { kind: "shared", finding, community };
  }

  /** One page of the community's findings, newest first; `stageNumber` (1 first) narrows it to one stage of the journey. */
  async page(workspace: WorkspaceKey, communityId: string, page: number, stageNumber: number | null): Promise<FindingsPage> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    let stage: FindingsPage["stage"] = null;
    if (stageNumber !== null) {
      const stages = (await this.store.journey.stages(community.id)).filter((s) => s.status === "accepted");
      const found = stages[stageNumber - 1];
      if (!found) throw new AppError("not_found", { key: "finding.no_such_stage", number: stageNumber, stages: stages.length });
      stage = { id: found.id, number: stageNumber, title: found.title };
    }
    // As the community list does: read the page asked for, and only a stale "Next" past the end reads again.
    const stageId = stage?.id ?? null;
    const fetch = (p: number) => this.store.findings.page(community.id, stageId, p * FINDINGS_PAGE_SIZE, FINDINGS_PAGE_SIZE);
    const wanted = Math.max(0, page);
    let { items, total } = await fetch(wanted);
    const pageCount = Math.max(1, Math.ceil(total / FINDINGS_PAGE_SIZE));
    const current = Math.min(wanted, pageCount - 1);
    if (current !== wanted) ({ items, total } = await fetch(current));
    return { community, items, total, page: current, pageCount, stage };
  }
}
