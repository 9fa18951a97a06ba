// The one working-day calendar: when actions' reminders and the live-projects
// round fall due. A working day is Monday to Friday and not a bank holiday in
// the community's part of the UK (its bank holidays setting; the list is
// src/reference/bank-holidays.json, and past its last year only weekends are
// skipped). Every moment here is a wall-clock time in the community's zone, so
// 9am stays 9am across the clocks going forward or back.
import { DateTime } from "luxon";
import { bankHoliday, type Division } from "../../reference/bankHolidays";

export const ACTION_REMINDER_HOUR = 9;

/** Where a community works: its zone for the hours, its part of the UK for the bank holidays. */
export interface WorkCalendar {
  zone: string;
  division: Division;
}

/** Whether `day` ("2026-04-03") is a working day in the division. */
export function isWorkingDay(day: string, division: Division): boolean {
  const date = DateTime.fromISO(day, { zone: "UTC" });
  return date.weekday <= 5 && bankHoliday(division, day) === null;
}

function step(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days }).toISODate() ?? day;
}

/** The `count`th working day before `day` (1: the working day before it). */
export function workingDaysBefore(day: string, count: number, division: Division): string {
  let found = day;
  for (let left = count; left > 0; ) {
    found = step(found, -1);
    if (isWorkingDay(found, division)) left--;
  }
  return found;
}

/** The first working day after `day`. */
export function workingDayAfter(day: string, division: Division): string {
  let found = step(day, 1);
  while (!isWorkingDay(found, division)) found = step(found, 1);
  return found;
}

/** `hour`:`minute` on `day` in `zone`, as a moment. */
export function wallClock(day: string, zone: string, hour: number, minute = 0): Date {
  return DateTime.fromISO(day, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** 9am on the working day before `dueOn` ("2026-03-20"). */
export function dayBeforeReminder(dueOn: string, calendar: WorkCalendar): Date {
  return wallClock(workingDaysBefore(dueOn, 1, calendar.division), calendar.zone, ACTION_REMINDER_HOUR);
}

/** 9am on the first working day after `dueOn`: the action is overdue by then. */
export function overdueReminder(dueOn: string, calendar: WorkCalendar): Date {
  return wallClock(workingDayAfter(dueOn, calendar.division), calendar.zone, ACTION_REMINDER_HOUR);
}

/** Today in `zone`, as a due day ("2026-03-20"): an open action due before it is overdue. */
export function today(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
}

/** The calendar day of a moment in `zone`. */
export function dayIn(moment: Date, zone: string): string {
  return today(moment, zone);
}
