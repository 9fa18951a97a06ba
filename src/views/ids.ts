// Every callback_id, action_id and block_id the app uses, in one place, so a
// view and the listener that reads it cannot drift apart.

export const COMMAND = "/community";

export const CALLBACK = {
  createCommunity: "community_create",
  joinCommunity: "community_join",
  logProblem: "problem_log",
  editProblem: "problem_edit",
  setObjective: "objective_set",
  closeAsDuplicate: "problem_duplicate",
  problemDetails: "problem_details",
  /** The meeting modal, for scheduling and for editing (its metadata says which). */
  scheduleMeeting: "meeting_schedule",
  cancelMeeting: "meeting_cancel",
  communitySettings: "community_settings",
  /** /community group create: a sub-group's name, focus and channel. */
  createGroup: "group_create",
  /** The invitation form, and the invitee's Accept form (organisation and profession). */
  sendInvitations: "invitations_send",
  acceptInvitation: "invitation_accept",
  /** The edit charter form (the charter's fields from the create form, filled in). */
  editCharter: "charter_edit",
  /** The delete form: the community's name typed to confirm. */
  deleteCommunity: "community_delete",
  /** Share a finding or an output (title, link, summary, stages, organisation). */
  shareFinding: "finding_share",
  /** The stage form: an organiser adds or edits a stage, a member suggests one (its metadata says which). */
  stage: "journey_stage",
  /** The first draft of a journey from its problems' free text: one input a stage. */
  journeyDraft: "journey_draft",
  /** "Say which stages you work on". */
  memberStages: "journey_member_stages",
  /** The message shortcut "Log community problem" (declared in manifest.yml). */
  logProblemFromMessage: "log_problem_from_message",
  /** The message shortcut "Add to meeting agenda" (declared in manifest.yml). */
  addToAgendaFromMessage: "add_to_agenda_from_message",
  /** The form that adds an item to a meeting's agenda (from the command, the shortcut or a meeting's menu). */
  addAgendaItem: "agenda_item_add",
  /** Record outcomes: notes, decisions and actions (from a meeting's menu, after it starts). */
  recordOutcomes: "meeting_outcomes_record",
  /** An action's Change date form. */
  changeActionDate: "action_date_change",
  /** "Your messages": how one member gets each kind of message from a community (Slack, email or both). */
  messages: "member_messages",
  /** The live-projects round's form: what an organisation changed, planned or cleared. */
  roundUpdate: "round_update",
} as const;

