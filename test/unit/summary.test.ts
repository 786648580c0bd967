// The overview of a run: a line per file and the files grouped by standard and publisher, worst first.
import { describe, expect, it } from 'vitest';
import { buildOverview, conformance } from '../../src/report/summary.js';
import type { FileReport, SeverityCounts } from '../../src/types.js';

describe('conformance', () => {
  it.each([
    [0, 0, null],
    [0, 5, 0],
    [1, 3, 33.3],
    [2, 3, 66.6],
    [3, 3, 100],
    [999, 1000, 99.9],
    // Rounded down, so 100 means every row.
    [9999, 10000, 99.9],
    [1, 1000, 0.1],
    [1, 10001, 0],
  ])('%d valid of %d rows is %s%', (valid, rows, percent) => {
    expect(conformance(valid, rows)).toBe(percent);
  });
});

function file(path: string, opts: { standard?: string | null; publisher?: string; rows?: number; valid?: number; counts?: Partial<SeverityCounts> }): FileReport {
  const counts = { error: 0, warning: 0, info: 0, ...opts.counts };
  const rows = opts.rows ?? 10;
  const valid = opts.valid ?? rows;
  const standard = opts.standard === undefined ? 'spend' : opts.standard;
  return {
    path,
    standard: standard === null ? null : { id: standard, version: '1.0', title: standard },
    passed: counts.error === 0,
    format: 'csv',
    encoding: 'utf-8',
    rows,
    validRows: valid,
    invalidRows: rows - valid,
    counts,
    byCode: {},
    issues: [],
    truncated: 0,
    ...(opts.publisher !== undefined ? { publisher: opts.publisher } : {}),
  };
}

describe('buildOverview', () => {
  const files = [
    file('b.csv', { publisher: 'Leeds', rows: 10, valid: 10, counts: { warning: 2 } }),
    file('a.csv', { publisher: 'Leeds', rows: 10, valid: 10, counts: { warning: 2 } }),
    file('half.csv', { publisher: 'York', rows: 10, valid: 5, counts: { error: 5 } }),
    file('empty.csv', { standard: null, rows: 0, valid: 0, counts: { error: 1 } }),
    file('clean.csv', { publisher: 'York', rows: 4, valid: 4 }),
    file('errors.csv', { standard: 'tree', rows: 10, valid: 5, counts: { error: 9 } }),
  ];
  const overview = buildOverview(files);

  it('ranks files: no rows first, then lowest conformance, most errors, most warnings, then by path', () => {
    expect(overview.files.map((f) => f.path)).toEqual(['empty.csv', 'errors.csv', 'half.csv', 'a.csv', 'b.csv', 'clean.csv']);
  });

  it('writes each file line from its report', () => {
    expect(overview.files[0]).toEqual({
      path: 'empty.csv',
      standard: null,
      publisher: null,
      passed: false,
      rows: 0,
      validRows: 0,
      conformance: null,
      errors: 1,
      warnings: 0,
      infos: 0,
    });
    expect(overview.files.find((f) => f.path === 'half.csv')).toMatchObject({ standard: 'spend@1.0', publisher: 'York', conformance: 50, errors: 5 });
  });

  it('adds up files by standard, the unknown standard last among equals', () => {
    expect(overview.byStandard).toEqual([
      { standard: null, files: 1, passedFiles: 0, failedFiles: 1, rows: 0, validRows: 0, conformance: null, errors: 1, warnings: 0, infos: 0 },
      { standard: 'tree@1.0', files: 1, passedFiles: 0, failedFiles: 1, rows: 10, validRows: 5, conformance: 50, errors: 9, warnings: 0, infos: 0 },
      { standard: 'spend@1.0', files: 4, passedFiles: 3, failedFiles: 1, rows: 34, validRows: 29, conformance: 85.2, errors: 5, warnings: 4, infos: 0 },
    ]);
  });

  it('adds up files by publisher, the unnamed publisher placed by its rank', () => {
    expect(overview.byPublisher.map((p) => [p.publisher, p.files, p.conformance, p.errors])).toEqual([
      [null, 2, 50, 10],
      ['York', 2, 64.2, 5],
      ['Leeds', 2, 100, 0],
    ]);
  });

  it('ties in every count go by name, named before unnamed', () => {
    const tied = buildOverview([file('x.csv', { standard: null }), file('y.csv', { standard: 'b' }), file('z.csv', { standard: 'a' })]);
    expect(tied.byStandard.map((s) => s.standard)).toEqual(['a@1.0', 'b@1.0', null]);
  });

  it('is empty for no files', () => {
    expect(buildOverview([])).toEqual({ files: [], byStandard: [], byPublisher: [] });
  });
});
