// Findings and outputs members share, linked to the journey's stages.

export interface FindingRecord {
  id: string;
  communityId: string;
  title: string;
  link: string | null;
  summary: string;
  organisation: string;
  organisationOther: string | null;
  createdBy: string;
  createdAt: Date;
  /** The stages it is about, in journey order. */
  stages: Array<{ id: string; title: string; position: number }>;
}

export interface NewFinding {
  communityId: string;
  title: string;
  link: string | null;
  summary: string;
  organisation: string;
  organisationOther: string | null;
  /** Only the community's accepted stages are linked; any other id names nothing. */
  stageIds: string[];
  createdBy: string;
  createRequestId: string | null;
  now: Date;
}

export interface FindingStore {
  /** Null when the request id was used already (the same form submitted twice). */
  create(input: NewFinding): Promise<FindingRecord | null>;
  findByRequestId(requestId: string): Promise<FindingRecord | null>;
  /** Newest first; about `stageId` only when given. */
  page(communityId: string, stageId: string | null, offset: number, limit: number): Promise<{ items: FindingRecord[]; total: number }>;
  /** Shared after `after` (the digest's "Shared since last time"), newest first. */
  since(communityId: string, after: Date, limit: number): Promise<{ items: FindingRecord[]; total: number }>;
  /** Each stage's latest finding (by stage id), in one query however many stages and findings. */
  latestByStage(communityId: string): Promise<Map<string, { id: string; title: string; link: string | null }>>;
}
