// Hints for dates in JSON written the UK way (24/07/2014) where the standard wants ISO 8601 dates, as a
// CSV cell gets them: the same property's other dates in the file (awardDate in every grant, PaymentDate
// in every record) settle whether the day or the month comes first.
import { dateOrderEvidence, DateOrder, type DateOrderState } from '../repair/dates.js';
import { dateProposals } from '../repair/repairs.js';
import type { Finding } from './explain.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value not written as the date or date-time it must be. */
export function isDateFinding(f: Finding): boolean {
  return f.code === 'value-format' && typeof f.data === 'string' && !f.hint && f.formats !== undefined && f.formats.some((k) => k === 'date' || k === 'date-time');
}

/** A property is the same wherever its path differs only in array positions: /grants/0/awardDate, /grants/7/awardDate. */
export function propertyOf(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/-');
}

/** Counts of dates that show the day first, and the month first, by property. */
export type DateEvidence = Record<string, [dayFirst: number, monthFirst: number]>;

export function noteDateEvidence(evidence: DateEvidence, property: string, text: string): void {
  const shows = dateOrderEvidence(text);
  if (shows) (evidence[property] ??= [0, 0])[shows === 'day-first' ? 0 : 1]++;
}

/** What a property's dates settle, from its counts. */
export function orderOf(counts: [number, number] | undefined): DateOrderState {
  const order = new DateOrder();
  if (counts) order.set(counts);
  return order.state;
}

/** The hint for a date at `path` that must be in one of `formats`, given what the property's dates settle. */
export function dateHint(text: string, path: string, formats: string[], order: DateOrderState): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // A date already written as ISO 8601 proposes nothing, but is what a date-time field needs a time for.
  const proposal =
    dateProposals(text, { dateOrder: order, datesIn: `${name} field` }).find((p) => ISO_DATE.test(p.value)) ??
    (ISO_DATE.test(text) ? { value: text, hint: 'write the date as {value}', doubtful: false } : undefined);
  if (!proposal) return undefined;
  if (formats.includes('date') || proposal.doubtful) return proposal.hint.replace('{value}', proposal.value);
  // Where only a date and time will do, the date is given as midnight UTC, and the hint says so.
  return proposal.hint.replace('write the date as {value}', `write the date and time as ${proposal.value}T00:00:00Z (midnight, UTC)`);
}

/** Hints for the dates of a whole document, its findings all at hand. */
export function attachDateHints(findings: Finding[]): void {
  const dates = findings.filter(isDateFinding);
  const evidence: DateEvidence = {};
  for (const f of dates) noteDateEvidence(evidence, propertyOf(f.path), f.data as string);
  for (const f of dates) f.hint = dateHint(f.data as string, f.path, f.formats!, orderOf(evidence[propertyOf(f.path)]));
}
