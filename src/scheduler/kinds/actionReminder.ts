// An action's reminder to its owner: the working day before it is due, and
// once it is overdue. Skipped if it was done or its date moved meanwhile. The
// overdue one also carries the action onto the next meeting's agenda (once:
// the agenda holds an action at most once), so a retried row adds nothing more.
// An owner by email gets each reminder as an email (src/messaging/actionEmails.ts).
import { today } from "../../domain/meetings/actionDays";
import { isEmailPerson } from "../../domain/members/people";
import * as kinds from "../../domain/outbox";
import { plannedActionEmail } from "../../messaging/actionEmails";
import { actionDm } from "../../views/actions";
import { dueKind } from "./kind";

export const actionReminder = dueKind(kinds.actionReminder, {
  // A DM to one person about their own action: nothing for organisers to mend.
  alertOrganisersAs: null,
  async build(row, services) {
    const { actions, clock } = services;
    const item = row.subjectId ? await actions.find(row.subjectId) : null;
    if (!item) return { kind: "skip", reason: "the action no longer exists" };
    if (item.action.status !== "open") return { kind: "skip", reason: "the action is done" };
    if (item.action.dueOn !== row.payload.dueOn) return { kind: "skip", reason: "the action's date moved" };
    // Delivered late (an outage): "due tomorrow" is no longer true once it is overdue, and the overdue one follows.
    if (row.payload.when === "before" && item.action.dueOn < today(clock.now(), item.community.timezone)) {
      return { kind: "skip", reason: "the action is already overdue" };
    }
    if (row.payload.when === "overdue") await actions.carryOverdue(item.community.id, item.meeting.groupId, item.community.timezone);
    // An owner by email gets the reminder as an email instead of a DM.
    if (isEmailPerson(item.action.ownerId)) {
      const email = await plannedActionEmail(services, item, row.payload.when);
      return email ? { kind: "expand", rows: await services.mail.rows([email]) } : { kind: "skip", reason: "the owner has no address" };
    }
    return { kind: "send", message: actionDm(item, row.payload.when) };
  },
});
