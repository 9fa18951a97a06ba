// A community's settings form, checked: each mistake keyed by its field
// (membersCanSchedule, reminders, problemThreshold, the digest's, page's,
// bankHolidays, roundDaysBefore), all of them at once.
import { isDivision } from "../../reference/bankHolidays";
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { checkDigestSchedule } from "../digests/digests";
import { isReminderOffset } from "../meetings/meetingDraft";
import type { CommunityRecord, CommunitySettings } from "../ports";
import { ROUND_DAYS_CHOICES } from "../round/roundPlan";
import { checkPageSettings } from "./communityPage";

export interface SettingsInput {
  membersCanSchedule: boolean;
  reminders: string[];
  problemThreshold: string | null;
  digest: Parameters<typeof checkDigestSchedule>[0];
  /** Left out, the page's settings stay as they are. */
  page?: Parameters<typeof checkPageSettings>[0];
  /** A division of the UK (src/reference/bankHolidays.ts); left out, it stays as it is. */
  bankHolidays?: string | null;
  /** Working days before each meeting the live-projects round asks, one of ROUND_DAYS_CHOICES ("0": no round); left out, as it is. */
  roundDaysBefore?: string | null;
}

export function checkSettings(community: CommunityRecord, input: SettingsInput): CommunitySettings {
  const errors: FieldErrors = {};
  const reminderOffsets = [...new Set(input.reminders.map(Number))];
  if (!reminderOffsets.every(isReminderOffset)) errors.reminders = { key: "reminders.from_list" };
  const problemThreshold = Number((input.problemThreshold ?? "").trim());
  if (!Number.isInteger(problemThreshold) || problemThreshold < 1 || problemThreshold > 50) {
    errors.problemThreshold = { key: "settings.threshold" };
  }
  const digest = checkDigestSchedule(input.digest, errors);
  const page = checkPageSettings(input.page ?? { visibility: community.page.visibility, newAddress: false }, errors);
  const bankHolidays = input.bankHolidays ?? community.bankHolidays;
  if (!isDivision(bankHolidays)) errors.bankHolidays = { key: "settings.bank_holidays" };
  const roundDaysBefore = input.roundDaysBefore == null ? community.roundDaysBefore : Number(input.roundDaysBefore);
  if (!(ROUND_DAYS_CHOICES as readonly number[]).includes(roundDaysBefore)) errors.roundDaysBefore = { key: "settings.round_days" };
  if (Object.keys(errors).length || !isDivision(bankHolidays)) throw new ValidationError(errors);
  return { membersCanSchedule: input.membersCanSchedule, reminderOffsets, problemThreshold, digest, page, bankHolidays, roundDaysBefore };
}
