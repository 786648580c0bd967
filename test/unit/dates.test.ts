// UK dates: the cases test/repair/dates.test.ts leaves out — Excel's midnight, two-digit years, written
// months, and the wording for a day that does not exist.
import { describe, expect, it } from 'vitest';
import { DateOrder, dateOrderEvidence, impossibleDate, isoDate, quickYear, readColumnDate, spokenDate, ukDate } from '../../src/repair/dates.js';

describe('readColumnDate', () => {
  it.each([
    // Excel writes a date as the date at midnight; any other time is not a plain date.
    ['2024-03-31 00:00:00.000', undefined, '2024-03-31', false],
    ['2024-03-31T00:00:00', undefined, '2024-03-31', false],
    ['2024-03-31T09:30', undefined, undefined, false],
    ['2024-03-31 00:00:01', undefined, undefined, false],
    ['2010/1/5 00:00', undefined, '2010-01-05', false],
    // Two-digit years up to ten years ahead are this century, the rest the last.
    ['24/09/14', undefined, '2014-09-24', false],
    ['1/1/99', undefined, '1999-01-01', false],
    ['1st January 2024', undefined, '2024-01-01', false],
    ['2nd-Feb-24', undefined, '2024-02-02', false],
    ['23 Mar., 2024', undefined, '2024-03-23', false],
    ['30 Sept 2024', undefined, '2024-09-30', false],
    ['5 Jun 2024', undefined, '2024-06-05', false],
    ['5 Ju 2024', undefined, undefined, false],
    ['31 Feb 2024', undefined, undefined, false],
    // Whether the column's other dates were needed to choose.
    ['03/04/2024', 'day-first', '2024-04-03', true],
    ['03/04/2024', 'month-first', '2024-03-04', true],
    ['13/04/2024', 'month-first', '2024-04-13', false],
    ['04/04/2024', 'month-first', '2024-04-04', false],
  ] as const)('%s with %s: %s (order needed: %s)', (text, order, iso, dependent) => {
    const reading = readColumnDate(text, order);
    expect(reading && isoDate(reading.date)).toBe(iso);
    if (reading) expect(reading.orderDependent).toBe(dependent);
  });
});

describe('impossibleDate', () => {
  it.each([
    // Only month first gives a month: the day is the second number.
    ['02/30/2024', 'there is no 30 February 2024'],
    ['13/13/2024', 'there is no month 13'],
    ['00/00/2024', 'there is no month 0'],
    ['31 Sept 2024', 'there is no 31 September 2024'],
    ['2023-02-29 00:00', 'there is no 29 February 2023'],
    ['31 Smarch 2024', undefined],
    ['29 Feb 2024', undefined],
    ['', undefined],
  ])('%j: %s', (text, words) => {
    expect(impossibleDate(text)).toBe(words);
  });
});

describe('quickYear: yyyy-mm-dd… and …dd/mm/yyyy only', () => {
  it.each([
    ['2024-03-31T00:00:00', 2024],
    ['31-03-2024', 2024],
    ['1.1.2024', 2024],
    ['2024/03/31', undefined],
    ['31/03/24', undefined],
    ['', undefined],
  ])('%j → %s', (text, year) => {
    expect(quickYear(text)).toBe(year);
  });
});

describe('dateOrderEvidence and DateOrder', () => {
  it.each([
    ['24/09/2014 00:00', 'day-first'],
    [' 09/24/14 ', 'month-first'],
    ['13/13/2014', undefined],
    ['24 September 2014', undefined],
  ] as const)('%j is evidence of %s', (text, evidence) => {
    expect(dateOrderEvidence(text)).toBe(evidence);
  });

  it('once mixed, more evidence changes nothing', () => {
    const order = new DateOrder();
    expect([order.note('24/09/2014'), order.note('09/24/2014'), order.note('25/09/2014'), order.note('not a date')]).toEqual([true, true, false, false]);
    expect(order.state).toBe('mixed');
    order.set([0, 0]);
    expect(order.state).toBeUndefined();
  });
});

describe('writing a date', () => {
  it.each([
    [{ year: 2024, month: 12, day: 25 }, '2024-12-25', '25/12/2024', '25 December 2024'],
    [{ year: 999, month: 1, day: 2 }, '0999-01-02', '02/01/0999', '2 January 999'],
  ])('%j', (date, iso, uk, spoken) => {
    expect([isoDate(date), ukDate(date), spokenDate(date)]).toEqual([iso, uk, spoken]);
  });
});
