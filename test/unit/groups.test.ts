// Every issue counted by where it is and what it is: which issues `conform fix` repairs, the key and
// order of groups, and what a group remembers (first rows, first example, first issue left for a person).
import { describe, expect, it } from 'vitest';
import { compareIssues } from '../../src/report/collector.js';
import { compareGroups, fixable, groupKey, groupOrder, groupsFromIssues } from '../../src/report/groups.js';
import type { Issue, IssueGroup } from '../../src/types.js';

const cell = (row: number, fields: Partial<Issue> = {}): Issue => ({
  code: 'value-format',
  severity: 'error',
  message: 'Amount must be a number',
  row,
  line: row + 1,
  column: 'Amount',
  columnIndex: 3,
  ...fields,
});

describe('fixable', () => {
  it.each([
    ['a cell with a repair', cell(1, { fix: '12' }), true],
    ['a cell without one', cell(1), false],
    ['title rows', { code: 'title-rows', severity: 'warning', message: 'm' }, true],
    ['blank rows', { code: 'row-blank', severity: 'warning', message: 'm' }, true],
    ['total rows', { code: 'total-rows', severity: 'warning', message: 'm' }, true],
    ['a column read under another name', { code: 'header-mismatch', severity: 'warning', message: 'm', column: 'Amt', field: 'Amount' }, true],
    ['a column name with no field to rename it to', { code: 'header-mismatch', severity: 'warning', message: 'm', column: 'Amt' }, false],
    ['a note saying fix does it', { code: 'value-format', severity: 'info', message: 'm', hint: 'dates are written day first; conform fix does this for the whole column' }, true],
    ['a note saying something else', { code: 'value-format', severity: 'info', message: 'm', hint: 'check the dates' }, false],
  ] as Array<[string, Issue, boolean]>)('%s: %s', (_, issue, answer) => {
    expect(fixable(issue)).toBe(answer);
  });
});

describe('groupKey and groupOrder', () => {
  it('keys a group by heading, code and severity', () => {
    expect(groupKey(cell(1))).toBe('Amount\u0000value-format\u0000error');
    expect(groupKey(cell(1, { severity: 'warning' }))).not.toBe(groupKey(cell(1)));
    expect(groupKey(cell(9, { value: 'other' }))).toBe(groupKey(cell(1)));
  });

  it.each([
    [{ label: 'File' }, 0],
    [{ label: 'Header' }, 0],
    [{ label: 'Rows' }, 1],
    [{ label: 'Amount', column: 'Amount', columnIndex: 3 }, 5],
    [{ label: 'grants[].amount', place: 'grants[].amount' }, 2],
    [{ label: 'Column 1', columnIndex: 1 }, 3],
  ])('%j is placed %d', (group, order) => {
    expect(groupOrder(group)).toBe(order);
  });

  it('orders groups: the file and header, rows, columns left to right, then label, code and severity', () => {
    const g = (label: string, fields: Partial<IssueGroup> = {}): IssueGroup => ({
      label,
      code: 'value-format',
      severity: 'error',
      count: 1,
      fixable: 0,
      rows: [],
      example: cell(1),
      ...fields,
    });
    const groups = [
      g('Notes', { column: 'Notes', columnIndex: 4, severity: 'warning' }),
      g('Notes', { column: 'Notes', columnIndex: 4 }),
      g('Amount', { column: 'Amount', columnIndex: 3 }),
      g('Rows', { code: 'row-blank' }),
      g('Header', { code: 'header-missing' }),
      g('File', { code: 'encoding-invalid' }),
    ];
    expect([...groups].sort(compareGroups).map((x) => `${x.label}/${x.severity}`)).toEqual([
      'File/error',
      'Header/error',
      'Rows/error',
      'Amount/error',
      'Notes/error',
      'Notes/warning',
    ]);
  });
});

describe('groupsFromIssues', () => {
  it('counts a column, remembering its first five rows and first issue in file order', () => {
    const issues = [7, 3, 3, 9, 1, 12, 5].map((row) => cell(row));
    const [group, ...others] = groupsFromIssues(issues, compareIssues);
    expect(others).toEqual([]);
    expect(group).toMatchObject({ label: 'Amount', code: 'value-format', severity: 'error', column: 'Amount', columnIndex: 3, count: 7, fixable: 0, rows: [1, 3, 5, 7, 9] });
    expect(group!.example.row).toBe(1);
    expect(group!.manual!.row).toBe(1);
  });

  it('the first issue left for a person is the first without a repair', () => {
    const issues = [cell(1, { fix: '1' }), cell(2, { fix: '2' }), cell(4), cell(3)];
    const [group] = groupsFromIssues(issues, compareIssues);
    expect(group).toMatchObject({ count: 4, fixable: 2 });
    expect(group!.example.row).toBe(1);
    expect(group!.manual!.row).toBe(3);
  });

  it('a group fix repairs in full has no issue left for a person', () => {
    const [group] = groupsFromIssues([cell(2, { fix: '2' }), cell(1, { fix: '1' })], compareIssues);
    expect(group).toMatchObject({ count: 2, fixable: 2 });
    expect(group!.manual).toBeUndefined();
  });

  it('puts the file, header and rows before the columns, and a JSON place under its pattern', () => {
    const issues: Issue[] = [
      cell(2),
      { code: 'value-missing', severity: 'error', message: 'm', row: 1, line: 3, pointer: '/grants/0/title', field: 'Title' },
      { code: 'row-blank', severity: 'warning', message: 'm', row: 4, endRow: 6 },
      { code: 'header-missing', severity: 'error', message: 'm' },
    ];
    expect(groupsFromIssues(issues, compareIssues).map((g) => [g.label, g.place])).toEqual([
      ['Header', undefined],
      ['Rows', undefined],
      ['Title (grants[].title)', 'grants[].title'],
      ['Amount', undefined],
    ]);
  });
});
