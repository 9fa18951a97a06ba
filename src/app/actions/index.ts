import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { registerAcceptInvitation } from "./acceptInvitation";
import { registerAddToCalendar } from "./addToCalendar";
import { registerChangeProblemStatus, registerPromoteProblem } from "./changeProblemStatus";
import { registerDeclineInvitation } from "./declineInvitation";
import { registerDigestDm } from "./digestDm";
import { registerEditProblem } from "./editProblem";
import { registerInviteCommunityPicked } from "./inviteCommunityPicked";
import { registerJoinCommunity } from "./joinCommunity";
import { registerJoinGroup } from "./joinGroup";
import { registerListPage } from "./listPage";
import { registerMeetingMenu } from "./meetingMenu";
import { registerMembersPage } from "./membersPage";
import { registerOpenCreateModal } from "./openCreateModal";
import { registerProblemsPage } from "./problemsPage";
import { registerRsvpMeeting } from "./rsvpMeeting";
import { registerVoteProblem } from "./voteProblem";

export function registerActions(app: App, services: Services): void {
  registerOpenCreateModal(app, services);
  registerJoinCommunity(app, services);
  registerJoinGroup(app, services);
  registerListPage(app, services);
  registerVoteProblem(app, services);
  registerProblemsPage(app, services);
  registerMembersPage(app, services);
  registerChangeProblemStatus(app, services);
  registerPromoteProblem(app, services);
  registerEditProblem(app, services);
  registerRsvpMeeting(app, services);
  registerMeetingMenu(app, services);
  registerAddToCalendar(app);
  registerDigestDm(app, services);
  registerInviteCommunityPicked(app, services);
  registerAcceptInvitation(app, services);
  registerDeclineInvitation(app, services);
}
