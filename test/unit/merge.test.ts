// Putting the reports of a sharded run back together, and refusing reports that do not belong together
// or whose counts disagree with each other.
import { describe, expect, it } from 'vitest';
import { mergeReports, type NamedReport } from '../../src/report/merge.js';
import type { FailOn, FileReport, Issue, Report, SeverityCounts, ShardInfo } from '../../src/types.js';

/** A file report whose counts agree: every issue counted under value-format and none listed. */
function file(path: string, counts: Partial<SeverityCounts> = {}, rows = 10, invalidRows = 0): FileReport {
  const all = { error: 0, warning: 0, info: 0, ...counts };
  const total = all.error + all.warning + all.info;
  return {
    path,
    standard: { id: 'spend-over-500', version: '1.0', title: 'Spend over £500' },
    passed: all.error === 0,
    format: 'csv',
    encoding: 'utf-8',
    rows,
    validRows: rows - invalidRows,
    invalidRows,
    counts: all,
    byCode: total ? { 'value-format': total } : {},
    issues: [],
    truncated: total,
  };
}

function report(files: FileReport[], failOn: FailOn = 'error', shard?: ShardInfo): Report {
  return {
    reportVersion: 1,
    tool: { name: 'conform', version: '0.1.0' },
    passed: files.every((f) => f.passed),
    failOn,
    summary: { files: files.length, passedFiles: 0, failedFiles: 0, rows: 0, errors: 0, warnings: 0, infos: 0 },
    files,
    ...(shard ? { shard } : {}),
  };
}

function named(name: string, files: FileReport[], failOn: FailOn = 'error', shard?: ShardInfo): NamedReport {
  return { name, report: report(files, failOn, shard) };
}

function shard(index: number, count: number, totalFiles: number, positions: number[], runId = 'run-1'): ShardInfo {
  return { index, count, totalFiles, positions, runId };
}

const ISSUE: Issue = { code: 'value-format', severity: 'error', message: 'Amount must be a number', row: 1, line: 2 };

describe('mergeReports: reports that are not shards', () => {
  it('joins the files in the order given and adds up the summary', () => {
    const merged = mergeReports([named('a.json', [file('a.csv', { error: 2 }, 10, 2)]), named('b.json', [file('b.csv', { warning: 1 }, 5), file('c.csv', {}, 0)])]);
    expect(merged.files.map((f) => f.path)).toEqual(['a.csv', 'b.csv', 'c.csv']);
    expect(merged.summary).toEqual({ files: 3, passedFiles: 2, failedFiles: 1, rows: 15, errors: 2, warnings: 1, infos: 0 });
    expect(merged.passed).toBe(false);
    expect(merged.failOn).toBe('error');
  });

  it('builds the overview again, worst file first', () => {
    const merged = mergeReports([named('a.json', [file('good.csv', {}, 4)]), named('b.json', [file('bad.csv', { error: 3 }, 4, 3)])]);
    expect(merged.overview!.files.map((f) => [f.path, f.conformance])).toEqual([
      ['bad.csv', 25],
      ['good.csv', 100],
    ]);
  });

  it.each([
    // A file marked passing with an error fails again; one marked failing with none passes.
    ['error', { error: 1 }, true, false],
    ['error', {}, false, true],
    ['error', { warning: 2 }, false, true],
    ['warning', { warning: 2 }, true, false],
    ['info', { info: 1 }, true, false],
    ['never', { error: 5 }, false, true],
  ] as const)('with --fail-on %s, counts %j marked passed=%s pass: %s', (failOn, counts, marked, passes) => {
    const f = { ...file('a.csv', counts, 10, 0), passed: marked };
    expect(mergeReports([named('a.json', [f], failOn)]).files[0]!.passed).toBe(passes);
  });

  it('refuses no reports', () => {
    expect(() => mergeReports([])).toThrow('No reports to merge: name the JSON reports of each shard');
  });

  it('refuses reports made with different --fail-on', () => {
    expect(() => mergeReports([named('a.json', [], 'error'), named('b.json', [], 'warning')])).toThrow(
      'b.json was made with --fail-on warning, but a.json with --fail-on error: merge reports of the same run',
    );
  });
});

