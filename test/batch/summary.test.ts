import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { conformance } from '../../src/report/summary.js';
import { validate } from '../../src/validate.js';
import { cli, report } from '../helpers.js';
import { SPEND_HEADER, spendCsv, TEST_STANDARDS, tree } from './make-data.js';

function councilFiles() {
  const a = spendCsv(17, { rows: 10, badShare: 0.3, publisher: 'Testshire Council' });
  return {
    a,
    dir: tree({
      'a-spend.csv': a.text,
      'b-spend.csv': spendCsv(11, { rows: 5, publisher: 'Testshire Council' }).text,
      'c-county.csv': spendCsv(12, { rows: 4, publisher: ['North District', 'South District'] }).text,
      'd-plots.csv': 'OrganisationLabel,AllotmentSiteName,PlotCount,WaitingListLength\n Testshire  Council ,Hill Road,40,12\n,Mill Lane,8,0\n',
      'e-unknown.csv': 'Colour,Shape\nred,round\n',
    }),
  };
}

describe('the overview of a run across files', () => {
  it('gives one line per file, worst first, with its conformance, standard and publisher', async () => {
    const { a, dir } = councilFiles();
    const { report: r } = await report(['.', '--standards-dir', TEST_STANDARDS, '--jobs', '1'], { cwd: dir });
    const bad = a.badRows;
    expect(bad).toBe(4);
    expect(r.overview.files).toEqual([
      { path: 'e-unknown.csv', standard: null, publisher: null, passed: false, rows: 0, validRows: 0, conformance: null, errors: 1, warnings: 0, infos: 0 },
      {
        path: 'a-spend.csv',
        standard: 'spend-over-500@1.0',
        publisher: 'Testshire Council',
        passed: false,
        rows: 10,
        validRows: 6,
        conformance: 60,
        errors: 4,
        warnings: 0,
        infos: 0,
      },
      // A warning (the spaces around the council's name) ranks a file below others as valid.
      {
        path: 'd-plots.csv',
        standard: 'test-allotment-sites@1.0',
        publisher: 'Testshire Council',
        passed: true,
        rows: 2,
        validRows: 2,
        conformance: 100,
        errors: 0,
        warnings: 1,
        infos: 0,
      },
      {
        path: 'b-spend.csv',
        standard: 'spend-over-500@1.0',
        publisher: 'Testshire Council',
        passed: true,
        rows: 5,
        validRows: 5,
        conformance: 100,
        errors: 0,
        warnings: 0,
        infos: 0,
      },
      { path: 'c-county.csv', standard: 'spend-over-500@1.0', publisher: null, passed: true, rows: 4, validRows: 4, conformance: 100, errors: 0, warnings: 0, infos: 0 },
    ]);
  });

  it('groups the files by standard and by publisher, conformance weighted by rows', async () => {
    const { dir } = councilFiles();
    const { report: r } = await report(['.', '--standards-dir', TEST_STANDARDS, '--jobs', '2'], { cwd: dir });
    expect(r.overview.byStandard).toEqual([
      { standard: null, files: 1, passedFiles: 0, failedFiles: 1, rows: 0, validRows: 0, conformance: null, errors: 1, warnings: 0, infos: 0 },
      { standard: 'spend-over-500@1.0', files: 3, passedFiles: 2, failedFiles: 1, rows: 19, validRows: 15, conformance: 78.9, errors: 4, warnings: 0, infos: 0 },
      { standard: 'test-allotment-sites@1.0', files: 1, passedFiles: 1, failedFiles: 0, rows: 2, validRows: 2, conformance: 100, errors: 0, warnings: 1, infos: 0 },
    ]);
    expect(r.overview.byPublisher).toEqual([
      { publisher: 'Testshire Council', files: 3, passedFiles: 2, failedFiles: 1, rows: 17, validRows: 13, conformance: 76.4, errors: 4, warnings: 1, infos: 0 },
      { publisher: null, files: 2, passedFiles: 1, failedFiles: 1, rows: 4, validRows: 4, conformance: 100, errors: 1, warnings: 0, infos: 0 },
    ]);
    expect(r.files.map((f: any) => f.publisher ?? null)).toEqual(['Testshire Council', 'Testshire Council', null, 'Testshire Council', null]);
  });

  it('renders the tables in the terminal report', async () => {
    const { dir } = councilFiles();
    const { stdout } = await cli(['validate', '.', '--standards-dir', TEST_STANDARDS, '--no-color'], { cwd: dir });
    const tables = stdout.slice(stdout.indexOf('Files, worst first'));
    expect(tables).toBe(
      [
        'Files, worst first',
        '     valid rows  rows  errors  warnings  standard                  publisher          file',
        '  ✖           —     0       1         0  —                         —                  e-unknown.csv',
        '  ✖       60.0%    10       4         0  spend-over-500@1.0        Testshire Council  a-spend.csv',
        '  ✔      100.0%     2       0         1  test-allotment-sites@1.0  Testshire Council  d-plots.csv',
        '  ✔      100.0%     5       0         0  spend-over-500@1.0        Testshire Council  b-spend.csv',
        '  ✔      100.0%     4       0         0  spend-over-500@1.0        —                  c-county.csv',
        '',
        'By standard',
        '  valid rows  files  failed  rows  errors  warnings  standard',
        '           —      1       1     0       1         0  no standard',
        '       78.9%      3       1    19       4         0  spend-over-500@1.0',
        '      100.0%      1       0     2       0         1  test-allotment-sites@1.0',
        '',
        'By publisher',
        '  valid rows  files  failed  rows  errors  warnings  publisher',
        '       76.4%      3       1    17       4         1  Testshire Council',
        '      100.0%      2       1     4       1         0  not stated in the data',
        '',
        '✖ 2 of 5 files failed (5 errors, 1 warning in 21 rows; failing on error)',
        '',
      ].join('\n'),
    );
  });

  it('leaves the overview out of the terminal report of one file', async () => {
    const dir = tree({ 'spend.csv': spendCsv(13, { rows: 3 }).text });
    const { stdout } = await cli(['validate', 'spend.csv', '--no-color'], { cwd: dir });
    expect(stdout).not.toContain('worst first');
  });

  it('rounds conformance down, so 100% means every row is valid', () => {
    expect(conformance(999, 1000)).toBe(99.9);
    expect(conformance(9999, 10000)).toBe(99.9);
    expect(conformance(2, 3)).toBe(66.6);
    expect(conformance(0, 5)).toBe(0);
    expect(conformance(0, 0)).toBeNull();
  });
});

