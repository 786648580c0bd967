// The overview of a run as text tables: numbers lined up on the right, text on the left, the last column
// as it is, and text from the data shown, never obeyed.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { overviewLines } from '../../src/formatters/overview-text.js';
import type { Overview, OverviewCounts } from '../../src/types.js';

const counts = (fields: Partial<OverviewCounts>): OverviewCounts => ({
  files: 1,
  passedFiles: 0,
  failedFiles: 1,
  rows: 1200,
  validRows: 600,
  conformance: 50,
  errors: 600,
  warnings: 3,
  infos: 0,
  ...fields,
});
const EMPTY = { passedFiles: 1, failedFiles: 0, rows: 0, validRows: 0, conformance: null, errors: 0, warnings: 0 };

const OVERVIEW: Overview = {
  files: [
    { path: 'bad.csv', standard: 'spend@1.0', publisher: 'York', passed: false, rows: 1200, validRows: 600, conformance: 50, errors: 600, warnings: 3, infos: 0 },
    { path: 'good.csv', standard: null, publisher: null, passed: true, rows: 0, validRows: 0, conformance: null, errors: 0, warnings: 0, infos: 0 },
  ],
  byStandard: [
    { standard: 'spend@1.0', ...counts({}) },
    { standard: null, ...counts(EMPTY) },
  ],
  byPublisher: [
    { publisher: 'York', ...counts({}) },
    { publisher: null, ...counts(EMPTY) },
  ],
};

const plain = new Chalk({ level: 0 });

describe('overviewLines', () => {
  it('writes files, standards and publishers as tables', () => {
    expect(overviewLines(OVERVIEW, plain)).toEqual([
      'Files, worst first',
      '     valid rows   rows  errors  warnings  standard   publisher  file',
      '  ✖       50.0%  1,200     600         3  spend@1.0  York       bad.csv',
      '  ✔           —      0       0         0  —          —          good.csv',
      '',
      'By standard',
      '  valid rows  files  failed   rows  errors  warnings  standard',
      '       50.0%      1       1  1,200     600         3  spend@1.0',
      '           —      1       0      0       0         0  no standard',
      '',
      'By publisher',
      '  valid rows  files  failed   rows  errors  warnings  publisher',
      '       50.0%      1       1  1,200     600         3  York',
      '           —      1       0      0       0         0  not stated in the data',
    ]);
  });

  it('leaves out publishers when the data names none', () => {
    const lines = overviewLines({ ...OVERVIEW, byPublisher: [{ publisher: null, ...counts({}) }] }, plain);
    expect(lines).not.toContain('By publisher');
    expect(lines.at(-1)).toBe('           —      1       0      0       0         0  no standard');
  });

  it('shows control characters in a path as escapes, and measures the escape', () => {
    const lines = overviewLines({ ...OVERVIEW, files: [{ ...OVERVIEW.files[0]!, path: 'a\u001b[2Jb.csv', publisher: 'Y\u202eork' }] }, plain);
    expect(lines[2]).toBe('  ✖       50.0%  1,200     600         3  spend@1.0  Y\\u202eork  a\\x1b[2Jb.csv');
  });
});
