// The English catalogue: every sentence the bot says, by key. Split by area
// only to keep each file readable; this index is checked as one whole.
import type { Catalogue } from "../catalogue";
import { actionEmails } from "./actionEmails";
import { activityWords } from "./activities";
import { agendaReasons } from "./agenda";
import { calendar } from "./calendar";
import { communityReasons } from "./communities";
import { dates } from "./dates";
import { digestLiveProjectWords } from "./digestLiveProjects";
import { edgeReasons } from "./edge";
import { exportWords } from "./exports";
import { groupReasons } from "./groups";
import { journeyReasons } from "./journey";
import { labels } from "./labels";
import { meetingEmails } from "./meetingEmails";
import { meetingReasons } from "./meetings";
import { messagePreferenceWords } from "./messagePreferences";
import { prose } from "./prose";
import { roundReasons } from "./round";
import { roundWords } from "./roundWords";
import { webWords } from "./web";
import { webFormWords } from "./webForms";

export const en: Catalogue = {
  reasons: {
    ...communityReasons,
    ...meetingReasons,
    ...agendaReasons,
    ...groupReasons,
    ...journeyReasons,
    ...roundReasons,
    ...edgeReasons,
  },
  labels,
  prose,
  dates,
  calendar,
  exports: exportWords,
  activities: activityWords,
  web: webWords,
  webForms: webFormWords,
  meetingEmails,
  actionEmails,
  round: roundWords,
  messagePreferences: messagePreferenceWords,
  digestLiveProjects: digestLiveProjectWords,
};
