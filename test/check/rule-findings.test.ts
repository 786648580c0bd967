// The rules over a whole table, run in-process over rows given as texts: what each rule found, as an
// issue code and the facts it hands to the catalog. (Their wording is in test/issues/wording.test.ts;
// test/check/table-rules.test.ts checks the same rules end to end, through the CLI.)
import { describe, expect, it, vi } from 'vitest';
import { ruleJudge, ruleReader, ruleSpecs, type Reference } from '../../src/check/table-rules.js';
import { IssueCollector } from '../../src/report/collector.js';
import { loadStandardSchema } from '../../src/standards/load.js';
import type { Issue } from '../../src/types.js';

const made = vi.hoisted(() => [] as Array<[code: string, args: unknown]>);

vi.mock('../../src/issues/catalog.js', async (importOriginal) => {
  const catalog = await importOriginal<typeof import('../../src/issues/catalog.js')>();
  return {
    ...catalog,
    makeIssue: (...call: Parameters<typeof catalog.makeIssue>) => {
      made.push([call[0], call[1]]);
      return catalog.makeIssue(...call);
    },
  };
});

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  'x-primaryKey': 'id',
  'x-rows': { minimum: 5 },
  'x-foreignKeys': [{ fields: 'org', reference: { resource: 'orgs.csv', fields: 'id' } }],
  properties: {
    id: { type: 'string' },
    council: { type: 'string', 'x-constant': true },
    date: { type: 'string', 'x-dateRange': { maximumDays: 30, minimum: '2024-01-01' } },
    org: { type: 'string' },
  },
};

/** Every rule of the standard, read and judged over the rows, with the codes and facts of what they found. */
async function findings(rows: string[][], references: Reference[]) {
  const standard = await loadStandardSchema(structuredClone(schema), 'inline.schema.json', 'inline.schema.json');
  const columns = ['id', 'council', 'date', 'org'];
  const context = {
    standard,
    references,
    locate: (field: string) => ({ column: field, columnIndex: columns.indexOf(field) + 1 }),
    severityOf: () => 'error' as const,
  };
  const specs = ruleSpecs(standard, references);
  const sink = new IssueCollector(0);
  const readers = specs.map((spec) => ruleReader(spec, context));
  const judges = specs.map((spec) => ruleJudge(spec, { ...context, sink }));
  made.length = 0;
  const rowIssues: Issue[] = [];
  rows.forEach((row, r) => {
    specs.forEach((spec, s) =>
      readers[s]!.row(
        spec.fields.map((f) => row[columns.indexOf(f)]!),
        r + 1,
        r + 2,
        rowIssues,
      ),
    );
  });
  specs.forEach((_, s) => judges[s]!.merge(readers[s]!.take(), 0));
  judges.forEach((judge) => judge.finish(rows.length));
  return made.map(([code, args]) => ({ code, args }));
}

describe('table rules find', () => {
  it('duplicate and empty primary keys, values outside the referenced file, and rules over the whole table', async () => {
    const rows = [
      ['A1', 'Anytown', '2024-01-10', 'O1'],
      ['A2', 'Anytown', '2024-03-01', 'O9'],
      ['A1', 'Othertown', '2023-12-31', 'O1'],
      ['', 'Anytown', '2024-01-12', 'O1'],
    ];
    const references: Reference[] = [{ from: ['org'], resource: 'orgs.csv', fields: ['id'], values: new Set(['O1']) }];
    expect(await findings(rows, references)).toEqual([
      { code: 'key-reference', args: { kind: 'not-found', name: 'org', value: 'O9', list: 'orgs.csv (id)' } },
      { code: 'value-missing', args: { name: 'id', reason: 'primary-key' } },
      { code: 'key-duplicate', args: { fields: ['id'], value: 'A1', firstRow: 1, firstLine: 2 } },
      { code: 'table-rule', args: { kind: 'not-constant', field: 'council', first: 'Anytown', firstRow: 1, other: 'Othertown', otherRow: 3, count: 1 } },
      {
        code: 'table-rule',
        args: { kind: 'date-span', field: 'date', earliest: '2023-12-31', earliestRow: 3, latest: '2024-03-01', latestRow: 2, days: 61, maximumDays: 30 },
      },
      { code: 'table-rule', args: { kind: 'date-before', field: 'date', earliest: '2023-12-31', minimum: '2024-01-01' } },
      { code: 'table-rule', args: { kind: 'row-count', rows: 4, minimum: 5, maximum: undefined } },
    ]);
  });

  it('a referenced file that cannot be read, once, when a row refers to it', async () => {
    const rows = [
      ['A1', 'Anytown', '2024-01-10', 'O1'],
      ['A2', 'Anytown', '2024-01-11', 'O2'],
      ['A3', 'Anytown', '2024-01-12', 'O3'],
      ['A4', 'Anytown', '2024-01-13', 'O4'],
      ['A5', 'Anytown', '2024-01-14', 'O5'],
    ];
    const references: Reference[] = [{ from: ['org'], resource: 'orgs.csv', fields: ['id'], problem: { kind: 'not-found' } }];
    expect(await findings(rows, references)).toEqual([{ code: 'key-reference', args: { kind: 'unreadable', resource: 'orgs.csv', problem: { kind: 'not-found' } } }]);
  });
});
