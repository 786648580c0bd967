// `conform fix`: the repaired copy, the log of every change, the report on the copy, and the care it
// takes with the files around it (never the input without --in-place, never through a link, never half).
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spendCsv } from '../batch/make-data.js';
import { cli, CORPUS, FIXTURES, hasCorpus, scratch } from '../helpers.js';

const QUIRKS = join(FIXTURES, 'quirks');
const STANDARD = join(QUIRKS, 'payments.schema.json');

async function fix(file: string, extra: string[] = []) {
  const dir = scratch();
  const out = join(dir, 'fixed.csv');
  const result = await cli(['fix', file, '-s', STANDARD, '-o', out, '-f', 'json', ...extra]);
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  return { ...result, dir, out, output: read(out), log: read(`${out}.log.csv`), report: result.code === 2 ? undefined : JSON.parse(result.stdout) };
}

const lines = (text: string | undefined) => (text ?? '').trimEnd().split('\r\n');

describe('conform fix', () => {
  it('writes a big file without piling up listeners on the output (no warning on standard error)', async () => {
    const dir = scratch({ 'big.csv': spendCsv(7, { rows: 30_000, badShare: 0.01 }).text });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { code } = await cli(['fix', join(dir, 'big.csv'), '-s', 'spend-over-500', '-o', join(dir, 'fixed.csv')]);
      expect(code).not.toBe(2);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).toEqual([]);
    expect(existsSync(join(dir, 'fixed.csv'))).toBe(true);
  });

  it('removes title and template rows as logged layout repairs, renames columns, and reports what is left', async () => {
    const r = await fix(join(QUIRKS, '07-title-rows/payments.csv'));
    expect(lines(r.output)).toEqual(['SupplierName,PaymentDate,Amount', 'ACME Ltd,2024-03-31,1', 'Smith & Sons,2024-04-01,two']);
    expect(lines(r.log)).toEqual([
      'row,line,column,before,after,repair',
      ',1,,"Spend over £500 - September 2014,,",,remove-title-row',
      ',2,,"Published by the Finance team,,",,remove-title-row',
      ',3,,",,",,remove-blank-line',
      ',4,Supplier Name,Supplier Name,SupplierName,rename-column',
      ',4,Paid Date,Paid Date,PaymentDate,rename-column',
      '1,5,,"Mandatory,Mandatory,Optional",,remove-template-row',
      '2,6,,"text,yyyy-mm-dd,number",,remove-template-row',
    ]);
    // "two" is no number a repair can know: it is left for a person, and the exit code says so.
    expect(r.code).toBe(1);
    expect(r.report.files[0].issues).toMatchObject([{ code: 'value-type', row: 2, line: 3, column: 'Amount', value: 'two' }]);
    expect(r.stderr).toBe(
      `conform fix: wrote ${r.out} (2 rows) with 7 changes (2 remove-title-row, 2 rename-column, 2 remove-template-row, 1 remove-blank-line); each is listed in ${r.out}.log.csv\n`,
    );
  });

  it('writes UTF-8 from Windows-1252 and applies the cell repairs validate offers', async () => {
    const markdown = join(scratch(), 'fixed.md');
    const r = await fix(join(QUIRKS, '02-windows-1252/payments.csv'), ['--report', `markdown=${markdown}`]);
    expect(lines(r.output)).toEqual(['SupplierName,PaymentDate,Amount,Area', 'O’Brien Café,2024-03-31,120.50,Café’s quarter', 'Smith & Sons,2024-04-01,75,green-belt']);
    expect(lines(r.log)).toEqual(['row,line,column,before,after,repair', ',,,WINDOWS-1252,UTF-8,encoding', '2,3,Amount,£75,75,plain-number']);
    expect(r.report.files[0]).toMatchObject({ encoding: 'utf-8', byCode: { 'value-enum': 1 } });
    expect(readFileSync(markdown, 'utf8')).toContain('value-enum');
  });

  it('repairs amounts, whole numbers, dates, null tokens, spellings, lists, leading zeros and padding', async () => {
    const amounts = await fix(join(QUIRKS, '19-amounts/payments.csv'));
    expect(lines(amounts.output)).toEqual([
      'SupplierName,PaymentDate,Amount,Lines',
      'A,2024-03-31,1200.00,12',
      'B,2024-03-31,5303.57,3',
      'C,2024-03-31,-1234.50,2',
      'D,2024-03-31,-600.00,1',
      'E,2024-03-31,12.5.1,1',
    ]);
    expect(lines(amounts.log).slice(1)).toEqual([
      '1,2,Amount,"£1,200.00",1200.00,plain-number',
      '1,2,Lines,12.0,12,whole-number',
      '2,3,Amount,"5,303.57 ",5303.57,plain-number',
      '3,4,Amount,"(1,234.50)",-1234.50,plain-number',
      '4,5,Amount,600.00 CR,-600.00,plain-number',
    ]);

    const values = await fix(join(QUIRKS, '22-allowed-values/payments.csv'));
    expect(lines(values.output).slice(1)).toEqual([
      'A,2024-03-31,1,conservation-area,Yes,food;rent',
      'B,2024-03-31,1,green-belt,No,food; repairs',
      'C,2024-03-31,1,park,maybe,food|parks',
    ]);

    const nulls = await fix(join(QUIRKS, '21-null-tokens/payments.csv'));
    expect(lines(nulls.output).slice(1)).toEqual(['ACME Ltd,2024-03-31,1,,,', 'NULL,2024-03-31,2,,,ok']);
    expect(
      lines(nulls.log)
        .slice(1)
        .map((l) => l.split(',').pop()),
    ).toEqual(['null-token', 'null-token', 'null-token', 'null-token', 'null-token']);
    // The required supplier name written as NULL needs a person.
    expect(nulls.report.files[0].issues).toMatchObject([{ code: 'value-invalid', column: 'SupplierName', count: 1 }]);

    const zeros = await fix(join(QUIRKS, '23-leading-zeros/payments.csv'));
    expect(
      lines(zeros.output)
        .slice(1)
        .map((l) => l.split(',')[3]),
    ).toEqual(['09506232', 'SC123456', '123', '9.51E+06']);

    const spaces = await fix(join(QUIRKS, '20-spaces/payments.csv'));
    expect(lines(spaces.output).slice(1)).toEqual(['ACME Ltd,2024-03-31,12,x', 'Smith & Sons,2024-03-31,13,', 'Jones,2024-03-31,14,y']);
    expect(spaces.code).toBe(0);

    const mojibake = await fix(join(QUIRKS, '05-mojibake/payments.csv'));
    expect(lines(mojibake.log).slice(1)).toEqual(['3,4,SupplierName,CafÃ© Rouge,Café Rouge,undo-mojibake']);
  });

  it('settles the order of day and month from the whole column before writing (two passes)', async () => {
    const settled = await fix(join(QUIRKS, '17-dates/settled-later.csv'));
    expect(lines(settled.output).slice(1)).toEqual(['A,2024-04-03,1', 'B,2024-04-05,1', 'C,2024-04-24,1']);
    expect(settled.code).toBe(0);
    // Nothing in this file settles it: the dates are left alone, and the report says both readings.
    const ambiguous = await fix(join(QUIRKS, '17-dates/ambiguous.csv'));
    expect(lines(ambiguous.output).slice(1)).toEqual(['A,03/04/2024,1', 'B,05/04/2024,1']);
    expect(lines(ambiguous.log)).toEqual(['row,line,column,before,after,repair']);
    expect(ambiguous.report.files[0].issues[0].hint).toMatch(/^"03\/04\/2024" could be 3 April 2024 \(2024-04-03\) or 4 March 2024 \(2024-03-04\)/);
  });

  it('removes blank rows and empty unnamed columns, keeps an unnamed column with values, and keeps every data row', async () => {
    const blank = await fix(join(QUIRKS, '08-blank-rows/payments.csv'));
    expect(lines(blank.output)).toEqual(['SupplierName,PaymentDate,Amount', 'ACME Ltd,2024-03-31,1', 'Smith & Sons,2024-04-01,2']);
    expect(lines(blank.log).slice(1)).toEqual([
      '2,3,,",,",,remove-blank-row',
      '4,5,,"  , ,",,remove-blank-row',
      '5,6,,",,",,remove-blank-row',
      '6,7,,",,",,remove-blank-row',
      '7,8,,",,",,remove-blank-row',
    ]);
    const unnamed = await fix(join(QUIRKS, '09-unnamed-columns/payments.csv'));
    expect(lines(unnamed.output)).toEqual(['SupplierName,PaymentDate,Amount,', 'ACME Ltd,2024-03-31,1,', 'Smith & Sons,2024-04-01,2,x']);
    expect(lines(unnamed.log).slice(1)).toEqual([',1,column 4,,,remove-empty-column', ',1,column 6,,,remove-empty-column']);
    const ragged = await fix(join(QUIRKS, '10-ragged/payments.csv'));
    expect(lines(ragged.output)).toEqual(['SupplierName,PaymentDate,Amount', 'ACME Ltd,2024-03-31,1,extra', 'Smith & Sons,2024-04-01', 'Jones,2024-04-02,3']);
  });

  it('reads semicolons and decimal commas, and writes commas', async () => {
    const r = await fix(join(QUIRKS, '11-delimiters/semicolons.csv'));
    expect(lines(r.output)).toEqual(['SupplierName,PaymentDate,Amount', 'ACME Ltd,2024-03-31,1234.56', '"Smith, Jones & Co",2024-04-01,99.5', 'Brown,2024-04-02,"1,234"']);
    expect(lines(r.log).slice(1)).toEqual([',,,;,",",delimiter', '1,2,Amount,"1.234,56",1234.56,plain-number', '2,3,Amount,"99,5",99.5,plain-number']);
  });

  it('maps a local column name with --column', async () => {
    const r = await fix(join(QUIRKS, '15-local-names/payments.csv'), ['--column', 'Body Name=Notes']);
    expect(lines(r.output)[0]).toBe('PaymentDate,Notes,SupplierName,Amount');
    expect(r.code).toBe(0);
    const wrong = await fix(join(QUIRKS, '15-local-names/payments.csv'), ['--column', 'Body Name=Note']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('conform: The column map sends "Body Name" to "Note", but the standard "quirk-payments" has no field "Note"; did you mean "Notes"?\n');
  });

  it('never overwrites the input unless asked, and then does it whole', async () => {
    const dir = scratch({ 'in.csv': readFileSync(join(QUIRKS, '19-amounts/payments.csv')) });
    const input = join(dir, 'in.csv');
    const refused = await cli(['fix', input, '-s', STANDARD, '-o', input]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('conform: The output is the input file; use --in-place to replace it, or another --output\n');
    expect((await cli(['fix', input, '-s', STANDARD])).stderr).toMatch(/^conform: Say where to write the repaired file/);
    const inPlace = await cli(['fix', input, '-s', STANDARD, '--in-place', '-q']);
    expect(inPlace.code).toBe(1);
    expect(readFileSync(input, 'utf8').split('\r\n')[1]).toBe('A,2024-03-31,1200.00,12');
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'in.csv.log.csv']);
  });

  it('does not write through a symbolic link, and leaves nothing half-written when it cannot write', async () => {
    const dir = scratch({ 'target.csv': 'precious\n' });
    symlinkSync(join(dir, 'target.csv'), join(dir, 'link.csv'));
    const linked = await cli(['fix', join(QUIRKS, '19-amounts/payments.csv'), '-s', STANDARD, '-o', join(dir, 'link.csv')]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/link\.csv: it is a symbolic link \(to .*target\.csv\); conform neither replaces a link nor writes through one/);
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).toBe('precious\n');

    const missing = await cli(['fix', join(QUIRKS, '19-amounts/payments.csv'), '-s', STANDARD, '-o', join(dir, 'no-such-folder', 'out.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^conform: Cannot write .*out\.csv: the folder does not exist\n$/);
    // No temporary file is left behind by either refusal.
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'target.csv']);
  });

  it('refuses what it cannot repair: not a CSV file, an unclosed quote, standard input', async () => {
    const workbook = await cli(['fix', join(QUIRKS, '06-not-csv/workbook.csv'), '-s', STANDARD, '-o', join(scratch(), 'x.csv')]);
    expect(workbook.code).toBe(2);
    expect(workbook.stderr).toMatch(/cannot be repaired: This is an Excel workbook \(\.xlsx\)/);
    const unclosed = await cli(['fix', join(QUIRKS, '10-ragged/unclosed-quote.csv'), '-s', STANDARD, '-o', join(scratch(), 'x.csv')]);
    expect(unclosed.stderr).toBe('conform: A quote opened on line 3 is never closed, so the rest of the file cannot be read as rows; close it before repairing the file\n');
    expect((await cli(['fix', '-', '-s', STANDARD, '-o', 'x.csv'])).stderr).toMatch(/needs a file, not standard input/);
  });
});