describe('who published a file', () => {
  const publisherOf = async (text: string, extra: string[] = []) => {
    const dir = tree({ 'data.csv': text });
    const { report: r } = await report(['data.csv', ...extra], { cwd: dir });
    return r.files[0].publisher ?? null;
  };

  it('is the one value of the organisation column, trimmed, ignoring empty cells', async () => {
    expect(await publisherOf(`${SPEND_HEADER}\nTrafford ,u,A,B,2024-01-01,1,600,0,P\n,u,A,B,2024-01-01,2,600,0,P\nTrafford,u,A,B,2024-01-01,3,600,0,P\n`)).toBe('Trafford');
  });

  it('is not stated when the column holds several values, or none', async () => {
    expect(await publisherOf(`${SPEND_HEADER}\nTrafford,u,A,B,2024-01-01,1,600,0,P\nSale,u,A,B,2024-01-01,2,600,0,P\n`)).toBeNull();
    expect(await publisherOf(`${SPEND_HEADER}\n,u,A,B,2024-01-01,1,600,0,P\n`)).toBeNull();
  });

  it('is not stated for a big file checked in parts on other threads, where not every row passes this thread', async () => {
    const dir = tree({ 'spend.csv': spendCsv(3, { rows: 3000, publisher: 'Testshire Council' }).text });
    const whole = await validate([join(dir, 'spend.csv')], { standard: 'spend-over-500' });
    expect(whole.files[0]!.publisher).toBe('Testshire Council');
    const inParts = await validate([join(dir, 'spend.csv')], { standard: 'spend-over-500', threads: 2, partsFrom: 1, partSize: 20000 });
    expect(inParts.files[0]!.rows).toBe(3000);
    expect(inParts.files[0]!.publisher).toBeUndefined();
  });

  it("is found under the column's local name, and from the organisation's URI when there is no name", async () => {
    expect(await publisherOf('Body Name,Service Area,Supplier Name,Paid Date,Amount,Purpose\nOxford City Council,A,B,2024-01-01,600,P\n')).toBe('Oxford City Council');
    expect(
      await publisherOf('OrganisationURI,OrganisationalUnit,BeneficiaryName,PaymentDate,Amount,IrrecoverableVATAmount,Purpose\nhttps://example.org/id/x,A,B,2024-01-01,600,0,P\n'),
    ).toBe('https://example.org/id/x');
  });
});
