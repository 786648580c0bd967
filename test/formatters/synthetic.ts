// Reports made in code, for sizes no fixture should hold: thousands of issues, many files.
import type { FileReport, Issue, Report } from '../../src/types.js';

/** A file where every row has the same date problem, as in a real export that lost its dates. */
export function lostDates(path: string, rows: number, listed = rows): FileReport {
  const issues: Issue[] = [];
  for (let row = 1; row <= listed; row++) {
    issues.push({
      code: 'value-format',
      severity: 'error',
      message: 'Paid Date must be a date written as YYYY-MM-DD, but is "00:00:00"',
      row,
      line: row + 1,
      column: 'Paid Date',
      columnIndex: 5,
      field: 'PaymentDate',
      value: '00:00:00',
    });
  }
  return {
    path,
    standard: { id: 'spend-over-500', version: '1.0', title: 'Spend over £500' },
    passed: false,
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    rows,
    validRows: 0,
    invalidRows: rows,
    counts: { error: rows, warning: 0, info: 0 },
    byCode: { 'value-format': rows },
    issues,
    truncated: rows - listed,
  };
}

export function reportOf(files: FileReport[]): Report {
  const failed = files.filter((f) => !f.passed).length;
  return {
    reportVersion: 1,
    tool: { name: 'conform', version: '0.1.0' },
    passed: failed === 0,
    failOn: 'error',
    summary: {
      files: files.length,
      passedFiles: files.length - failed,
      failedFiles: failed,
      rows: files.reduce((n, f) => n + f.rows, 0),
      errors: files.reduce((n, f) => n + f.counts.error, 0),
      warnings: files.reduce((n, f) => n + f.counts.warning, 0),
      infos: files.reduce((n, f) => n + f.counts.info, 0),
    },
    files,
  };
}
