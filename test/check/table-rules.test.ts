import { describe, expect, it } from 'vitest';
import { KeySet, type LateDuplicate } from '../../src/check/rules/key-set.js';
import { validate } from '../../src/index.js';
import { FIXTURES, report, scratch } from '../helpers.js';

const standard = `${FIXTURES}/rules/grants.schema.json`;
const pick = (issues: any[], code: string) =>
  issues
    .filter((i) => i.code === code)
    .map(({ row, line, column, severity, value, firstRow, firstLine, hint }) => ({ row, line, column, severity, value, firstRow, firstLine, hint }));

describe('rules over a whole table', async () => {
  const { report: r } = await report([`${FIXTURES}/rules/grants.csv`, '-s', standard]);
  const issues = r.files[0].issues;

  it('finds single and composite duplicate keys, naming the first occurrence', () => {
    expect(pick(issues, 'key-duplicate')).toEqual([
      { row: 3, line: 4, column: 'Ref', severity: 'error', value: 'G1', firstRow: 1, firstLine: 2, hint: undefined },
      { row: 5, line: 6, column: 'Org', severity: 'error', value: 'Anytown Council, R1', firstRow: 1, firstLine: 2, hint: undefined },
    ]);
  });

  it('checks code lists: closed lists are errors, open lists warnings, with the nearest codes as a hint', () => {
    expect(pick(issues, 'key-reference').filter((i) => i.column !== 'Recipient')).toEqual([
      { row: 2, line: 3, column: 'Currency', severity: 'error', value: 'gbp', hint: 'did you mean "GBP"?' },
      { row: 2, line: 3, column: 'Region', severity: 'warning', value: 'Nort', hint: 'did you mean "North"?' },
      { row: 6, line: 7, column: 'Currency', severity: 'error', value: 'XYZ', hint: 'use a code from currency.csv' },
    ]);
  });

  it('checks references to another file, naming it', () => {
    const miss = issues.find((i: any) => i.code === 'key-reference' && i.column === 'Recipient');
    expect(miss).toMatchObject({ row: 4, line: 5, value: 'R9', otherFile: 'recipients.csv' });
    expect(miss.message).toBe('Recipient "R9" is not in recipients.csv (id)');
  });

  it('compares fields of one record as row rules, at the severity the standard sets', () => {
    expect(issues.filter((i: any) => i.code === 'row-rule').map((i: any) => [i.row, i.column, i.severity, i.message])).toEqual([
      [2, 'End', 'warning', 'End must be on or after Start (2024-02-01), but is "2024-01-15"'],
      [2, 'Paid', 'warning', 'Paid must be at most Awarded (500), but is 600'],
    ]);
  });

  it('applies table rules: a constant column and the span of dates', () => {
    const table = issues.filter((i: any) => i.code === 'table-rule');
    expect(table.map((i: any) => [i.row, i.line, i.column])).toEqual([
      [5, 6, 'Start'],
      [6, 7, 'Org'],
    ]);
    expect(table[1].message).toBe('Org must be the same in every row: row 1 has "Anytown Council" but row 6 has "Othertown Council"');
    expect(table[0].message).toContain('runs from 2024-01-10 (row 1) to 2025-03-01 (row 5), 416 days');
  });

  it('reports an empty required key once, as a missing value', () => {
    expect(pick(issues, 'value-missing')).toEqual([{ row: 4, line: 5, column: 'Ref', severity: 'error' }]);
  });

  it('says a referenced file is missing only when some row refers to it', async () => {
    const header = 'Ref,Org,Recipient,Currency,Start,End,Awarded,Paid\n';
    const dir = scratch({
      'none.csv': `${header}A,X,,GBP,2024-01-01,2024-01-02,1,1\n`,
      'some.csv': `${header}A,X,R1,GBP,2024-01-01,2024-01-02,1,1\n`,
    });
    const none = await report([`${dir}/none.csv`, '-s', standard]);
    expect(none.report.files[0].issues.filter((i: any) => i.code === 'key-reference')).toEqual([]);
    const some = await report([`${dir}/some.csv`, '-s', standard]);
    expect(some.report.files[0].issues.filter((i: any) => i.code === 'key-reference').map((i: any) => i.message)).toEqual([
      'References to recipients.csv cannot be checked: there is no recipients.csv in the same folder as this file',
    ]);
  });

  it('counts records against x-rows', async () => {
    const dir = scratch({ 'few.csv': 'Ref,Org,Currency,Start,End,Awarded,Paid\n' });
    const { report: r2 } = await report([`${dir}/few.csv`, '-s', standard]);
    expect(r2.files[0].issues.find((i: any) => i.code === 'table-rule').message).toBe('The file must have between 1 and 8 records, but has 0');
  });

  it('lets the caller (a config) override severities per issue code', async () => {
    const relaxed = await validate([`${FIXTURES}/rules/grants.csv`], { standard, severity: { 'key-duplicate': 'info', 'table-rule': 'warning' } });
    const file = relaxed.files[0]!;
    expect(file.issues.filter((i) => i.code === 'key-duplicate').every((i) => i.severity === 'info')).toBe(true);
    expect(file.issues.filter((i) => i.code === 'table-rule').every((i) => i.severity === 'warning')).toBe(true);
  });

  it('applies keys to JSON records too', async () => {
    const dir = scratch({
      'grants.json': JSON.stringify(
        [
          { Ref: 'A', Org: 'X', Currency: 'GBP', Start: '2024-01-01', End: '2024-01-02', Awarded: 1, Paid: 1 },
          { Ref: 'A', Org: 'X', Currency: 'GBP', Start: '2024-01-01', End: '2024-01-02', Awarded: 1, Paid: 1 },
        ],
        null,
        1,
      ),
    });
    const { report: r3 } = await report([`${dir}/grants.json`, '-s', standard]);
    expect(pick(r3.files[0].issues, 'key-duplicate')).toEqual([{ row: 2, line: 11, column: 'Ref', severity: 'error', value: 'A', firstRow: 1, firstLine: 2, hint: undefined }]);
  });
});

