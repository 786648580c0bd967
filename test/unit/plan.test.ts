// The fix plan: what `conform fix` repairs and the command that does it, then the kinds of issue left
// for a person, the largest first; and the run's plan added up across files.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/issues/catalog.js';
import { filePlan, fixCommandLine, refreshCommand, runPlan } from '../../src/report/plan.js';
import type { FileReport, Issue, IssueGroup } from '../../src/types.js';

describe('fixCommandLine', () => {
  it.each([
    ['spend.csv', 'spend-over-500', 'conform fix spend.csv --standard spend-over-500 -o spend-fixed.csv'],
    ['data/spend 2024.csv', 'spend-over-500', "conform fix 'data/spend 2024.csv' --standard spend-over-500 -o 'data/spend 2024-fixed.csv'"],
    ["O'Neil.csv", 'tree', "conform fix 'O'\\''Neil.csv' --standard tree -o 'O'\\''Neil-fixed.csv'"],
    ['spend', 'tree', 'conform fix spend --standard tree -o spend-fixed.csv'],
    ['dir.v2/spend', 'tree', 'conform fix dir.v2/spend --standard tree -o dir.v2/spend-fixed.csv'],
    ['spend.tsv', 'tree', 'conform fix spend.tsv --standard tree -o spend-fixed.csv'],
    ['a.b.csv', 'tree', 'conform fix a.b.csv --standard tree -o a.b-fixed.csv'],
    ['spend.csv', 'my standard', "conform fix spend.csv --standard 'my standard' -o spend-fixed.csv"],
    ['$(rm -rf ~).csv', 'tree', "conform fix '$(rm -rf ~).csv' --standard tree -o '$(rm -rf ~)-fixed.csv'"],
  ])('%j with %s', (path, standard, command) => {
    expect(fixCommandLine(path, standard)).toBe(command);
  });
});

const issue = (column: string, hint?: string, code: Issue['code'] = 'value-format'): Issue => ({
  code,
  severity: 'error',
  message: `${column} is wrong`,
  column,
  ...(hint ? { hint } : {}),
});
const group = (fields: Partial<IssueGroup> & Pick<IssueGroup, 'label' | 'code' | 'count' | 'fixable' | 'example'>): IssueGroup => ({ severity: 'error', rows: [], ...fields });

const AMOUNT = group({
  label: 'Amount',
  code: 'value-format',
  count: 5,
  fixable: 3,
  example: issue('Amount', 'write the number plainly'),
  manual: issue('Amount', 'check the amount by hand'),
});
const DATES = group({ label: 'Date', code: 'value-format', count: 2, fixable: 2, example: issue('Date', 'write the date as 2024-01-01') });
const NO_SUPPLIER = group({ label: 'Supplier', code: 'header-missing', count: 1, fixable: 0, example: issue('Supplier', undefined, 'header-missing') });
const NO_VAT = group({ label: 'VAT', code: 'header-missing', count: 1, fixable: 0, example: issue('VAT', undefined, 'header-missing') });
const NOTES = group({
  label: 'Notes',
  code: 'value-length',
  severity: 'warning',
  count: 2,
  fixable: 0,
  example: { ...issue('Notes', 'shorten the note'), code: 'value-length', severity: 'warning' },
});
const GROUPS = [AMOUNT, DATES, NO_SUPPLIER, NO_VAT, NOTES];

type PlanFile = Pick<FileReport, 'path' | 'format' | 'standard' | 'counts'>;
const csv = (path = 'spend.csv'): PlanFile => ({
  path,
  format: 'csv',
  standard: { id: 'spend-over-500', version: '1.0', title: 'Spend' },
  counts: { error: 9, warning: 2, info: 0 },
});

describe('filePlan', () => {
  it('for a CSV file: what fix repairs, the command, and what is left, largest first, header findings as one step', () => {
    expect(filePlan(csv(), GROUPS)).toEqual({
      issues: 11,
      fixable: 5,
      command: 'conform fix spend.csv --standard spend-over-500 -o spend-fixed.csv',
      manual: [
        { label: 'Amount', code: 'value-format', severity: 'error', count: 2, example: AMOUNT.manual, action: 'check the amount by hand' },
        { label: 'Header', code: 'header-missing', severity: 'error', count: 2, example: NO_SUPPLIER.example, action: CATALOG['header-missing'].help },
        { label: 'Notes', code: 'value-length', severity: 'warning', count: 2, example: NOTES.example, action: 'shorten the note' },
      ],
    });
  });

  it.each([
    ['a JSON file', { ...csv(), format: 'json' as const }],
    ['standard input', csv('-')],
    ['a file with no standard', { ...csv(), standard: null }],
  ])('for %s fix repairs nothing: every issue is left, with its own hint', (_, file) => {
    const plan = filePlan(file, [AMOUNT, DATES]);
    expect(plan.fixable).toBe(0);
    expect(plan.command).toBeUndefined();
    expect(plan.manual.map((s) => [s.label, s.count, s.action])).toEqual([
      ['Amount', 5, 'write the number plainly'],
      ['Date', 2, 'write the date as 2024-01-01'],
    ]);
  });

  it('with nothing left, no steps; with nothing to repair, no command', () => {
    expect(filePlan(csv(), [DATES])).toMatchObject({ fixable: 2, manual: [] });
    expect(filePlan(csv(), [NOTES]).command).toBeUndefined();
  });
});

describe('runPlan and refreshCommand', () => {
  const withPlan = (file: PlanFile, groups: IssueGroup[]): FileReport =>
    ({ ...file, passed: false, encoding: 'utf-8', rows: 10, validRows: 5, invalidRows: 5, byCode: {}, issues: [], truncated: 0, plan: filePlan(file, groups) }) as FileReport;

  it('adds the files up: one step per kind, counted over the files, its example naming the first file', () => {
    const one = withPlan(csv('one.csv'), [AMOUNT]);
    const two = withPlan({ ...csv('two.json'), format: 'json' }, [AMOUNT, NOTES]);
    const plan = runPlan([one, two]);
    expect(plan.issues).toBe(22);
    expect(plan.fixable).toBe(3);
    // Only one file has a command: the run's plan gives it.
    expect(plan.command).toBe('conform fix one.csv --standard spend-over-500 -o one-fixed.csv');
    expect(plan.manual.map((s) => [s.label, s.count, s.files, s.example.path])).toEqual([
      ['Amount', 7, 2, 'one.csv'],
      ['Notes', 2, 1, 'two.json'],
    ]);
  });

  it('gives no command when several files have one', () => {
    expect(runPlan([withPlan(csv('a.csv'), [AMOUNT]), withPlan(csv('b.csv'), [AMOUNT])]).command).toBeUndefined();
  });

  it('keeps the 25 largest kinds', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      group({ label: `Column ${String(i).padStart(2, '0')}`, code: 'value-format', count: i + 1, fixable: 0, example: issue(`Column ${i}`) }),
    );
    const plan = runPlan([withPlan({ ...csv(), format: 'json' }, many)]);
    expect(plan.manual).toHaveLength(25);
    expect(plan.manual[0]!.count).toBe(30);
    expect(plan.manual.at(-1)!.count).toBe(6);
  });

  it('refreshCommand writes the command again for the path the report shows', () => {
    const file = withPlan(csv('tmp-1234.csv'), [AMOUNT]);
    file.path = 'uploads/spend.csv';
    refreshCommand(file);
    expect(file.plan!.command).toBe('conform fix uploads/spend.csv --standard spend-over-500 -o uploads/spend-fixed.csv');
  });
});
