// The journey stages meetings cover: what a meeting's card names, and each
// stage's next meeting on the journey. The links are written with the meeting
// (see MeetingStore); these are the reads.

/** A stage a meeting covers, as its card names it. */
export interface CoveredStage {
  id: string;
  title: string;
  /** Its place in the journey (0 first). */
  position: number;
}

/** The next meeting that covers a stage, as the journey names it. */
export interface StageMeeting {
  id: string;
  title: string;
  startsAt: Date;
  /** The meeting's own zone, which its date is shown in. */
  timezone: string;
}

export interface MeetingStageStore {
  /** The accepted stages each meeting covers, in journey order, by meeting id: one query however many meetings. */
  stagesOf(meetingIds: string[]): Promise<Map<string, CoveredStage[]>>;
  /** Each stage's next scheduled meeting that starts after `after` (soonest, then by id), by stage id: one query. */
  nextByStage(communityId: string, stageIds: string[], after: Date): Promise<Map<string, StageMeeting>>;
}
