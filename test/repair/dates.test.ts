// The dates people write in UK files, read as a table: what each reads as, and what it cannot be.
import { describe, expect, it } from 'vitest';
import { DateOrder, dateOrderEvidence, impossibleDate, isoDate, isTimeOnly, quickYear, readColumnDate, readDate, spokenDate, ukDate } from '../../src/repair/dates.js';

describe('readDate: the usual UK ways of writing a date', () => {
  it.each([
    ['31/12/2024', '2024-12-31', false],
    ['31-12-2024', '2024-12-31', false],
    ['31.12.2024', '2024-12-31', false],
    ['1/2/2024', '2024-02-01', true],
    ['24/09/14', '2014-09-24', false],
    ['2024-03-31', '2024-03-31', false],
    ['2014-07-07 00:00', '2014-07-07', false],
    ['2014-07-07T00:00:00.000', '2014-07-07', false],
    ['07/07/2014 00:00:00', '2014-07-07', false],
    ['3 March 2021', '2021-03-03', false],
    ['3rd Mar 2021', '2021-03-03', false],
    ['21 Sept 2021', '2021-09-21', false],
    ['5-Jan-24', '2024-01-05', false],
    ['  29/02/2024 ', '2024-02-29', false],
    ['2010/11/30', '2010-11-30', false],
    ['2010.1.5', '2010-01-05', false],
  ])('%s reads as %s (ambiguous: %s)', (text, iso, ambiguous) => {
    const date = readDate(text)!;
    expect(isoDate(date)).toBe(iso);
    expect(date.ambiguous).toBe(ambiguous);
  });

  it.each(['29/02/2023', '31/09/2024', '2024-13-01', '2024-03-31 09:30', 'March 2021', '32 March 2021', 'yesterday', '', '2024/03/31/1', '3 Smarch 2021', '2010/30/11'])(
    '%s is not read as a date',
    (text) => expect(readDate(text)).toBeUndefined(),
  );

  it('reads an ambiguous date the other way round when asked', () => {
    expect(isoDate(readDate('03/04/2024', false)!)).toBe('2024-03-04');
    expect(isoDate(readDate('03/04/2024', true)!)).toBe('2024-04-03');
  });
});

describe("readColumnDate: the column's other dates settle the order", () => {
  it.each([
    ['03/04/2024', undefined, '2024-04-03', '2024-03-04'],
    ['03/04/2024', 'day-first', '2024-04-03', undefined],
    ['03/04/2024', 'month-first', '2024-03-04', undefined],
    ['03/04/2024', 'mixed', '2024-04-03', '2024-03-04'],
    ['04/04/2024', undefined, '2024-04-04', undefined],
    ['13/04/2024', 'month-first', '2024-04-13', undefined],
  ] as const)('%s with %s: %s (else %s)', (text, order, date, alternative) => {
    const reading = readColumnDate(text, order)!;
    expect(isoDate(reading.date)).toBe(date);
    expect(reading.alternative && isoDate(reading.alternative)).toBe(alternative);
  });

  it('counts the evidence a column gives, and says when it changes what is settled', () => {
    const order = new DateOrder();
    expect(order.state).toBeUndefined();
    expect(order.note('03/04/2024')).toBe(false);
    expect(order.note('24/09/2014')).toBe(true);
    expect(order.state).toBe('day-first');
    expect(order.note('25/09/2014')).toBe(false);
    expect(order.note('09/24/2014')).toBe(true);
    expect(order.state).toBe('mixed');
    order.set([0, 3]);
    expect(order.state).toBe('month-first');
  });

  it.each([
    ['24/09/2014', 'day-first'],
    ['09/24/2014', 'month-first'],
    ['03/04/2024', undefined],
    ['2024-09-24', undefined],
  ] as const)('%s is evidence of %s', (text, evidence) => expect(dateOrderEvidence(text)).toBe(evidence));
});

describe('impossibleDate: written like a date, but no such day', () => {
  it.each([
    ['31/09/2024', 'there is no 31 September 2024'],
    ['29/02/2023', 'there is no 29 February 2023'],
    ['2024-13-01', 'there is no month 13'],
    ['00/01/2024', 'there is no day 0'],
    ['31 June 2024', 'there is no 31 June 2024'],
    ['29/02/2024', undefined],
    ['not a date', undefined],
  ])('%s: %s', (text, words) => expect(impossibleDate(text)).toBe(words));
});

describe('small readers', () => {
  it.each([
    ['2024-03-31', 2024],
    ['31/03/2024', 2024],
    ['1/3/2024', 2024],
    ['31.03.1999', 1999],
    ['24/09/14', undefined],
    ['20x4-03-31', undefined],
  ])('quickYear(%s) is %s', (text, year) => expect(quickYear(text)).toBe(year));

  it.each([
    ['00:00', true],
    ['00:00:00', true],
    ['9:30:15.5', true],
    ['2024-01-01 00:00', false],
    ['930', false],
  ])('isTimeOnly(%s) is %s', (text, answer) => expect(isTimeOnly(text)).toBe(answer));

  it('writes a date the ISO, UK and spoken ways', () => {
    const date = { year: 2024, month: 3, day: 5 };
    expect([isoDate(date), ukDate(date), spokenDate(date)]).toEqual(['2024-03-05', '05/03/2024', '5 March 2024']);
  });
});