export const ACTION = {
  openCreateModal: "community_create_open",
  joinCommunity: "community_join_open",
  /** The list's Previous and Next buttons (ids in one block must differ). */
  listPrevious: "community_list_page_previous",
  listNext: "community_list_page_next",
  problemsPrevious: "problems_page_previous",
  problemsNext: "problems_page_next",
  /** /community members: Previous and Next (the value names the community and page). */
  membersPrevious: "members_page_previous",
  membersNext: "members_page_next",
  /** "See all N" on an organisation cut short, its own Previous and Next, and back to the page it came from. */
  membersOrganisation: "members_organisation_open",
  membersOrganisationPrevious: "members_organisation_previous",
  membersOrganisationNext: "members_organisation_next",
  membersBack: "members_back",
  /** External-select actions: their options come from the options listener. */
  organisation: "organisation_select",
  timezone: "timezone_select",
  /** Several organisations (who a problem affects): same options as organisation_select. */
  organisations: "organisations_select",
  voteProblem: "problem_vote",
  /** The organisers' overflow menu on a problem's card. */
  problemStatus: "problem_status",
  /** The button in the suggestion sent to organisers when a problem reaches the threshold. */
  promoteProblem: "problem_promote",
  /** Picks another problem of the same community (closing one as a duplicate). */
  problemPicker: "problem_picker",
  /** In the details modal: the author's Edit button. */
  editProblem: "problem_edit_open",
  community: "community_select",
  /** The problem modal's community picker: the reader's own communities first. */
  problemCommunity: "problem_community_select",
  /** The meeting modal's, with the same choices: choosing one redraws the form with that community's journey. */
  meetingCommunity: "meeting_community_select",
  /** A meeting's answer buttons (ids in one block must differ). */
  rsvpGoing: "meeting_rsvp_going",
  rsvpMaybe: "meeting_rsvp_maybe",
  rsvpNotGoing: "meeting_rsvp_not_going",
  /** A meeting's menu: edit or reschedule, cancel. */
  meetingMenu: "meeting_menu",
  /** A link button to the meeting's calendar file; Slack still reports the click, which is acked. */
  addToCalendar: "meeting_calendar",
  /** On a digest: get it by DM, or stop (the value says which community). */
  digestDm: "digest_dm_toggle",
  /** The Join button on a group in /community groups and its announcement (the value is the group id). */
  joinGroup: "group_join",
  /** The invitation form's community picker: choosing one writes the message for it. */
  inviteCommunity: "invite_community_select",
  /** An invitation DM's buttons (the value is the invitation id). */
  acceptInvitation: "invitation_accept_open",
  declineInvitation: "invitation_decline",
  /** The charter's organiser buttons (the value is the community id), and its history for anyone. */
  editCharter: "charter_edit_open",
  charterHistory: "charter_history",
  archiveCommunity: "community_archive",
  unarchiveCommunity: "community_unarchive",
  deleteCommunity: "community_delete_open",
  /** On the journey: links to its exports (the value is the community id). */
  journeyExports: "journey_exports",
  /** /community activity: Plan it (the value names the community and the activity). */
  planActivity: "activity_plan",
  /** /community findings: Share a finding (the value is the community id), and the pager. */
  openShareFinding: "finding_share_open",
  findingsPrevious: "findings_page_previous",
  findingsNext: "findings_page_next",
  /** /community journey: Previous and Next, and back to the journey from a question about it (the value names the community and page). */
  journeyPrevious: "journey_page_previous",
  journeyNext: "journey_page_next",
  journeyBack: "journey_back",
  /** The organisers' menu on a stage: edit, move up, move down, remove. */
  stageMenu: "journey_stage_menu",
  /** Add a stage (organisers) or suggest one (members): the value is the community id. */
  addStage: "journey_stage_add",
  /** The confirmed removal of a stage. */
  removeStage: "journey_stage_remove",
  /** A suggested stage's buttons, for organisers (the value names the stage). */
  acceptStage: "journey_suggestion_accept",
  dismissStage: "journey_suggestion_dismiss",
  /** An empty journey's "Draft from problems", for organisers. */
  draftJourney: "journey_draft_open",
  /** "Say which stages you work on": the value is the community id. */
  memberStages: "journey_member_stages_open",
  /** /community agenda: Add an item (the value names the meeting), the organisers' menu on an item, and the pager. */
  openAgendaItem: "agenda_item_add_open",
  agendaMenu: "agenda_item_menu",
  agendaPrevious: "agenda_page_previous",
  agendaNext: "agenda_page_next",
  /** In the outcomes form: one more action row. */
  addOutcomeAction: "meeting_outcomes_add_action",
  /** An action's Done and Change date (the value is the action id), and /community actions' pager. */
  actionDone: "action_done",
  actionChangeDate: "action_date_change_open",
  actionsPrevious: "actions_page_previous",
  actionsNext: "actions_page_next",
  /** "Choose how you get messages" (App Home, the organisers' settings): the value is the community id. */
  openMessages: "member_messages_open",
  /** Organisers: the members whose address refuses mail (the value is the community id), and lifting one's refusal. */
  emailRefusals: "email_refusals_open",
  liftEmailRefusal: "email_refusal_lift",
  /** A round question's buttons (the value names the meeting), and /community updates' pager. */
  roundTellUs: "round_tell_us",
  roundNothingNew: "round_nothing_new",
  updatesPrevious: "updates_page_previous",
  updatesNext: "updates_page_next",
  /** Plain inputs: Slack wants an action_id on every element. */
  input: "value",
} as const;

/** Blocks of messages and App Home that need a fixed id. */
export const BLOCK = {
  listPager: "list_pager",
  problemActions: "problem_actions",
  problemsPager: "problems_pager",
  membersPager: "members_pager",
  membersOrganisationPager: "members_organisation_pager",
  promotionSuggestion: "promotion_suggestion",
  problemDetailsActions: "problem_details_actions",
  homeActions: "home_actions",
  meetingActions: "meeting_actions",
  digestActions: "digest_actions",
  invitationActions: "invitation_actions",
  charterActions: "charter_actions",
  journeyActions: "journey_actions",
  agendaActions: "agenda_actions",
} as const;

