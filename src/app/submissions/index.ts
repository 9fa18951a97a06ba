import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../../services";
import { registerAcceptInvitationSubmission } from "./acceptInvitation";
import { registerCancelMeetingSubmission } from "./cancelMeeting";
import { registerCommunitySettingsSubmission } from "./communitySettings";
import { registerCreateCommunitySubmission } from "./createCommunity";
import { registerCreateGroupSubmission } from "./createGroup";
import { registerEditProblemSubmission } from "./editProblem";
import { registerJoinCommunitySubmission } from "./joinCommunity";
import { registerLogProblemSubmission } from "./logProblem";
import { registerProblemDecisionSubmissions } from "./problemDecisions";
import { registerScheduleMeetingSubmission } from "./scheduleMeeting";
import { registerSendInvitationsSubmission } from "./sendInvitations";

export function registerViews(app: App, services: Services, beforeAckClient: WebClient): void {
  registerCreateCommunitySubmission(app, services, beforeAckClient);
  registerCreateGroupSubmission(app, services, beforeAckClient);
  registerJoinCommunitySubmission(app, services);
  registerLogProblemSubmission(app, services);
  registerEditProblemSubmission(app, services);
  registerProblemDecisionSubmissions(app, services);
  registerScheduleMeetingSubmission(app, services);
  registerCancelMeetingSubmission(app, services);
  registerCommunitySettingsSubmission(app, services);
  registerSendInvitationsSubmission(app, services);
  registerAcceptInvitationSubmission(app, services);
}
