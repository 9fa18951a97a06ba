// Modal submissions: which form (callback_id) each listener answers. Each
// listener checks the form before its ack and does the rest after it (see
// support/submission.ts); its form's private_metadata schema is beside it.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../../services";
import { CALLBACK } from "../../views/ids";
import { acceptInvitationSubmission } from "./acceptInvitation";
import { acceptJourneyDraftSubmission } from "./acceptJourneyDraft";
import { addAgendaItemSubmission } from "./addAgendaItem";
import { cancelMeetingSubmission } from "./cancelMeeting";
import { changeActionDateSubmission } from "./changeActionDate";
import { closeAsDuplicateSubmission } from "./closeAsDuplicate";
import { communitySettingsSubmission } from "./communitySettings";
import { createCommunitySubmission } from "./createCommunity";
import { createGroupSubmission } from "./createGroup";
import { deleteCommunitySubmission } from "./deleteCommunity";
import { editCharterSubmission } from "./editCharter";
import { editProblemSubmission } from "./editProblem";
import { joinCommunitySubmission } from "./joinCommunity";
import { logProblemSubmission } from "./logProblem";
import { messagesSubmission } from "./messages";
import { recordOutcomesSubmission } from "./recordOutcomes";
import { roundUpdateSubmission } from "./roundUpdate";
import { saveMemberStagesSubmission } from "./saveMemberStages";
import { saveStageSubmission } from "./saveStage";
import { scheduleMeetingSubmission } from "./scheduleMeeting";
import { sendInvitationsSubmission } from "./sendInvitations";
import { setObjectiveSubmission } from "./setObjective";
import { shareFindingSubmission } from "./shareFinding";

/** `beforeAckClient`: the Web API client for calls made before an ack, with the short timeouts that leave room for it. */
export function registerSubmissions(app: App, services: Services, beforeAckClient: WebClient): void {
  app.view(CALLBACK.createCommunity, createCommunitySubmission(services, beforeAckClient));
  app.view(CALLBACK.createGroup, createGroupSubmission(services, beforeAckClient));
  app.view(CALLBACK.joinCommunity, joinCommunitySubmission(services));
  app.view(CALLBACK.messages, messagesSubmission(services));
  app.view(CALLBACK.logProblem, logProblemSubmission(services));
  app.view(CALLBACK.editProblem, editProblemSubmission(services));
  app.view(CALLBACK.setObjective, setObjectiveSubmission(services));
  app.view(CALLBACK.closeAsDuplicate, closeAsDuplicateSubmission(services));
  app.view(CALLBACK.scheduleMeeting, scheduleMeetingSubmission(services));
  app.view(CALLBACK.cancelMeeting, cancelMeetingSubmission(services));
  app.view(CALLBACK.addAgendaItem, addAgendaItemSubmission(services));
  app.view(CALLBACK.recordOutcomes, recordOutcomesSubmission(services));
  app.view(CALLBACK.changeActionDate, changeActionDateSubmission(services));
  app.view(CALLBACK.roundUpdate, roundUpdateSubmission(services));
  app.view(CALLBACK.communitySettings, communitySettingsSubmission(services));
  app.view(CALLBACK.editCharter, editCharterSubmission(services));
  app.view(CALLBACK.deleteCommunity, deleteCommunitySubmission(services));
  app.view(CALLBACK.shareFinding, shareFindingSubmission(services));
  app.view(CALLBACK.sendInvitations, sendInvitationsSubmission(services));
  app.view(CALLBACK.acceptInvitation, acceptInvitationSubmission(services));
  app.view(CALLBACK.stage, saveStageSubmission(services));
  app.view(CALLBACK.journeyDraft, acceptJourneyDraftSubmission(services));
  app.view(CALLBACK.memberStages, saveMemberStagesSubmission(services));
}
