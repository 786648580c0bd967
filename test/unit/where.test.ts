// Where an issue is, in the words every format shares: places, runs of rows, counts and totals by code.
import { describe, expect, it } from 'vitest';
import { codesOf, codeTotal, columnLabel, count, groupTotal, isColumnIssue, locationText, n, pointerPattern, runsText, worstSeverity } from '../../src/formatters/where.js';
import type { FileReport, Issue, IssueCode, Severity } from '../../src/types.js';

function issue(fields: Partial<Issue> = {}): Issue {
  return { code: 'value-format', severity: 'error', message: 'Amount must be a number', ...fields };
}

describe('locationText', () => {
  it.each([
    [{ row: 4, line: 5 }, 'row 4 (line 5)'],
    [{ row: 4 }, 'row 4'],
    [{ row: 3, endRow: 9, line: 6, endLine: 12 }, 'rows 3–9 (lines 6–12)'],
    [{ row: 3, endRow: 9, line: 6 }, 'rows 3–9'],
    [{ row: 3, endRow: 3, line: 4, endLine: 4 }, 'row 3 (line 4)'],
    [{ line: 1 }, 'line 1'],
    [{}, ''],
    [{ row: 12345, line: 12346 }, 'row 12,345 (line 12,346)'],
    [{ row: 1, line: 3, record: '360G-abc-1' }, 'row 1 (line 3), id 360G-abc-1'],
    [{ record: 'ocds-213czf-1' }, 'id ocds-213czf-1'],
    [{ cell: "'Spend 2024'!C12", row: 9 }, "'Spend 2024'!C12 (row 9)"],
    [{ cell: "'Spend 2024'!12:12", row: 9, endRow: 12 }, "'Spend 2024'!12:12 (rows 9–12)"],
    [{ cell: "'Spend 2024'!C12", row: 9, endRow: 9 }, "'Spend 2024'!C12 (row 9)"],
    [{ cell: 'A1' }, 'A1'],
    [{ cell: 'B2', row: 1, record: 'x' }, 'B2 (row 1), id x'],
    [{ sheet: 'Notes' }, 'sheet "Notes"'],
    [{ sheet: 'Notes', line: 3 }, 'line 3'],
  ] as Array<[Partial<Issue>, string]>)('%j is %j', (fields, text) => {
    expect(locationText(issue(fields))).toBe(text);
  });
});

describe('runsText', () => {
  it.each([
    [[], undefined, ''],
    [[5], undefined, '5'],
    [[1, 2, 3, 4, 5, 9, 12, 13, 14], undefined, '1–5, 9, 12–14'],
    [[3, 1, 2, 2], undefined, '1–3'],
    [[1, 3, 5, 7, 9, 11], undefined, '1, 3, 5, 7 and 2 more'],
    [[1, 3, 5, 7, 9, 11], 2, '1, 3 and 4 more'],
    [[1, 2, 3, 10, 20, 21, 30, 40, 41, 42], undefined, '1–3, 10, 20–21, 30 and 3 more'],
    [[1000, 1001], undefined, '1,000–1,001'],
    [Array.from({ length: 5000 }, (_, i) => i + 1), undefined, '1–5,000'],
    [Array.from({ length: 1500 }, (_, i) => 2 * i + 1), undefined, '1, 3, 5, 7 and 1,496 more'],
  ] as Array<[number[], number | undefined, string]>)('%j (at most %s parts) is %j', (numbers, maxParts, text) => {
    expect(runsText(numbers, maxParts)).toBe(text);
  });
});

describe('count and n', () => {
  it.each([
    [1, 'row', undefined, '1 row'],
    [0, 'row', undefined, '0 rows'],
    [3836, 'row', undefined, '3,836 rows'],
    [2, 'match', 'matches', '2 matches'],
    [1, 'match', 'matches', '1 match'],
  ])('count(%s, %s, %s) is %j', (value, word, plural, text) => {
    expect(count(value, word, plural)).toBe(text);
  });

  it('n writes thousands with commas', () => {
    expect(n(1234567.5)).toBe('1,234,567.5');
  });
});

describe('worstSeverity', () => {
  it.each([
    [[], 'info'],
    [['info'], 'info'],
    [['info', 'warning'], 'warning'],
    [['warning', 'error', 'info'], 'error'],
  ] as Array<[Severity[], Severity]>)('%j → %s', (severities, worst) => {
    expect(worstSeverity(severities.map((severity) => issue({ severity })))).toBe(worst);
  });
});

describe('totals by code', () => {
  const a = issue({ row: 1 });
  const b = issue({ row: 2 });
  const c = issue({ code: 'value-missing', row: 1 });
  const file = { issues: [c, a, b], byCode: { 'value-format': 10, 'value-missing': 1, 'key-duplicate': 4 } } as unknown as FileReport;

  it.each([
    ['value-format', 10],
    ['key-duplicate', 4],
  ] as Array<[IssueCode, number]>)('codeTotal of %s comes from byCode: %d', (code, total) => {
    expect(codeTotal(file, code)).toBe(total);
  });

  it('codeTotal counts the listed issues when byCode has none of the code', () => {
    const listedOnly = { issues: [a, b], byCode: {} } as unknown as FileReport;
    expect(codeTotal(listedOnly, 'value-format')).toBe(2);
  });

  it('codesOf lists codes in the order first listed, then those only counted', () => {
    expect(codesOf(file)).toEqual(['value-missing', 'value-format', 'key-duplicate']);
  });

  it.each([
    ['every listed issue of the code: the whole count', 'value-format', [a, b], 10],
    ['some of the listed issues: only those', 'value-format', [a], 1],
    ['a code listed in full', 'value-missing', [c], 1],
  ] as Array<[string, IssueCode, Issue[], number]>)('groupTotal of a group holding %s', (_, code, group, total) => {
    expect(groupTotal(file, code, group)).toBe(total);
  });
});

describe('columnLabel, isColumnIssue and pointerPattern', () => {
  it.each([
    [{ column: 'Amount' }, 'Amount', true],
    [{ column: ' Amount' }, '" Amount"', true],
    [{ column: '' }, '""', true],
    [{ column: 'Amt', field: 'Amount' }, 'Amt (Amount)', true],
    [{ column: 'Amount', field: 'Amount' }, 'Amount', true],
    [{ pointer: '/grants/0/amountAwarded' }, 'grants[].amountAwarded', true],
    [{ pointer: '' }, '(document)', true],
    [{ pointer: '/0/title', field: 'Title' }, 'Title ([].title)', true],
    [{ columnIndex: 3 }, 'Column 3', true],
    [{ code: 'header-missing' }, 'Header', false],
    [{ code: 'row-blank' }, 'Rows', false],
    [{ code: 'key-duplicate' }, 'Rows', false],
    [{ code: 'total-rows' }, 'Rows', false],
    [{ code: 'encoding-invalid' }, 'File', false],
  ] as Array<[Partial<Issue>, string, boolean]>)('%j is labelled %j (a column: %s)', (fields, label, column) => {
    expect(columnLabel(issue(fields))).toBe(label);
    expect(isColumnIssue(issue(fields))).toBe(column);
  });

  it.each([
    ['/grants/3/awardDate', 'grants[].awardDate'],
    ['/3/a', '[].a'],
    ['/0', '[]'],
    ['', ''],
    ['/a~1b/c~0d', 'a/b.c~d'],
    ['/features/12/properties/name', 'features[].properties.name'],
  ])('pointer %j is the place %j', (pointer, place) => {
    expect(pointerPattern(pointer)).toBe(place);
  });
});
