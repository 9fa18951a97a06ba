// Actions (clicks, menu choices, pickers): which action_id each listener
// answers. Every listener acks at once and tells the clicker what went wrong
// in one way (support/action.ts). A listener bound to several ids tells them
// apart by the click's action_id, or by its value.
import type { App } from "@slack/bolt";
import type { Services } from "../../services";
import { ACTION } from "../../views/ids";
import { acceptInvitationAction } from "./acceptInvitation";
import { actionChangeDateAction } from "./actionChangeDate";
import { actionDoneAction } from "./actionDone";
import { actionsPageAction } from "./actionsPage";
import { addOutcomeActionAction } from "./addOutcomeAction";
import { addToCalendarAction } from "./addToCalendar";
import { agendaMenuAction } from "./agendaMenu";
import { agendaPageAction } from "./agendaPage";
import { answerSuggestionAction } from "./answerSuggestion";
import { archiveCommunityAction } from "./archiveCommunity";
import { charterHistoryAction } from "./charterHistory";
import { declineInvitationAction } from "./declineInvitation";
import { deleteCommunityAction } from "./deleteCommunity";
import { digestDmAction } from "./digestDm";
import { editCharterAction } from "./editCharter";
import { editProblemAction } from "./editProblem";
import { emailRefusalsAction } from "./emailRefusals";
import { findingsPageAction } from "./findingsPage";
import { inviteCommunityPickedAction } from "./inviteCommunityPicked";
import { joinCommunityAction } from "./joinCommunity";
import { joinGroupAction } from "./joinGroup";
import { journeyExportsAction } from "./journeyExports";
import { journeyPageAction } from "./journeyPage";
import { liftEmailRefusalAction } from "./liftEmailRefusal";
import { listPageAction } from "./listPage";
import { meetingCommunityPickedAction } from "./meetingCommunityPicked";
import { meetingMenuAction } from "./meetingMenu";
import { membersPageAction } from "./membersPage";
import { openAgendaItemAction } from "./openAgendaItem";
import { openCreateModalAction } from "./openCreateModal";
import { openJourneyDraftAction } from "./openJourneyDraft";
import { openMemberStagesAction } from "./openMemberStages";
import { openMessagesAction } from "./openMessages";
import { openShareFindingAction } from "./openShareFinding";
import { openStageModalAction } from "./openStageModal";
import { organisationMembersPageAction } from "./organisationMembersPage";
import { planActivityAction } from "./planActivity";
import { problemCommunityPickedAction } from "./problemCommunityPicked";
import { problemStatusMenuAction } from "./problemStatusMenu";
import { problemsPageAction } from "./problemsPage";
import { promoteProblemAction } from "./promoteProblem";
import { removeStageAction } from "./removeStage";
import { roundNothingNewAction } from "./roundNothingNew";
import { roundTellUsAction } from "./roundTellUs";
import { rsvpMeetingAction } from "./rsvpMeeting";
import { stageMenuAction } from "./stageMenu";
import { unarchiveCommunityAction } from "./unarchiveCommunity";
import { updatesPageAction } from "./updatesPage";
import { voteProblemAction } from "./voteProblem";

