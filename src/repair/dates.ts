// Reading the dates people write in UK files: 31/12/2024, 24/09/14, 3 March 2021, Excel's
// 2014-07-07 00:00. A date is only ever read one way: 03/04/2024 is 3 April in a UK file, but since a
// file could be month-first, such a date is repaired only when the file's other dates settle the order.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** Both day-first and month-first readings are possible dates. */
  ambiguous: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO_WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WORDY = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;

/** Read a date written in one of the common UK ways; undefined when it is not a real date. */
export function readDate(text: string, dayFirst = true): CalendarDate | undefined {
  const t = text.trim();
  let m = ISO_WITH_TIME.exec(t);
  if (m) {
    // A time of exactly midnight is Excel's way of writing a date; any other time is information.
    if (m[4] !== undefined && !(m[4] === '00' && m[5] === '00' && (m[6] ?? '00') === '00')) return undefined;
    return real(Number(m[1]), Number(m[2]), Number(m[3]), false);
  }
  m = NUMERIC_DMY.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    const ambiguous = a !== b && a <= 12 && b <= 12;
    if (a > 12 && b <= 12) return real(year, b, a, false);
    if (b > 12 && a <= 12) return real(year, a, b, false);
    return dayFirst ? real(year, b, a, ambiguous) : real(year, a, b, ambiguous);
  }
  m = WORDY.exec(t);
  if (m) {
    const name = m[2]!.toLowerCase();
    const month = MONTHS.findIndex((full) => full === name || (name.length >= 3 && full.startsWith(name))) + 1;
    if (month > 0) return real(fullYear(m[3]!), month, Number(m[1]), false);
  }
  return undefined;
}

/** For a column of dates: does any date settle whether the day or the month comes first? */
export function dateOrderEvidence(text: string): 'day-first' | 'month-first' | undefined {
  const m = NUMERIC_DMY.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return undefined;
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  // Two-digit years: up to ten years ahead of now are this century, the rest the last.
  const n = Number(y);
  const pivot = (new Date().getUTCFullYear() % 100) + 10;
  return n <= pivot ? 2000 + n : 1900 + n;
}

function real(year: number, month: number, day: number, ambiguous: boolean): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return { year, month, day, ambiguous };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const isoDate = (d: CalendarDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const ukDate = (d: CalendarDate) => `${pad(d.day)}/${pad(d.month)}/${pad(d.year, 4)}`;
export const spokenDate = (d: CalendarDate) =>
  `${d.day} ${MONTHS[d.month - 1]![0]!.toUpperCase()}${MONTHS[d.month - 1]!.slice(1)} ${d.year}`;
