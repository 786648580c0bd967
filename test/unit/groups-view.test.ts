// What every format counts from: a file's groups, and for a report made before groups were counted, groups
// built from its listed issues with the issues counted but not listed put where they can only be.
import { describe, expect, it } from 'vitest';
import { groupsOf, keyOfGroup, NOT_LISTED, showingText, totalIssues } from '../../src/formatters/groups-view.js';
import { groupKey } from '../../src/report/groups.js';
import { CATALOG } from '../../src/issues/catalog.js';
import type { FileReport, Issue } from '../../src/types.js';
import { n } from '../../src/formatters/where.js';

const cell = (row: number, column: string): Issue => ({
  code: 'value-format',
  severity: 'error',
  message: `${column} is wrong`,
  row,
  line: row + 1,
  column,
  columnIndex: column === 'Amount' ? 3 : 4,
});

function file(issues: Issue[], byCode: FileReport['byCode'], extra: Partial<FileReport> = {}): FileReport {
  const total = Object.values(byCode).reduce<number>((s, v) => s + (v ?? 0), 0);
  return {
    path: 'a.csv',
    standard: null,
    passed: false,
    format: 'csv',
    encoding: 'utf-8',
    rows: 10,
    validRows: 0,
    invalidRows: 10,
    counts: { error: total, warning: 0, info: 0 },
    byCode,
    issues,
    truncated: total - issues.length,
    ...extra,
  };
}

describe('groupsOf', () => {
  it('gives the one listed group of a code the issues of that code not listed', () => {
    const groups = groupsOf(file([cell(1, 'Amount'), cell(2, 'Amount')], { 'value-format': 5 }));
    expect(groups.map((g) => [g.label, g.code, g.count])).toEqual([['Amount', 'value-format', 5]]);
  });

  it('puts issues not listed in a group of their own when several groups share the code, or none lists it', () => {
    const groups = groupsOf(file([cell(1, 'Amount'), cell(2, 'Date')], { 'value-format': 10, 'value-missing': 3 }));
    expect(groups.map((g) => [g.label, g.code, g.severity, g.count])).toEqual([
      ['Amount', 'value-format', 'error', 1],
      ['Date', 'value-format', 'error', 1],
      [NOT_LISTED, 'value-format', 'error', 8],
      [NOT_LISTED, 'value-missing', CATALOG['value-missing'].severity, 3],
    ]);
    expect(groups[3]!.example.message).toBe(`${CATALOG['value-missing'].title} (not listed)`);
    expect(groups[2]!.example).toEqual(groups[0]!.example);
  });

  it("uses a report's own groups, and builds a file's groups once", () => {
    const own = [{ label: 'X', code: 'value-format' as const, severity: 'error' as const, count: 1, fixable: 0, rows: [], example: cell(1, 'X') }];
    expect(groupsOf(file([], { 'value-format': 1 }, { groups: own }))).toBe(own);
    const older = file([cell(1, 'Amount')], { 'value-format': 1 });
    expect(groupsOf(older)).toBe(groupsOf(older));
  });

  it('keys a group as its issues are keyed', () => {
    const [group] = groupsOf(file([cell(1, 'Amount')], { 'value-format': 1 }));
    expect(keyOfGroup(group!)).toBe(groupKey(cell(1, 'Amount')));
  });
});

describe('totalIssues and showingText', () => {
  it.each([
    [0, 2619, ''],
    [1619, 2619, 'Showing 1,000 of 2,619 issues (--max-issues); every count covers all 2,619.'],
    [1, 1, 'Showing 0 of 1 issues (--max-issues); every count covers all 1.'],
  ])('%d left out of %d: %j', (truncated, total, text) => {
    const f = { ...file([], {}), truncated, counts: { error: total - 1, warning: 1, info: 0 } } as FileReport;
    expect(totalIssues(f)).toBe(total);
    expect(showingText(f, n)).toBe(text);
  });
});
