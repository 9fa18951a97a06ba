// Shared by several ports: the workspace key, a member's profile and the unique-rule error.

export interface WorkspaceKey {
  teamId: string;
  enterpriseId?: string;
}

export interface MemberProfile {
  organisation: string;
  organisationOther: string | null;
  profession: string;
  professionOther: string | null;
}

/** Which unique rule a write broke, so the domain can say which field is wrong. */
export type UniqueRule = "name" | "slug" | "channel" | "request" | "occurrence";

export class UniqueViolation extends Error {
  constructor(readonly rule: UniqueRule | "unknown") {
    super(`unique constraint: ${rule}`);
    this.name = "UniqueViolation";
  }
}
