// Bank holidays in the three parts of the UK that GOV.UK lists separately, read
// from bank-holidays.json beside this file, shipped with the bot so it never
// fetches anything to know whether a day is a working day.
//
// Where it comes from: GOV.UK's own list, https://www.gov.uk/bank-holidays.json,
// which alphagov/calendars builds (its lib/data/bank-holidays.json). This copy is
// that file's shape exactly (one division a key, each with its events), taken
// from the copy ministryofjustice/govuk-bank-holidays-rs keeps of it
// (src/data_source/bank-holidays.json at 257fa8cd), with the years before 2023
// left out: the bot only ever plans into the future.
//
// Which years: BANK_HOLIDAYS_COVER, read from the file (2023 to 2027 in this copy;
// test/reference/bankHolidays.test.ts says so, and fails when a refresh changes it,
// so the README is changed with it).
//
// How to refresh it: download https://www.gov.uk/bank-holidays.json and save it
// over src/reference/bank-holidays.json (years GOV.UK no longer lists may be kept
// or dropped), then run test/reference/bankHolidays.test.ts and update the years
// in it and in the README's "Working days and bank holidays". GOV.UK usually adds
// a year's holidays a year or more ahead; an extra holiday (a coronation, a state
// funeral) appears when it is announced.
//
// Past the last year in the file: a day in a year the file does not cover is a
// working day if it is Monday to Friday, so reminders and the round fall back to
// skipping weekends only. The first time that happens in a process, the hook set
// with onUncoveredYear (the composition root logs a warning) is told once.
import data from "./bank-holidays.json";

export const DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
export type Division = (typeof DIVISIONS)[number];

/** A community's bank holidays unless its organisers choose another part of the UK. */
export const DEFAULT_DIVISION: Division = "england-and-wales";

interface GovUkEvent {
  title: string;
  /** "2026-04-03" */
  date: string;
  notes: string;
  bunting: boolean;
}

type GovUkFile = Record<Division, { division: Division; events: GovUkEvent[] }>;

const FILE = data as GovUkFile;

const BY_DIVISION: Record<Division, Map<string, string>> = Object.fromEntries(
  DIVISIONS.map((division) => [division, new Map(FILE[division].events.map((e) => [e.date, e.title]))]),
) as Record<Division, Map<string, string>>;

const YEARS = DIVISIONS.flatMap((division) => FILE[division].events.map((e) => Number(e.date.slice(0, 4))));

/** The first and last years the file lists, for every division. */
export const BANK_HOLIDAYS_COVER = Object.freeze({ from: Math.min(...YEARS), to: Math.max(...YEARS) });

export function isDivision(value: string): value is Division {
  return (DIVISIONS as readonly string[]).includes(value);
}

let uncovered: ((year: number) => void) | null = null;
let told = false;

/** Told once per process, the first time a day past the file's years is asked about. */
export function onUncoveredYear(listener: (year: number) => void): void {
  uncovered = listener;
  told = false;
}

/** The holiday's name if `day` ("2026-04-03") is a bank holiday in the division, else null. */
export function bankHoliday(division: Division, day: string): string | null {
  const year = Number(day.slice(0, 4));
  if ((year > BANK_HOLIDAYS_COVER.to || year < BANK_HOLIDAYS_COVER.from) && !told) {
    told = true;
    uncovered?.(year);
  }
  return BY_DIVISION[division].get(day) ?? null;
}
