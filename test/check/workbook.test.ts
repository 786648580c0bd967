// Workbooks checked from the command line: the sheet chosen, typed cells read as typed, issues at
// Sheet!Cell, and the same verdicts as the workbook's CSV export.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { report, ROOT, scratch } from '../helpers.js';
import { ods, xlsx, type TestCell, type TestSheet } from '../workbook-writer.js';

const HEADER = ['OrganisationalUnit', 'BeneficiaryName', 'PaymentDate', 'Amount', 'IrrecoverableVATAmount', 'Purpose', 'VCSEGrant'];

const SPEND: TestCell[][] = [
  ['Adults', 'Acme Ltd', { date: '2024-03-31' }, 1250.5, 0, 'Care', false],
  ['Adults', 'Bravo Ltd', 'not a date', 'lots', 0, 'Care', true],
  ['Children', 'Charlie', 45292, { formula: 'SUM(A1)', error: '#REF!' }, 0, 'Transport', 'no'],
  ['Children', 'Delta', '31/12/2024', { formula: 'B2*2' }, 0, 'Transport', false],
];

/** A council workbook: a notes sheet, a title row, the data with a blank row, and a totals row under it. */
const COUNCIL: TestSheet[] = [
  { name: 'Notes', rows: [['About this file'], ['Payments over £500, published quarterly']] },
  {
    name: 'Spend 2024',
    rows: [['Payments over £500 — Q4 2024'], [], HEADER, ...SPEND.slice(0, 2), [], ...SPEND.slice(2), [null, 'Total', null, { formula: 'SUM(D4:D8)', value: 1250.5 }]],
  },
  { name: 'Lookup', hidden: true, rows: [['code', 'label']] },
];

async function check(file: Buffer, name: string, ...args: string[]) {
  const dir = scratch();
  const path = join(dir, name);
  writeFileSync(path, file);
  return report([path, '--standard', 'spend-over-500', '--max-issues', '0', ...args]);
}

