// Hints for UK dates in JSON where ISO 8601 is asked for: the same property's other dates settle the order
// of day and month, and a date-time field is told the time too.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/explain.js';
import { attachDateHints, dateHint, isDateFinding, noteDateEvidence, orderOf, propertyOf, type DateEvidence } from '../../src/check/json-date-hints.js';

describe('propertyOf', () => {
  it.each([
    ['/grants/0/awardDate', '/grants/-/awardDate'],
    ['/grants/17/plannedDates/3/startDate', '/grants/-/plannedDates/-/startDate'],
    ['/0', '/-'],
    ['/a/12', '/a/-'],
    ['/a/10b/c', '/a/10b/c'],
    ['', ''],
  ])('%s is the property %s', (path, property) => {
    expect(propertyOf(path)).toBe(property);
  });
});

describe('noteDateEvidence and orderOf', () => {
  it('counts the dates that show the day first and the month first, by property', () => {
    const evidence: DateEvidence = {};
    for (const text of ['24/09/2014', '25/09/2014', '03/04/2024', 'not a date']) noteDateEvidence(evidence, '/-/awardDate', text);
    noteDateEvidence(evidence, '/-/endDate', '09/24/2014');
    expect(evidence).toEqual({ '/-/awardDate': [2, 0], '/-/endDate': [0, 1] });
  });

  it.each([
    [undefined, undefined],
    [[0, 0], undefined],
    [[2, 0], 'day-first'],
    [[0, 1], 'month-first'],
    [[1, 1], 'mixed'],
  ] as Array<[[number, number] | undefined, string | undefined]>)('%j settles %s', (counts, order) => {
    expect(orderOf(counts)).toBe(order);
  });
});

describe('dateHint', () => {
  const AWARD = '/grants/0/awardDate';
  it.each([
    ['31/12/2024', ['date'], undefined, 'write the date as 2024-12-31'],
    ['31/12/2024', ['date-time'], undefined, 'write the date and time as 2024-12-31T00:00:00Z (midnight, UTC)'],
    ['2024-12-31', ['date-time'], undefined, 'write the date and time as 2024-12-31T00:00:00Z (midnight, UTC)'],
    ['03/04/2024', ['date'], 'month-first', "write the date as 2024-03-04 (the awardDate field's other dates put the month first)"],
    ['03/04/2024', ['date-time'], 'day-first', "write the date and time as 2024-04-03T00:00:00Z (midnight, UTC) (the awardDate field's other dates put the day first)"],
    [
      '03/04/2024',
      ['date'],
      undefined,
      '"03/04/2024" could be 3 April 2024 (2024-04-03) or 4 March 2024 (2024-03-04): the awardDate field\'s other dates do not show whether the day or the month comes first, so check which is meant',
    ],
    // Doubtful, a date-time field is given the same words: which date is meant comes first.
    [
      '03/04/2024',
      ['date-time'],
      'mixed',
      '"03/04/2024" could be 3 April 2024 (2024-04-03) or 4 March 2024 (2024-03-04): the awardDate field has dates written with the day first and others with the month first, so check which is meant',
    ],
    ['yesterday', ['date'], undefined, undefined],
  ] as const)('%j as %j with %s', (text, formats, order, hint) => {
    expect(dateHint(text, AWARD, [...formats], order)).toBe(hint);
  });
});

describe('isDateFinding and attachDateHints', () => {
  const finding = (path: string, data: unknown, fields: Partial<Finding> = {}): Finding => ({ code: 'value-format', keyword: 'format', path, data, formats: ['date'], ...fields });

  it.each([
    [finding('/0/d', '31/12/2024'), true],
    [finding('/0/d', '31/12/2024', { formats: ['date-time', 'uri'] }), true],
    [finding('/0/d', '31/12/2024', { formats: ['uri'] }), false],
    [finding('/0/d', '31/12/2024', { formats: undefined }), false],
    [finding('/0/d', '31/12/2024', { hint: 'already said' }), false],
    [finding('/0/d', 20241231), false],
    [finding('/0/d', '31/12/2024', { code: 'value-type' }), false],
  ])('%j: %s', (f, answer) => {
    expect(isDateFinding(f)).toBe(answer);
  });

  it("settles each date by its property's other dates across the document", () => {
    const findings = [
      finding('/grants/0/awardDate', '03/04/2024'),
      finding('/grants/1/awardDate', '24/09/2014'),
      finding('/grants/0/endDate', '03/04/2024'),
      finding('/grants/0/title', 'x', { formats: undefined }),
    ];
    attachDateHints(findings);
    expect(findings.map((f) => f.hint)).toEqual([
      "write the date as 2024-04-03 (the awardDate field's other dates put the day first)",
      'write the date as 2014-09-24',
      expect.stringMatching(/^"03\/04\/2024" could be 3 April 2024 \(2024-04-03\) or 4 March 2024 \(2024-03-04\): the endDate field's other dates do not show/),
      undefined,
    ]);
  });
});