/** Modal block ids double as the domain's field names, so errors map one to one. */
export const CREATE_BLOCK = {
  name: "name",
  service: "service",
  purpose: "purpose",
  problems: "problems",
  cadence: "cadence",
  contactMethods: "contactMethods",
  linkMailingList: "link_mailing_list",
  linkRegularCalls: "link_regular_calls",
  linkTrello: "link_trello",
  channel: "channel",
  existingChannel: "existingChannel",
  timezone: "timezone",
} as const;

/** The share finding form's blocks, named after the domain's fields. */
export const FINDING_BLOCK = {
  title: "title",
  link: "link",
  summary: "summary",
  stages: "stageIds",
  organisation: "organisation",
  organisationOther: "organisationOther",
} as const;

/** The delete form's one input: the community's name, typed to confirm. */
export const DELETE_BLOCK = { confirm: "confirm" } as const;

/** The problem modal's blocks, named after the domain's fields. */
export const PROBLEM_BLOCK = {
  community: "community",
  title: "title",
  description: "description",
  affects: "affects",
  /** The stage picked from the journey; `stage` is then the text for "somewhere else". */
  stageId: "stageId",
  stage: "stage",
  link: "link",
} as const;

/** The stage form's blocks, named after the domain's fields (see checkStage). */
export const STAGE_BLOCK = {
  title: "title",
  description: "description",
  owners: "owners",
  deliverers: "deliverers",
  otherOwners: "otherOwners",
  link: "link",
} as const;

/** The draft form's inputs: one a draft stage, `draft_0`, `draft_1`… in the draft's order. */
export const DRAFT_BLOCK_PREFIX = "draft_";

export const OBJECTIVE_BLOCK = { owner: "owner", targetDate: "targetDate", progress: "progress" } as const;
export const DUPLICATE_BLOCK = { duplicateOf: "duplicateOf" } as const;

export const PROFILE_BLOCK = {
  community: "community",
  organisation: "organisation",
  organisationOther: "organisationOther",
  profession: "profession",
  professionOther: "professionOther",
  /** The journey's stages they work on (the join form, and "Say which stages you work on"). */
  stages: "stages",
} as const;

/** The meeting modal's blocks, named after the domain's fields. */
export const MEETING_BLOCK = {
  community: "community",
  scope: "scope",
  title: "title",
  start: "start",
  duration: "duration",
  videoLink: "videoLink",
  place: "place",
  agenda: "agenda",
  recurrence: "recurrence",
  ordinal: "ordinal",
  reminders: "reminders",
  /** The journey stages it covers (shown when the journey has stages). */
  stages: "stageIds",
  /** The first-meeting kit (a community that has never met): its agenda, one item a line, and the charter's problems. */
  firstAgenda: "firstAgenda",
  firstProblems: "firstProblems",
} as const;

/** The outcomes form's blocks, named after the domain's fields; each action row's are actionField(i, part). */
export const OUTCOME_BLOCK = { notes: "notes", notesLink: "notesLink", decisions: "decisions", addAction: "add_action" } as const;

/** The add-to-agenda form's blocks, named after the domain's fields. */
export const AGENDA_BLOCK = { meeting: "meeting", title: "title", link: "link", topic: "topic" } as const;

/** The invitation form's blocks, named after the domain's fields. */
export const INVITE_BLOCK = { community: "community", people: "people", emails: "emails", message: "message" } as const;

/** The create-group modal's blocks, named after the domain's fields. */
export const GROUP_BLOCK = {
  name: "name",
  focus: "focus",
  channel: "channel",
  channelName: "channelName",
  existingChannel: "existingChannel",
} as const;

export const CANCEL_MEETING_BLOCK = { scope: "scope", note: "note" } as const;

export const SETTINGS_BLOCK = {
  membersCanSchedule: "membersCanSchedule",
  reminders: "reminders",
  problemThreshold: "problemThreshold",
  digestCadence: "digestCadence",
  digestWeekday: "digestWeekday",
  digestMonthDay: "digestMonthDay",
  digestTime: "digestTime",
  pageVisibility: "pageVisibility",
  pageNewAddress: "pageNewAddress",
  bankHolidays: "bankHolidays",
  roundDaysBefore: "roundDaysBefore",
} as const;

/** The round's form, named after the domain's fields. */
export const ROUND_BLOCK = {
  title: "title",
  stages: "stageIds",
  state: "state",
  expectedOn: "expectedOn",
  earlier: "earlier",
} as const;

/** "Your messages": one radio input a kind of message (src/domain/members/messagePreferences.ts). */
export const MESSAGES_BLOCK = {
  meetings: "meetings",
  reminders: "reminders",
  digests: "digests",
} as const;
