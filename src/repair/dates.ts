// Reading the dates people write in UK files: 31/12/2024, 24/09/14, 3 March 2021, Excel's
// 2014-07-07 00:00. A numeric date whose day and month could be either way round (03/04/2024) is read
// the way the column's other dates settle (a 24/09/14 elsewhere shows the day comes first); while nothing
// settles it, both readings are given and the date is never repaired.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type DateOrderState = 'day-first' | 'month-first' | 'mixed' | undefined;

export interface DateReading {
  /** The reading used: day first, unless the column's dates show the month comes first. */
  date: CalendarDate;
  /** The other reading, when both are real dates and the column does not settle which is meant. */
  alternative?: CalendarDate;
  /** The two readings differ and the column's other dates were needed to choose one. */
  orderDependent: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const MIDNIGHT = '(?:[ T]00:00(?::00(?:\\.0+)?)?)?';
const NUMERIC_DMY = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})${MIDNIGHT}$`);
const ISO_WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
// Year first with slashes or dots (2010/11/30), as some GIS and database exports write dates: never read
// month first, since no one writes yyyy/dd/mm.
const NUMERIC_YMD = new RegExp(`^(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${MIDNIGHT}$`);
const WORDY = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;
const TIME_ONLY = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Read a date written in one of the common UK ways, day first when it could be either; undefined when it is not a real date. */
export function readDate(text: string, dayFirst = true): (CalendarDate & { ambiguous: boolean }) | undefined {
  const reading = readColumnDate(text, undefined);
  if (!reading) return undefined;
  const date = reading.alternative && !dayFirst ? reading.alternative : reading.date;
  return { ...date, ambiguous: reading.alternative !== undefined };
}

/**
 * Read a date written in one of the common UK ways; undefined when it is not one, or not a real date.
 * `order` is what the column's other dates say about day and month.
 */
export function readColumnDate(text: string, order: DateOrderState = undefined): DateReading | undefined {
  const t = text.trim();
  let m = ISO_WITH_TIME.exec(t);
  if (m) {
    // A time of exactly midnight is Excel's way of writing a date; any other time is information.
    if (m[4] !== undefined && !(m[4] === '00' && m[5] === '00' && (m[6] ?? '00') === '00')) return undefined;
    const date = real(Number(m[1]), Number(m[2]), Number(m[3]));
    return date && { date, orderDependent: false };
  }
  m = NUMERIC_YMD.exec(t);
  if (m) {
    const date = real(Number(m[1]), Number(m[2]), Number(m[3]));
    return date && { date, orderDependent: false };
  }
  m = NUMERIC_DMY.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    const dayFirst = real(year, b, a);
    const monthFirst = real(year, a, b);
    if (!dayFirst || !monthFirst || a === b) {
      const date = dayFirst ?? monthFirst;
      return date && { date, orderDependent: false };
    }
    if (order === 'day-first') return { date: dayFirst, orderDependent: true };
    if (order === 'month-first') return { date: monthFirst, orderDependent: true };
    return { date: dayFirst, alternative: monthFirst, orderDependent: true };
  }
  m = WORDY.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    const date = month ? real(fullYear(m[3]!), month, Number(m[1])) : undefined;
    return date && { date, orderDependent: false };
  }
  return undefined;
}

/** A date that is written like one but does not exist (31/09/2024, 29/02/2023), in words; else undefined. */
export function impossibleDate(text: string): string | undefined {
  const t = text.trim();
  let day: number, month: number, year: number;
  let m = ISO_WITH_TIME.exec(t);
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = NUMERIC_DMY.exec(t))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    year = fullYear(m[3]!);
    // Day first, unless only the other way round gives a month.
    [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b];
  } else if ((m = WORDY.exec(t)) && monthNumber(m[2]!)) {
    [day, month, year] = [Number(m[1]), monthNumber(m[2]!)!, fullYear(m[3]!)];
  } else return undefined;
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return `there is no day ${day}`;
  if (real(year, month, day)) return undefined;
  return `there is no ${day} ${monthName(month)} ${year}`;
}

/** `00:00:00`: a time with no date, which is what Excel shows when a date column is formatted as a time. */
export function isTimeOnly(text: string): boolean {
  return TIME_ONLY.test(text.trim());
}

/**
 * The year of a date written yyyy-mm-dd… or …dd/mm/yyyy, read digit by digit (this runs on every date
 * cell that passes); undefined for anything else.
 */
export function quickYear(text: string): number | undefined {
  const n = text.length;
  if (n >= 10 && text.charCodeAt(4) === 45) return fourDigits(text, 0);
  if (n >= 8 && n <= 10) {
    const separator = text.charCodeAt(n - 5);
    if (separator === 47 || separator === 46 || separator === 45) return fourDigits(text, n - 4);
  }
  return undefined;
}

function fourDigits(text: string, at: number): number | undefined {
  let year = 0;
  for (let i = at; i < at + 4; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    year = year * 10 + digit;
  }
  return year;
}

/** Whether a date settles the order: 24/09/2014 puts the day first, 09/24/2014 the month. */
export function dateOrderEvidence(text: string): 'day-first' | 'month-first' | undefined {
  const m = NUMERIC_DMY.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return undefined;
}

/**
 * What a column's dates say about the order of day and month: a date with a first number above 12
 * (24/09/2014) puts the day first; one with a second number above 12 (09/24/2014) the month.
 */
export class DateOrder {
  private dayFirst = 0;
  private monthFirst = 0;

  /** Note one cell's text; true when that changes what the column's dates settle. */
  note(text: string): boolean {
    const evidence = dateOrderEvidence(text);
    if (!evidence) return false;
    const before = this.state;
    if (evidence === 'day-first') this.dayFirst++;
    else this.monthFirst++;
    return this.state !== before;
  }

  /** Take what the whole column settled, as counted elsewhere. */
  set([dayFirst, monthFirst]: [number, number]): void {
    this.dayFirst = dayFirst;
    this.monthFirst = monthFirst;
  }

  get state(): DateOrderState {
    if (this.dayFirst && this.monthFirst) return 'mixed';
    if (this.dayFirst) return 'day-first';
    if (this.monthFirst) return 'month-first';
    return undefined;
  }
}

/** `March`, `Mar` or `Sept`. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((full) => full === lower || full.slice(0, 3) === lower);
  if (index >= 0) return index + 1;
  return lower === 'sept' ? 9 : undefined;
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  // Two-digit years: up to ten years ahead of now are this century, the rest the last.
  const n = Number(y);
  const pivot = (new Date().getUTCFullYear() % 100) + 10;
  return n <= pivot ? 2000 + n : 1900 + n;
}

function real(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthName = (month: number) => `${MONTHS[month - 1]![0]!.toUpperCase()}${MONTHS[month - 1]!.slice(1)}`;

export const isoDate = (d: CalendarDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const ukDate = (d: CalendarDate) => `${pad(d.day)}/${pad(d.month)}/${pad(d.year, 4)}`;
export const spokenDate = (d: CalendarDate) => `${d.day} ${monthName(d.month)} ${d.year}`;