describe('mergeReports: a damaged file report', () => {
  const damaged = (f: FileReport) => () => mergeReports([named('a.json', [f])]);
  const prefix = 'a.json is damaged: for "a.csv", ';

  it.each([
    ['more issues listed than counted', { ...file('a.csv', { error: 1 }), issues: [ISSUE, ISSUE], truncated: -1 }, 'it lists 2 issues of severity error but counts 1'],
    ['listed and left out not the count', { ...file('a.csv', { error: 2 }), truncated: 1 }, 'it counts 2 issues but lists 0 and leaves out 1'],
    ['by code not the count', { ...file('a.csv', { error: 2 }), byCode: { 'value-format': 1 } }, 'its issues by code add up to 1, not 2'],
    ['valid and invalid rows not the rows', { ...file('a.csv', { error: 1 }, 10, 1), validRows: 8 }, '8 valid and 1 invalid rows do not make 10'],
    [
      'groups not the counts',
      { ...file('a.csv', { error: 2 }), groups: [{ label: 'Amount', code: 'value-format', severity: 'error', count: 1, fixable: 0, rows: [1], example: ISSUE }] },
      'its groups count 1 errors, 0 warnings and 0 notes, not 2, 0 and 0',
    ],
  ] as const)('%s', (_, f, what) => {
    expect(damaged(f as FileReport)).toThrow(`${prefix}${what}; merge the JSON reports conform wrote, unchanged`);
  });

  it('accepts groups that agree with the counts', () => {
    const f = {
      ...file('a.csv', { error: 2 }),
      groups: [{ label: 'Amount', code: 'value-format' as const, severity: 'error' as const, count: 2, fixable: 0, rows: [1, 2], example: ISSUE }],
    };
    expect(mergeReports([named('a.json', [f])]).summary.errors).toBe(2);
  });
});

describe('mergeReports: shards', () => {
  it('puts each file back at its place in the whole run, whatever order the shards are named in', () => {
    const merged = mergeReports([
      named('2.json', [file('b.csv'), file('d.csv')], 'error', shard(2, 2, 4, [1, 3])),
      named('1.json', [file('a.csv'), file('c.csv')], 'error', shard(1, 2, 4, [0, 2])),
    ]);
    expect(merged.files.map((f) => f.path)).toEqual(['a.csv', 'b.csv', 'c.csv', 'd.csv']);
    expect(merged.shard).toBeUndefined();
    expect(merged.summary.files).toBe(4);
  });

  it.each([
    [
      'a report that is not a shard among shards',
      [named('1.json', [file('a.csv')], 'error', shard(1, 2, 2, [0])), named('plain.json', [file('b.csv')])],
      'plain.json is not the report of a shard (--shard k/n), but 1.json is: merge the reports of one sharded run',
    ],
    [
      'shards of runs of different sizes',
      [named('1.json', [file('a.csv')], 'error', shard(1, 2, 2, [0])), named('2.json', [file('b.csv')], 'error', shard(2, 3, 2, [1]))],
      '2.json is shard 2/3 of a run of 2 files, but 1.json is shard 1/2 of 2: merge the reports of one run',
    ],
    [
      'shards of different runs',
      [named('1.json', [file('a.csv')], 'error', shard(1, 2, 2, [0], 'x')), named('2.json', [file('b.csv')], 'error', shard(2, 2, 2, [1], 'y'))],
      '2.json and 1.json come from different runs (their shard run ids differ): merge the reports of the shards of one run',
    ],
    [
      'the same shard twice',
      [named('1.json', [file('a.csv')], 'error', shard(1, 2, 2, [0])), named('copy.json', [file('b.csv')], 'error', shard(1, 2, 2, [1]))],
      "copy.json and 1.json are both shard 1/2: name each shard's report once",
    ],
    ['positions not one per file', [named('1.json', [file('a.csv')], 'error', shard(1, 1, 2, [0, 1]))], '1.json is damaged: it lists 1 files but 2 positions'],
    ['a position past the run', [named('1.json', [file('a.csv')], 'error', shard(1, 1, 1, [1]))], '1.json is damaged: file position 1 is out of range or taken by another shard'],
    [
      'a position that is not whole',
      [named('1.json', [file('a.csv')], 'error', shard(1, 1, 2, [0.5]))],
      '1.json is damaged: file position 0.5 is out of range or taken by another shard',
    ],
    [
      'a position taken by another shard',
      [named('1.json', [file('a.csv')], 'error', shard(1, 2, 2, [0])), named('2.json', [file('b.csv')], 'error', shard(2, 2, 2, [0]))],
      '2.json is damaged: file position 0 is out of range or taken by another shard',
    ],
    ['one shard missing', [named('1.json', [file('a.csv')], 'error', shard(1, 2, 2, [0]))], 'The report of shard 2/2 is missing: merge the reports of every shard'],
    ['two shards missing', [named('2.json', [file('a.csv')], 'error', shard(2, 3, 3, [1]))], 'The reports of shards 1/3, 3/3 are missing: merge the reports of every shard'],
  ])('refuses %s', (_, reports, message) => {
    expect(() => mergeReports(reports)).toThrow(message);
  });
});
