// Every port together: what src/store builds and the composition root hands out.
import type { AgendaStore } from "./agenda";
import type { AuditStore } from "./audit";
import type { CommunityStore } from "./communities";
import type { CommunityPageStore } from "./communityPages";
import type { CoverageStore } from "./coverage";
import type { DigestStore } from "./digests";
import type { EmailRefusalStore } from "./emailRefusals";
import type { FindingStore } from "./findings";
import type { GroupStore } from "./groups";
import type { InvitationStore } from "./invitations";
import type { JourneyStore } from "./journey";
import type { MeetingStageStore } from "./meetingStages";
import type { MeetingStore } from "./meetings";
import type { MembershipStore } from "./memberships";
import type { OutboxStore } from "./outbox";
import type { ActionStore, OutcomeStore } from "./outcomes";
import type { ProblemStore } from "./problems";
import type { RoundStore } from "./round";
import type { RunStore } from "./runs";

export interface Store {
  communities: CommunityStore;
  /** The reads of a community's web page. */
  communityPages: CommunityPageStore;
  memberships: MembershipStore;
  problems: ProblemStore;
  meetings: MeetingStore;
  meetingStages: MeetingStageStore;
  /** Meetings' agenda items. */
  agenda: AgendaStore;
  /** What came out of meetings: notes, decisions and actions. */
  outcomes: OutcomeStore;
  /** Actions agreed at meetings, as their owners close them or move their dates. */
  actions: ActionStore;
  /** The live-projects round: who was asked before each meeting, and what organisations told. */
  round: RoundStore;
  outbox: OutboxStore;
  runs: RunStore;
  digests: DigestStore;
  coverage: CoverageStore;
  groups: GroupStore;
  invitations: InvitationStore;
  journey: JourneyStore;
  findings: FindingStore;
  audit: AuditStore;
  /** Addresses that refuse mail. */
  emailRefusals: EmailRefusalStore;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** The migrations this build ships that the database has not applied (empty when it is up to date). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
