// One file's issues as they are found: everything counted, the first --max-issues row issues kept in
// file order whatever order they arrive in, and the rows with an error remembered.
import { describe, expect, it } from 'vitest';
import { compareIssues, IssueCollector } from '../../src/report/collector.js';
import type { Issue, IssueCode, Severity } from '../../src/types.js';

function issue(row: number | undefined, fields: Partial<Issue> = {}): Issue {
  return {
    code: 'value-format',
    severity: 'error',
    message: 'Amount must be a number',
    ...(row !== undefined ? { row, line: row + 1, column: 'Amount', columnIndex: 2 } : {}),
    ...fields,
  };
}

describe('compareIssues: file order', () => {
  it.each([
    ['an earlier line first', { line: 2 }, { line: 3 }, -1],
    ['no line before any line', {}, { line: 1 }, -1],
    ['on one line, the earlier column', { line: 2, columnIndex: 3 }, { line: 2, columnIndex: 1 }, 1],
    ['then the row', { line: 2, row: 1 }, { line: 2, row: 2 }, -1],
    ['then the pointer', { line: 2, pointer: '/a' }, { line: 2, pointer: '/b' }, -1],
    ['then the code', { line: 2, code: 'value-missing' as IssueCode }, { line: 2, code: 'value-format' as IssueCode }, 1],
    ['then the message', { line: 2, message: 'b' }, { line: 2, message: 'a' }, 1],
    ['the same place and words', { line: 2 }, { line: 2 }, 0],
  ])('%s', (_, a, b, sign) => {
    expect(Math.sign(compareIssues(issue(undefined, a), issue(undefined, b)))).toBe(sign);
  });
});

describe('IssueCollector', () => {
  it('keeps the first --max-issues row issues in file order, and counts the rest', () => {
    const collector = new IssueCollector(2);
    for (const row of [5, 1, 3, 2]) collector.add(issue(row));
    expect(collector.sorted().map((i) => i.row)).toEqual([1, 2]);
    expect(collector.truncated).toBe(2);
    expect(collector.counts).toEqual({ error: 4, warning: 0, info: 0 });
    expect(collector.byCode).toEqual({ 'value-format': 4 });
    expect(collector.invalidRows).toBe(4);
    expect([1, 2, 3, 5, 4, 6].map((row) => collector.isInvalid(row))).toEqual([true, true, true, true, false, false]);
  });

  it('always keeps issues about the file, its header and runs of rows', () => {
    const collector = new IssueCollector(1);
    collector.add(issue(3));
    collector.add(issue(undefined, { code: 'header-missing', message: 'No Amount column' }));
    collector.add(issue(7, { code: 'row-blank', endRow: 9, severity: 'warning' }));
    collector.add(issue(1));
    expect(collector.sorted().map((i) => [i.code, i.row])).toEqual([
      ['header-missing', undefined],
      ['value-format', 1],
      ['row-blank', 7],
    ]);
    expect(collector.truncated).toBe(1);
  });

  it('with --max-issues 0, keeps every one', () => {
    const collector = new IssueCollector(0);
    for (let row = 1; row <= 1000; row++) collector.add(issue(row));
    expect(collector.sorted()).toHaveLength(1000);
    expect(collector.truncated).toBe(0);
  });

  it('keeps the same issues whatever order they arrive in, past the trims', () => {
    const rows = Array.from({ length: 600 }, (_, i) => i + 1);
    const orders = [rows, [...rows].reverse(), rows.map((_, i) => ((i * 7919) % 600) + 1)];
    for (const order of orders) {
      const collector = new IssueCollector(10);
      for (const row of order) collector.add(issue(row));
      expect(collector.sorted().map((i) => i.row)).toEqual(rows.slice(0, 10));
      expect(collector.truncated).toBe(590);
      expect(collector.invalidRows).toBe(600);
    }
  });

  it.each([
    ['warning', 0],
    ['info', 0],
    ['error', 1],
  ] as Array<[Severity, number]>)('a row with only a %s is invalid: %d rows', (severity, invalid) => {
    const collector = new IssueCollector(10);
    collector.add(issue(3, { severity }));
    expect(collector.invalidRows).toBe(invalid);
  });

  it('applies the configured severity to every issue before counting', () => {
    const collector = new IssueCollector(10, (i) => (i.code === 'value-format' ? 'warning' : undefined));
    collector.add(issue(1));
    collector.add(issue(2, { code: 'value-missing' }));
    expect(collector.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(collector.invalidRows).toBe(1);
    expect(collector.isInvalid(1)).toBe(false);
    expect(collector.isInvalid(2)).toBe(true);
  });

  it('remembers rows far down, each once', () => {
    const collector = new IssueCollector(10);
    collector.markInvalid(100_000);
    collector.markInvalid(100_000);
    collector.markInvalid(31);
    expect(collector.invalidRows).toBe(2);
    expect([100_000, 99_999, 31, 32].map((row) => collector.isInvalid(row))).toEqual([true, false, true, false]);
  });

  it('counts every issue in its group, listed or not', () => {
    const collector = new IssueCollector(1);
    for (const row of [4, 2, 9]) collector.add(issue(row));
    const [group, ...others] = collector.groups();
    expect(others).toEqual([]);
    expect(group).toMatchObject({ label: 'Amount', code: 'value-format', severity: 'error', count: 3, rows: [2, 4, 9] });
  });
});