describe.each([
  ['xlsx', xlsx],
  ['ods', ods],
] as const)('checking a .%s workbook', (kind, write) => {
  it('checks the sheet that matches the standard, with issues at Sheet!Cell', async () => {
    const { code, report: r } = await check(await write(COUNCIL), `spend.${kind}`);
    expect(code).toBe(1);
    const file = r.files[0];
    expect(file.format).toBe(kind);
    expect(file.sheet).toBe('Spend 2024');
    const skipped = file.issues.filter((i: { code: string }) => i.code === 'workbook-sheet');
    expect(skipped.map((i: { sheet: string; message: string }) => [i.sheet, i.message])).toEqual([
      ['Lookup', expect.stringMatching(/it is hidden/)],
      ['Notes', expect.stringMatching(/matches the standard less well than that of "Spend 2024"/)],
    ]);
    expect(file.issues.find((i: { code: string }) => i.code === 'title-rows')).toMatchObject({ line: 1, endLine: 2, cell: "'Spend 2024'!1:2" });
    // The totals row is reported as a CSV export's would be: a total row, not a record.
    expect(file.issues.find((i: { code: string; line: number }) => i.code === 'total-rows')).toMatchObject({ line: 9 });
    expect(file.issues.some((i: { code: string; line: number }) => i.code === 'value-missing' && i.line === 9)).toBe(false);
    expect(file.issues.some((i: { code: string }) => i.code === 'row-length')).toBe(false);
    const date = file.issues.find((i: { column?: string; value?: string }) => i.column === 'PaymentDate' && i.value === 'not a date');
    expect(date).toMatchObject({ sheet: 'Spend 2024', cell: "'Spend 2024'!C5", line: 5 });
    const amount = file.issues.find((i: { column?: string; value?: string }) => i.column === 'Amount' && i.value === 'lots');
    expect(amount).toMatchObject({ code: 'value-type', cell: "'Spend 2024'!D5" });
    const formulas = file.issues.filter((i: { code: string }) => i.code === 'formula-value');
    expect(formulas.map((i: { cell: string; severity: string }) => [i.cell, i.severity])).toEqual([
      ["'Spend 2024'!D7", 'warning'],
      ["'Spend 2024'!D8", 'warning'],
    ]);
    expect(formulas[0].message).toContain('#REF!');
    expect(formulas.map((i: { row: number; line: number }) => [i.row, i.line])).toEqual([
      [4, 7],
      [5, 8],
    ]);
    const blank = file.issues.find((i: { code: string }) => i.code === 'row-blank');
    expect(blank).toMatchObject({ line: 6, cell: "'Spend 2024'!6:6" });
    // The real date cell passes; the boolean cells are booleans; "no" is not one.
    expect(file.issues.some((i: { line?: number; column?: string }) => i.line === 4 && i.column === 'PaymentDate')).toBe(false);
    expect(file.issues.find((i: { column?: string; value?: string }) => i.column === 'VCSEGrant' && i.value === 'no')).toMatchObject({ cell: "'Spend 2024'!G7" });
    expect(file.issues.some((i: { column?: string; value?: string }) => i.column === 'VCSEGrant' && i.value !== 'no')).toBe(false);
  });

  it('finds the standard from the data sheet when none is named', async () => {
    const dir = scratch();
    writeFileSync(join(dir, `spend.${kind}`), await write(COUNCIL));
    const { report: r } = await report([join(dir, `spend.${kind}`)]);
    expect(r.files[0].standard.id).toBe('spend-over-500');
    expect(r.files[0].sheet).toBe('Spend 2024');
  });

  it('is found by a folder scan', async () => {
    const dir = scratch();
    writeFileSync(join(dir, `spend.${kind}`), await write(COUNCIL));
    const { report: r } = await report([dir, '--standard', 'spend-over-500']);
    expect(r.files.map((f: { format: string }) => f.format)).toEqual([kind]);
  });

  it('checks the sheet a config check names, and its glob takes workbooks', async () => {
    const dir = scratch({ 'conform.config.yaml': `checks:\n  - files: "data/*.${kind}"\n    standard: spend-over-500\n    sheet: 1\n` });
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', `spend.${kind}`), await write(COUNCIL));
    const { report: r } = await report([], { cwd: dir });
    expect(r.files.map((f: { sheet: string; path: string }) => [f.path, f.sheet])).toEqual([[`data/spend.${kind}`, 'Notes']]);
  });

  it('writes the passing and failing rows of the sheet as CSV', async () => {
    const dir = scratch();
    writeFileSync(join(dir, `spend.${kind}`), await write(COUNCIL));
    await report([join(dir, `spend.${kind}`), '--standard', 'spend-over-500', '--valid-rows', join(dir, 'ok.csv'), '--invalid-rows', join(dir, 'bad.csv')]);
    const lines = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split(/\r?\n/);
    // The blank row is not invalid (row-blank is a warning), so it goes with the passing rows, as in a CSV file.
    expect(lines('ok.csv')).toEqual([HEADER.join(','), 'Adults,Acme Ltd,2024-03-31,1250.5,0,Care,false', ',,,,,,']);
    // The totals row is not a record: it is in neither file.
    expect(lines('bad.csv')).toHaveLength(1 + 3);
  });

  it('checks the sheet named with --sheet, by name or number', async () => {
    const book = await write(COUNCIL);
    const byName = await check(book, `spend.${kind}`, '--sheet', 'Notes');
    expect(byName.report.files[0].sheet).toBe('Notes');
    expect(byName.report.files[0].issues.some((i: { code: string }) => i.code === 'header-missing')).toBe(true);
    const byNumber = await check(book, `spend.${kind}`, '--sheet', '2');
    expect(byNumber.report.files[0].sheet).toBe('Spend 2024');
    const missing = await check(book, `spend.${kind}`, '--sheet', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.report.files[0].issues[0].message).toMatch(/has no sheet "Nope"; its sheets are "Notes", "Spend 2024", "Lookup"/);
  });
});

