// When an action's reminders fall due: at 9am in the community's zone, on the
// working day before the action is due, and on the first working day after it
// (it is then overdue). Working days here are Monday to Friday; bank holidays
// are not yet counted (the live-projects round will bring a list of them for
// each UK nation, which these two functions should then consult).
import { DateTime } from "luxon";

export const ACTION_REMINDER_HOUR = 9;

function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5;
}

function atNine(day: DateTime): Date {
  return day.set({ hour: ACTION_REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** 9am on the working day before `dueOn` ("2026-03-20"), in `zone`. */
export function dayBeforeReminder(dueOn: string, zone: string): Date {
  let day = DateTime.fromISO(dueOn, { zone }).minus({ days: 1 });
  while (!isWorkingDay(day)) day = day.minus({ days: 1 });
  return atNine(day);
}

/** 9am on the first working day after `dueOn`, in `zone`: the action is overdue by then. */
export function overdueReminder(dueOn: string, zone: string): Date {
  let day = DateTime.fromISO(dueOn, { zone }).plus({ days: 1 });
  while (!isWorkingDay(day)) day = day.plus({ days: 1 });
  return atNine(day);
}

/** Today in `zone`, as a due day ("2026-03-20"): an open action due before it is overdue. */
export function today(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
}
