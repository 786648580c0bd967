// Hints for dates in a JSON document written the UK way (24/07/2014) where the standard wants ISO 8601
// dates, as a CSV cell gets them: the same property's other dates in the document (awardDate in every
// grant) settle whether the day or the month comes first.
import { DateOrder } from '../repair/dates.js';
import { dateProposals } from '../repair/repairs.js';
import type { Finding } from './explain.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function attachDateHints(findings: Finding[]): void {
  const dates = findings.filter((f) => f.code === 'value-format' && typeof f.data === 'string' && !f.hint && f.formats?.some((k) => k === 'date' || k === 'date-time'));
  if (!dates.length) return;
  // A property is the same wherever its path differs only in array positions: /grants/0/awardDate, /grants/7/awardDate.
  const propertyOf = (f: Finding) => f.path.replace(/\/\d+(?=\/|$)/g, '/-');
  const orders = new Map<string, DateOrder>();
  for (const f of dates) {
    const property = propertyOf(f);
    if (!orders.has(property)) orders.set(property, new DateOrder());
    orders.get(property)!.note(f.data as string);
  }
  for (const f of dates) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const text = f.data as string;
    // A date already written as ISO 8601 proposes nothing, but is what a date-time field needs a time for.
    const proposal =
      dateProposals(text, { dateOrder: orders.get(propertyOf(f))!.state, datesIn: `${name} field` }).find((p) => ISO_DATE.test(p.value)) ??
      (ISO_DATE.test(text) ? { value: text, hint: 'write the date as {value}', doubtful: false } : undefined);
    if (!proposal) continue;
    f.hint = proposal.hint.replace('{value}', proposal.value);
    // Where only a date and time will do, the date is given as midnight UTC, and the hint says so.
    if (!f.formats!.includes('date') && !proposal.doubtful) {
      f.hint = f.hint.replace(/^write the date as \S+/, `write the date and time as ${proposal.value}T00:00:00Z (midnight, UTC)`);
    }
  }
}