describe.skipIf(!hasCorpus)('conform fix on a real council file', () => {
  if (!hasCorpus) console.log('corpus not found beside the project: skipping conform fix on the Tameside spend file');

  it('Tameside spend, September 2014: passes every rule a repair can settle, and the log explains each change', async () => {
    const dir = scratch();
    const out = join(dir, 'tameside.csv');
    const result = await cli(['fix', join(CORPUS, 'lga-spend/data/gmdsp/tameside-spend-2014-09.csv'), '-s', 'spend-over-500', '-o', out, '-f', 'json', '--max-issues', '100000']);
    expect(result.code).toBe(1);
    const log = readFileSync(`${out}.log.csv`, 'utf8').trimEnd().split('\r\n');
    const byRepair: Record<string, number> = {};
    for (const line of log.slice(1)) byRepair[line.slice(line.lastIndexOf(',') + 1)] = (byRepair[line.slice(line.lastIndexOf(',') + 1)] ?? 0) + 1;
    expect(byRepair).toEqual({
      'rename-column': 6, // Inv Transaction, Supplier Name, Headserv Name, "Account Description ", Paid Date, Sum of Inv Amount
      'remove-empty-column': 24, // columns 9–32: unnamed and empty in every row
      'standard-date': 1244, // 24/09/14 → 2014-09-24; the two-digit year and day-first order are certain
      'plain-number': 1247, // "5,303.57 " → 5303.57
      'trim-spaces': 22, // 20 × "SCYP ", one supplier name, and the single-space transaction number of a summary row
      'remove-blank-row': 976, // the comma-only rows at the end
    });
    expect(log).toContain('1,2,Paid Date,24/09/14,2014-09-24,standard-date');
    expect(log).toContain('1,2,Sum of Inv Amount,"5,303.57 ",5303.57,plain-number');
    expect(log).toContain('1248,1249,,",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",,remove-blank-row');
    expect(log[log.length - 1]).toBe('2223,2224,,",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",,remove-blank-row');

    const f = JSON.parse(result.stdout).files[0];
    expect(f.rows).toBe(1247);
    // What no repair can settle: the column the file does not have, the merchant category the Code asks
    // for (a warning), the redacted supplier names, and the three summary rows at the end (no date, and
    // two with no purpose).
    expect(f.byCode).toEqual({ 'header-missing': 2, 'header-unknown': 2, 'value-missing': 127 });
    const headerMissing = f.issues.filter((i: any) => i.code === 'header-missing');
    expect(headerMissing.map((i: any) => [i.field, i.severity, i.message])).toEqual([
      ['MerchantCategory', 'warning', 'The column "MerchantCategory", which the standard asks for, is missing, and no column of the file is close to it'],
      ['IrrecoverableVATAmount', 'error', 'The required column "IrrecoverableVATAmount" is missing, and no column of the file is close to it'],
    ]);
    const missing = f.issues.filter((i: any) => i.code === 'value-missing');
    expect(missing.filter((i: any) => i.column === 'BeneficiaryName')).toHaveLength(122);
    expect(missing.filter((i: any) => i.column !== 'BeneficiaryName').map((i: any) => [i.row, i.column])).toEqual([
      [1245, 'PaymentDate'],
      [1246, 'Purpose'],
      [1246, 'PaymentDate'],
      [1247, 'Purpose'],
      [1247, 'PaymentDate'],
    ]);
    expect(f.issues.some((i: any) => i.fix !== undefined)).toBe(false);
  });
});