export function registerActions(app: App, services: Services): void {
  app.action(ACTION.openCreateModal, openCreateModalAction(services));
  app.action(ACTION.joinCommunity, joinCommunityAction(services));
  app.action(ACTION.joinGroup, joinGroupAction(services));

  app.action(ACTION.editCharter, editCharterAction(services));
  app.action(ACTION.charterHistory, charterHistoryAction(services));
  app.action(ACTION.archiveCommunity, archiveCommunityAction(services));
  app.action(ACTION.unarchiveCommunity, unarchiveCommunityAction(services));
  app.action(ACTION.deleteCommunity, deleteCommunityAction(services));
  app.action(ACTION.journeyExports, journeyExportsAction(services));
  app.action(ACTION.planActivity, planActivityAction(services));
  app.action(ACTION.openShareFinding, openShareFindingAction(services));
  const findingsPage = findingsPageAction(services);
  app.action(ACTION.findingsPrevious, findingsPage);
  app.action(ACTION.findingsNext, findingsPage);

  const listPage = listPageAction(services);
  app.action(ACTION.listPrevious, listPage);
  app.action(ACTION.listNext, listPage);

  app.action(ACTION.voteProblem, voteProblemAction(services));
  app.action(ACTION.problemStatus, problemStatusMenuAction(services));
  app.action(ACTION.promoteProblem, promoteProblemAction(services));
  app.action(ACTION.editProblem, editProblemAction(services));
  app.action(ACTION.problemCommunity, problemCommunityPickedAction(services));
  const problemsPage = problemsPageAction(services);
  app.action(ACTION.problemsPrevious, problemsPage);
  app.action(ACTION.problemsNext, problemsPage);

  const membersPage = membersPageAction(services);
  app.action(ACTION.membersPrevious, membersPage);
  app.action(ACTION.membersNext, membersPage);
  app.action(ACTION.membersBack, membersPage);
  const organisationMembersPage = organisationMembersPageAction(services);
  app.action(ACTION.membersOrganisation, organisationMembersPage);
  app.action(ACTION.membersOrganisationPrevious, organisationMembersPage);
  app.action(ACTION.membersOrganisationNext, organisationMembersPage);

  const journeyPage = journeyPageAction(services);
  app.action(ACTION.journeyPrevious, journeyPage);
  app.action(ACTION.journeyNext, journeyPage);
  app.action(ACTION.journeyBack, journeyPage);
  app.action(ACTION.stageMenu, stageMenuAction(services));
  app.action(ACTION.addStage, openStageModalAction(services));
  app.action(ACTION.removeStage, removeStageAction(services));
  const answerSuggestion = answerSuggestionAction(services);
  app.action(ACTION.acceptStage, answerSuggestion);
  app.action(ACTION.dismissStage, answerSuggestion);
  app.action(ACTION.draftJourney, openJourneyDraftAction(services));
  app.action(ACTION.memberStages, openMemberStagesAction(services));

  const rsvp = rsvpMeetingAction(services);
  app.action(ACTION.rsvpGoing, rsvp);
  app.action(ACTION.rsvpMaybe, rsvp);
  app.action(ACTION.rsvpNotGoing, rsvp);
  app.action(ACTION.meetingMenu, meetingMenuAction(services));
  app.action(ACTION.meetingCommunity, meetingCommunityPickedAction(services));
  app.action(ACTION.addToCalendar, addToCalendarAction(services));
  app.action(ACTION.openAgendaItem, openAgendaItemAction(services));
  app.action(ACTION.agendaMenu, agendaMenuAction(services));
  const agendaPage = agendaPageAction(services);
  app.action(ACTION.agendaPrevious, agendaPage);
  app.action(ACTION.agendaNext, agendaPage);
  app.action(ACTION.addOutcomeAction, addOutcomeActionAction(services));
  app.action(ACTION.actionDone, actionDoneAction(services));
  app.action(ACTION.actionChangeDate, actionChangeDateAction(services));
  const actionsPage = actionsPageAction(services);
  app.action(ACTION.actionsPrevious, actionsPage);
  app.action(ACTION.actionsNext, actionsPage);
  app.action(ACTION.roundTellUs, roundTellUsAction(services));
  app.action(ACTION.roundNothingNew, roundNothingNewAction(services));
  const updatesPage = updatesPageAction(services);
  app.action(ACTION.updatesPrevious, updatesPage);
  app.action(ACTION.updatesNext, updatesPage);

  app.action(ACTION.digestDm, digestDmAction(services));
  app.action(ACTION.openMessages, openMessagesAction(services));
  app.action(ACTION.emailRefusals, emailRefusalsAction(services));
  app.action(ACTION.liftEmailRefusal, liftEmailRefusalAction(services));
  app.action(ACTION.inviteCommunity, inviteCommunityPickedAction(services));
  app.action(ACTION.acceptInvitation, acceptInvitationAction(services));
  app.action(ACTION.declineInvitation, declineInvitationAction(services));
}
