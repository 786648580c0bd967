import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import { loadReport } from './report-fixtures.js';
import { lostDates, reportOf } from './synthetic.js';

const SGR = /\u001b\[\d+(;\d+)*m/g;

describe('the terminal report', () => {
  it('folds the columns read under the standard names into one block', () => {
    const text = stylish(loadReport('failing-csv'), {});
    expect(text).toContain(
      [
        '  Header  warning header-mismatch × 9',
        "    Columns read under the standard's names:",
        '      Body Name → OrganisationLabel, Service Area → OrganisationalUnit,',
        '      Supplier Name → BeneficiaryName, Supplier ID → BeneficiaryOtherID,',
        '      Company Number → CompaniesHouseRegistrationNumber,',
        '      Paid Date → PaymentDate, Trans No → TransactionNumber,',
        '      Expenditure Category → Purpose, Card Transaction → CardTransaction',
        "    → rename these columns to the standard's names",
      ].join('\n'),
    );
    expect(text).not.toContain('was read as the standard');
    expect(text).toContain('  Header  warning header-unknown\n    A column that is not part of the standard:\n      Cost Centre\n');
  });

  it('writes the same finding on many rows as one run, with the total from the whole file', () => {
    const text = stylish(reportOf([lostDates('spend.csv', 3836, 1000)]), {});
    expect(text).toContain(
      [
        '  Paid Date (PaymentDate)  error value-format × 3,836',
        '    rows 1–1,000          Paid Date must be a date written as YYYY-MM-DD, but is',
        '                          "00:00:00"',
        '    … and 2,836 more not listed (--max-issues)',
      ].join('\n'),
    );
    expect(text).toContain('  Showing 1,000 of 3,836 issues (--max-issues); every count covers all 3,836.');
    expect(text).toContain('    1. 3,836 issues need a person, the largest kinds first:\n       3,836 × Paid Date (PaymentDate): error value-format');
    expect(text.split('\n').length).toBeLessThan(25);
  });

  it('says where the rest of a group is when some are listed and some dropped', () => {
    const file = lostDates('spend.csv', 50, 20);
    file.issues.forEach((issue, i) => {
      issue.value = `0${i}/07/14`;
      issue.message = `Paid Date must be a date written as YYYY-MM-DD, but is "${issue.value}"`;
    });
    const text = stylish(reportOf([file]), { examples: 3 });
    // The same advice for 20 different values is given once, with the count.
    expect(text).toContain('                          the same for 20 values listed, such as "01/07/14",');
    expect(text).toContain('    … and 30 more not listed (--max-issues)');
  });

  it('shows file facts, the rows with errors and the verdict', () => {
    const text = stylish(loadReport('failing-csv'), {});
    expect(text.split('\n').slice(0, 4)).toEqual([
      '✖ data/anytown-spend-2024-04.csv',
      '  spend-over-500 1.0 · 12 rows · CSV, Windows-1252, semicolon-separated',
      '  13 errors, 16 warnings · 8 of 12 rows have errors',
      '  Showing 26 of 29 issues (--max-issues); every count covers all 29.',
    ]);
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 1 of 1 file failed (13 errors, 16 warnings in 12 rows; failing on error)');
    expect(stylish(loadReport('clean-csv'), {})).toBe(
      '✔ data/spend-2024-04.csv\n  spend-over-500 1.0 · 10 rows · CSV, UTF-8\n  No issues found.\n\n✔ The file passed (0 errors, 0 warnings in 10 rows; failing on error)\n',
    );
  });

  it('wraps to the width it is given, and leads with what conform fix repairs', () => {
    const report = loadReport('failing-csv');
    for (const width of [60, 80, 120]) {
      const lines = stylish(report, { width }).split('\n');
      // Only the fix command, which is copied whole, and the one-line verdict may run past the width.
      expect(lines.filter((l) => l.length > width && !l.trim().startsWith('conform fix ') && !/^[✔✖] \d/.test(l))).toEqual([]);
    }
    const text = stylish(report, {});
    expect(text).toContain(
      '  What to do first\n    1. conform fix repairs 16 of the 29 issues:\n       conform fix data/anytown-spend-2024-04.csv --standard spend-over-500 -o data/anytown-spend-2024-04-fixed.csv\n    2. Then 13 issues need a person, the largest kinds first:',
    );
  });

  it('describes patterns in words, and shows them with --verbose', () => {
    const report = loadReport('failing-csv');
    expect(stylish(report, {})).not.toContain('must match the pattern');
    expect(stylish(report, {})).toContain('must be written like "09506232"');
    expect(stylish(report, { verbose: true, width: 200 })).toContain('must match the pattern');
  });

  it('counts notes in the verdict and files in a batch', () => {
    const last = stylish(loadReport('batch'), {}).trimEnd().split('\n').at(-1);
    expect(last).toBe('✖ 1 of 3 files failed (1 error, 2 warnings, 1 note in 13 rows; failing on error)');
  });

  it('uses colour only when asked', () => {
    const report = loadReport('failing-csv');
    expect(stylish(report, { color: false })).not.toContain('\u001b');
    const coloured = stylish(report, { color: true });
    expect(coloured).toMatch(SGR);
    expect(coloured.replace(SGR, '')).toBe(stylish(report, { color: false }));
  });

  it('shows control characters and escape sequences from the data as text, never sends them', () => {
    for (const color of [false, true]) {
      const text = stylish(loadReport('hostile-values'), { color }).replace(SGR, '');
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      const flat = text.replace(/\n +/g, ' ');
      expect(flat).toContain('Status must be one of "PAID", "DUE", but is "\\u001b[31mPAID\\u001b[0m"');
      expect(flat).toContain('\\x1b]8;;https://example.invalid\\x07link\\x1b]8;;\\x07');
    }
  });
});