describe('the key set', () => {
  it('finds every repeated key and no false duplicate among a million keys', () => {
    const set = new KeySet();
    let duplicates = 0;
    for (let i = 1; i <= 1_000_000; i++) {
      const key = `INV${(i * 7919) % 999_983}|${i % 13}`;
      if (set.add(key, i, i + 1)) duplicates++;
    }
    // The same keys counted exactly with a Set.
    const expected = new Set<string>();
    let count = 0;
    for (let i = 1; i <= 1_000_000; i++) {
      const key = `INV${(i * 7919) % 999_983}|${i % 13}`;
      if (expected.has(key)) count++;
      else expected.add(key);
    }
    expect(duplicates).toBe(count);
    expect(set.collisions).toBe(0);
  });

  it('finds duplicates across the runs it writes to disk when its budget is full', () => {
    const set = new KeySet(1000);
    const now: number[] = [];
    for (let i = 1; i <= 10_000; i++) {
      // Every key appears twice: row i and row i + 5000 (rows 5001–10000 repeat rows 1–5000).
      if (set.add(`key-${((i - 1) % 5000) + 1}`, i, i + 1)) now.push(i);
    }
    const late: LateDuplicate[] = [];
    set.finish((d) => late.push(d));
    const all = [...now, ...late.map((d) => d.row)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 5000 }, (_, k) => 5001 + k));
    expect(late.every((d) => d.first.row === d.row - 5000 && d.first.line === d.row - 4999)).toBe(true);
    expect(set.held).toBe(0);
  });

  it('finds every duplicate with its first row, however the repeats fall across many runs', () => {
    let seed = 20261126;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 8) % 4000;
    const set = new KeySet(300);
    const found = new Map<number, number>();
    const firstRow = new Map<string, number>();
    const expected = new Map<number, number>();
    for (let row = 1; row <= 20_000; row++) {
      const key = `k${next()}`;
      const first = set.add(key, row, row + 1);
      if (first) found.set(row, first.row);
      if (firstRow.has(key)) expected.set(row, firstRow.get(key)!);
      else firstRow.set(key, row);
    }
    set.finish((d) => found.set(d.row, d.first.row));
    expect(expected.size).toBeGreaterThan(15_000);
    expect(new Map([...found].sort((a, b) => a[0] - b[0]))).toEqual(expected);
  });

  it('keeps every key when thousands share the last slot of the table (probing runs off its end)', () => {
    // Keys whose high bits are all at the top end of the range: every one's home is the last slot.
    const set = new KeySet(5000);
    const found = new Map<number, number>();
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 3000; k++) {
        const row = round * 3000 + k + 1;
        const first = set.addHashed(-1 - (k % 7), k, k * 31, row, row + 1);
        if (first) found.set(row, first.row);
      }
    }
    set.finish((d) => found.set(d.row, d.first.row));
    expect(found).toEqual(new Map(Array.from({ length: 3000 }, (_, k) => [3001 + k, k + 1])));
  });

  it('keeps pace when one key on disk comes back tens of thousands of times', () => {
    // More distinct keys than the table holds, so the first are written to disk; then one of them, over
    // and over: each is a duplicate of row 8, found by merging the runs. (Each used to walk past every
    // copy kept before it: seconds for this, minutes for more.)
    const started = performance.now();
    const set = new KeySet();
    let row = 0;
    let foundNow = 0;
    for (let i = 0; i < 140_000; i++) if (set.add(`k${i}`, ++row, row + 1)) foundNow++;
    for (let i = 0; i < 100_000; i++) if (set.add('k7', ++row, row + 1)) foundNow++;
    const late: LateDuplicate[] = [];
    set.finish((d) => late.push(d));
    expect(foundNow).toBe(0);
    expect(late).toHaveLength(100_000);
    expect(late.every((d) => d.first.row === 8 && d.first.line === 9)).toBe(true);
    // Well under a second here; walking past every copy took twenty.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('names the first row of a key repeated in a hundred runs', () => {
    const set = new KeySet(10);
    const now: number[] = [];
    for (let i = 1; i <= 2000; i++) {
      // "same" on every 20th row: once in each of the 100 runs written.
      if (set.add(i % 20 === 1 ? 'same' : `key-${i}`, i, i + 1)) now.push(i);
    }
    const late: LateDuplicate[] = [];
    set.finish((d) => late.push(d));
    const rows = [...now, ...late.map((d) => d.row)].sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: 99 }, (_, k) => 21 + 20 * k));
    expect(late.length).toBeGreaterThan(90);
    expect(late.every((d) => d.first.row === 1 && d.first.line === 2)).toBe(true);
  });

  it('says where a key was first seen', () => {
    const set = new KeySet(4000);
    for (let i = 1; i <= 100; i++) expect(set.add(`k${i}`, i, i * 2)).toBeUndefined();
    expect(set.add('k42', 500, 900)).toEqual({ row: 42, line: 84 });
  });
});