describe.each([
  ['xlsx', xlsx],
  ['ods', ods],
] as const)('a .%s workbook and its CSV export', (kind, write) => {
  it('give the same verdicts apart from the locations', async () => {
    const sheet: TestSheet = {
      name: 'Data',
      rows: [['Spend 2024'], HEADER, ...SPEND.slice(0, 2), [], ['Adults', 'Echo', '2024-02-30', 12, 0, 'Care', true], ['Adults', ' Foxtrot ', 'N/A', 0.1, 0, 'Care', 'yes']],
    };
    const csv = [
      ['Spend 2024', '', '', '', '', '', ''],
      HEADER,
      ['Adults', 'Acme Ltd', '2024-03-31', '1250.5', '0', 'Care', 'false'],
      ['Adults', 'Bravo Ltd', 'not a date', 'lots', '0', 'Care', 'true'],
      ['', '', '', '', '', '', ''],
      ['Adults', 'Echo', '2024-02-30', '12', '0', 'Care', 'true'],
      ['Adults', ' Foxtrot ', 'N/A', '0.1', '0', 'Care', 'yes'],
    ]
      .map((r) => r.join(','))
      .join('\n');
    const dir = scratch({ 'spend.csv': csv + '\n' });
    writeFileSync(join(dir, `spend.${kind}`), await write([sheet]));
    const strip = (issues: Array<Record<string, unknown>>) => issues.map(({ sheet: _s, cell: _c, columnStart: _cs, ...rest }) => rest);
    const fromCsv = await report([join(dir, 'spend.csv'), '--standard', 'spend-over-500']);
    const fromBook = await report([join(dir, `spend.${kind}`), '--standard', 'spend-over-500']);
    expect(fromBook.code).toBe(fromCsv.code);
    expect(strip(fromBook.report.files[0].issues)).toEqual(strip(fromCsv.report.files[0].issues));
    expect(fromBook.report.files[0].byCode).toEqual(fromCsv.report.files[0].byCode);
    expect(Object.keys(fromCsv.report.files[0].byCode).length).toBeGreaterThan(4);
  });
});

describe('the report of a workbook', () => {
  it('holds to the report schema', async () => {
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020').default;
    const addFormats = require('ajv-formats').default;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const conforms = ajv.compile(JSON.parse(readFileSync(`${ROOT}/schemas/report.schema.json`, 'utf8')));
    const { report: r } = await check(await xlsx(COUNCIL), 'spend.xlsx');
    expect(r.files[0].issues.some((i: { cell?: string }) => i.cell)).toBe(true);
    conforms(r);
    expect(conforms.errors ?? []).toEqual([]);
  });
});

describe('damaged and hostile workbooks', () => {
  it('a workbook whose name does not say so is read by its first bytes', async () => {
    const { code, report: r } = await check(await xlsx(COUNCIL), 'spend-export.xls');
    expect(code).toBe(1);
    expect(r.files[0]).toMatchObject({ format: 'xlsx', sheet: 'Spend 2024' });
  });

  it('a missing or empty workbook is said as for any file', async () => {
    const dir = scratch({ 'empty.xlsx': '' });
    const { report: r } = await report([join(dir, 'missing.xlsx'), join(dir, 'empty.xlsx'), '--standard', 'spend-over-500']);
    expect(r.files.map((f: { issues: Array<{ code: string; message: string }> }) => [f.issues[0]!.code, f.issues[0]!.message])).toEqual([
      ['file-unreadable', 'The file cannot be read: the file does not exist (it may have been moved or deleted)'],
      ['file-empty', 'The file is empty'],
    ]);
  });

  it('a zip bomb is a clear issue and exit 1', async () => {
    const bomb = await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/worksheets/sheet1.xml': '<x>' + ' '.repeat(8 << 20) + '</x>' } });
    const { code, report: r } = await check(bomb, 'bomb.xlsx');
    expect(code).toBe(1);
    expect(r.files[0].issues[0]).toMatchObject({ code: 'format-invalid', severity: 'error' });
    expect(r.files[0].issues[0].message).toMatch(/The workbook cannot be read: .*zip bomb/);
  });

  it('a file named .xlsx that is not a workbook is a clear issue and exit 1', async () => {
    const { code, report: r } = await check(Buffer.from('Supplier,Amount\nA,1\n'), 'spend.xlsx');
    expect(code).toBe(1);
    expect(r.files[0].issues[0].message).toMatch(/The workbook cannot be read: it is not a readable ZIP archive/);
  });

  it('an entity-expansion attempt is a clear issue and exit 1', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>';
    const { code, report: r } = await check(await xlsx([{ name: 'S', rows: [HEADER] }], { parts: { 'xl/sharedStrings.xml': laughs } }), 'lol.xlsx');
    expect(code).toBe(1);
    expect(r.files[0].issues[0].message).toMatch(/declares a document type/);
  });
});
