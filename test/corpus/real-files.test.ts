// Real council files with real quirks (encodings, BOMs, blank rows, unnamed columns, padded values,
// changing headers), read from the corpus beside the project. Each file's report must be right about the
// data and hold no false alarm caused by the bytes or the layout; a comment on each says why the result
// is right.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWhole } from '../../src/sources/encoding.js';
import { CORPUS, hasCorpus, report, ROOT } from '../helpers.js';

/** Codes that would mean the bytes or the layout were misread. */
const MISREAD = ['encoding-invalid', 'format-invalid', 'row-length', 'title-rows', 'header-duplicate', 'file-empty'];

async function check(path: string, standard = 'spend-over-500') {
  const { report: r } = await report([join(CORPUS, path), '--standard', standard, '--max-issues', '100000']);
  const f = r.files[0];
  for (const code of MISREAD) expect(f.byCode[code], `${path}: ${code}`).toBeUndefined();
  // The header is the first line: every header finding is on line 1.
  for (const i of f.issues.filter((i: any) => i.code.startsWith('header-'))) expect(i.line).toBe(1);
  return f;
}

/** Warnings about values: [column, line, how many] (damaged text is one cell; padding is counted per column). */
const valueInvalid = (f: any) => f.issues.filter((i: any) => i.code === 'value-invalid').map((i: any) => [i.column, i.line, i.count ?? 1]);

/**
 * Each spend file's verdict against spend-over-500, the errors it fails on (code and column, as the file
 * names it), and why every source of the standard agrees those are wrong. What a source accepts (UK
 * dates, a missing merchant category) is only a warning and does not appear here.
 */
const SPEND_VERDICTS: Array<{ file: string; passes: boolean; errors: string[]; why: string }> = [
  {
    file: 'lga-spend/data/trafford/trafford-supplier-spend-2026-27.first5000.csv',
    passes: true,
    errors: [],
    why: 'Trafford 2026-27: the LGA column names, ISO dates and plain amounts; its extra columns and NA cells are warnings.',
  },
  {
    file: 'lga-spend/data/oxford/expenditure-over-500-apr-jun-2014.csv',
    passes: false,
    errors: ['header-missing IrrecoverableVATAmount', 'value-format Paid Date'],
    why: 'No irrecoverable VAT column, which the Code and the LGA schema both ask for; every Paid Date is 00:00:00, a time with no date, which no form of the standard accepts.',
  },
  {
    file: 'lga-spend/data/oxford/expenditure-over-500-oct-dec-2014.csv',
    passes: false,
    errors: ['header-missing IrrecoverableVATAmount'],
    why: 'No irrecoverable VAT column, which the Code and the LGA schema both ask for.',
  },
  {
    file: 'lga-spend/data/oxford/expenditure-over-500-jan-mar-2015.csv',
    passes: false,
    errors: ['header-missing IrrecoverableVATAmount', 'header-missing Purpose'],
    why: 'No irrecoverable VAT column and no purpose column, both asked for by the Code and the LGA schema.',
  },
  {
    file: 'lga-spend/data/oxford/expenditure-over-500-jan-mar-2017.csv',
    passes: false,
    errors: ['header-missing IrrecoverableVATAmount'],
    why: 'No irrecoverable VAT column, which the Code and the LGA schema both ask for.',
  },
  {
    file: 'lga-spend/data/oxford/expenditure-over-500-jul-sep-2017.csv',
    passes: false,
    errors: ['header-missing IrrecoverableVATAmount', 'header-missing Purpose'],
    why: 'No irrecoverable VAT column and no purpose column, both asked for by the Code and the LGA schema.',
  },
  {
    file: 'lga-spend/data/gmdsp/tameside-spend-2014-09.csv',
    passes: false,
    errors: [
      'header-missing IrrecoverableVATAmount',
      'value-format Paid Date',
      'value-missing Account Description ',
      'value-missing Paid Date',
      'value-missing Supplier Name',
      'value-type Sum of Inv Amount',
    ],
    why: 'Two-digit years (24/09/14: the 2014 metadata asked for dd/mm/yyyy, the LGA schema for ISO), amounts with thousands separators, redacted supplier names, summary rows without a date or purpose, and no irrecoverable VAT column.',
  },
  {
    file: 'lga-spend/data/gmdsp/trafford-spend-2014-09.first5000.csv',
    passes: false,
    errors: ['header-missing IrrecoverableVATAmount', 'value-missing Expense Area', 'value-type Amount'],
    why: 'Amounts with thousands separators ("1,100.00"), rows without an expense area (the purpose), and no irrecoverable VAT column.',
  },
];

describe.skipIf(!hasCorpus)('real spend files pass or fail only on what every source calls wrong', () => {
  it.each(SPEND_VERDICTS)('$file', async ({ file, passes, errors, why }) => {
    const f = await check(file);
    expect(f.passed, why).toBe(passes);
    const failing = [...new Set<string>(f.issues.filter((i: any) => i.severity === 'error').map((i: any) => `${i.code} ${i.column ?? i.field}`))].sort();
    expect(failing, why).toEqual(errors);
  });
});

describe.skipIf(!hasCorpus)('real council files are read right', () => {
  if (!hasCorpus) console.log('corpus not found beside the project: skipping the real-file tests');

  it('Nottingham premises licences: Windows-1252, detected over the whole file and decoded', async () => {
    // The file has 0x92 apostrophes and 0xE9 in "Café": not UTF-8, but valid Windows-1252. It is read
    // as such with one warning, and no byte is lost (no invalid bytes, no replacement characters).
    const premises = existsSync(join(ROOT, 'schemas/premises-licences'));
    const f = await check('lga-premises-licences/data/example-premises-licences.nottingham.cp1252.csv', premises ? 'premises-licences' : 'spend-over-500');
    expect(f.encoding).toBe('windows-1252');
    expect(f.rows).toBe(1256);
    expect(f.byCode['encoding-not-utf8']).toBe(1);
    expect(f.issues.find((i: any) => i.code === 'encoding-not-utf8').message).toBe('The file is not UTF-8; it was read as Windows-1252 (Latin-1)');
    expect(f.issues.some((i: any) => String(i.value ?? '').includes('\uFFFD'))).toBe(false);
    if (premises) {
      // Against its own standard every row conforms; three premises names have spaces around them.
      expect(f.byCode).toEqual({ 'encoding-not-utf8': 1, 'value-invalid': 1 });
    } else {
      // Against spend-over-500 (the premises standard is not bundled here), the header is still found on
      // line 1: all 36 columns are named, none matches a spend field.
      expect(f.byCode).toEqual({ 'encoding-not-utf8': 1, 'header-unknown': 34, 'header-missing': 6 });
    }
  });

  it('Tameside spend, September 2014: 976 comma-only rows, 24 unnamed empty columns, a header with a trailing space', async () => {
    const f = await check('lga-spend/data/gmdsp/tameside-spend-2014-09.csv');
    expect(f.encoding).toBe('utf-8');
    // 2,223 records after the header: 1,247 data rows, then the comma-only rows in one finding.
    expect(f.rows).toBe(1247);
    expect(f.issues.filter((i: any) => i.code === 'row-blank')).toMatchObject([{ row: 1248, line: 1249, endRow: 2223, endLine: 2224, count: 976 }]);
    expect(f.issues.filter((i: any) => i.code === 'header-blank')).toMatchObject([
      { line: 1, columnIndex: 9, count: 24, message: '24 columns have no name (columns 9–32, all empty)' },
    ]);
    // "Account Description " (trailing space) is the Purpose column.
    expect(f.issues.find((i: any) => i.column === 'Account Description ')).toMatchObject({ code: 'header-mismatch', suggestion: 'Purpose' });
    // Every date is dd/mm/yy and every amount "5,303.57 ": each fails with its fix (24/09/14 puts the day
    // first, so even 09/09/14 is certain). 3 summary rows at the end have no date.
    expect(f.byCode['value-format']).toBe(1244);
    expect(f.byCode['value-type']).toBe(1247);
    expect(f.issues.filter((i: any) => i.code === 'value-format' || i.code === 'value-type').every((i: any) => i.fix !== undefined)).toBe(true);
    // Padded service names ("SCYP "), one padded supplier name, and a transaction number of one space.
    expect(valueInvalid(f)).toEqual([
      ['Supplier Name', 525, 1],
      ['Headserv Name', 687, 20],
      ['Inv Transaction', 1246, 1],
    ]);
  });

  it('Tameside spend, July 2014: 1,451 comma-only rows, and ambiguous dates settled by the rest of the column', async () => {
    const f = await check('lga-spend/data/gmdsp/tameside-spend-2014-07.csv');
    expect(f.rows).toBe(1679);
    expect(f.issues.filter((i: any) => i.code === 'row-blank')).toMatchObject([{ row: 1680, line: 1681, endRow: 3130, endLine: 3131, count: 1451 }]);
    // Row 1 is 09/07/14, which alone could be either way round; later dates such as 24/07/14 settle it.
    expect(f.issues.find((i: any) => i.row === 1 && i.code === 'value-format')).toMatchObject({
      value: '09/07/14',
      fix: '2014-07-09',
      hint: "write the date as 2014-07-09 (the column's other dates put the day first)",
    });
  });

  it.each([
    [
      'lga-spend/data/gmdsp/trafford-spend-2014-07.first5000.csv',
      [
        ['Body name', 2, 5000],
        ['Supplier Name', 2, 19],
      ],
    ],
    [
      'lga-spend/data/gmdsp/trafford-spend-2014-09.first5000.csv',
      [
        ['Supplier Name', 813, 5],
        ['ProClass Description', 2560, 1],
      ],
    ],
  ])('Trafford spend %s: the BOM is not part of the first header', async (path, padded) => {
    const f = await check(path);
    expect(f.encoding).toBe('utf-8');
    expect(f.rows).toBe(5000);
    // "Body" (after the BOM) is recognised as OrganisationURI: a BOM left in the name would make it unknown.
    expect(f.issues.find((i: any) => i.columnIndex === 1)).toMatchObject({ code: 'header-mismatch', column: 'Body', suggestion: 'OrganisationURI' });
    // "Trafford " in July's Body name column, " Over the Break" and the like: real padding, one warning per column.
    expect(valueInvalid(f)).toEqual(padded);
  });

  it('Oxford apr–jun 2014 fails because every Paid Date is 00:00:00, and says why', async () => {
    const f = await check('lga-spend/data/oxford/expenditure-over-500-apr-jun-2014.csv');
    expect(f.rows).toBe(3836);
    expect(f.byCode['value-format']).toBe(3836);
    const dates = f.issues.filter((i: any) => i.code === 'value-format');
    expect(dates.every((i: any) => i.value === '00:00:00' && i.fix === undefined && /^this is a time with no date/.test(i.hint))).toBe(true);
    // 690 supplier names end in a space.
    expect(valueInvalid(f)).toEqual([['Supplier Name', 6, 690]]);
  });

  it('Oxford jan–mar 2015: renamed headers, a lost apostrophe (U+FFFD) and fixed-width supplier names', async () => {
    const f = await check('lga-spend/data/oxford/expenditure-over-500-jan-mar-2015.csv');
    expect(f.rows).toBe(3864);
    expect(valueInvalid(f)).toEqual([
      ['Supplier Name', 15, 638],
      ['Supplier Name', 3662, 1],
    ]);
    expect(f.issues.find((i: any) => i.row === 3661 && i.code === 'value-invalid').message).toMatch(/^Supplier Name holds "JULIE\uFFFDS BICYCLE", which is damaged/);
  });

  it('Oxford oct–dec 2014: snake_case headers and mojibake (LǦATELIER)', async () => {
    const f = await check('lga-spend/data/oxford/expenditure-over-500-oct-dec-2014.csv');
    expect(f.rows).toBe(3978);
    // Every snake_case name is matched: only expenditure_code and Type are not spend fields.
    expect(f.issues.filter((i: any) => i.code === 'header-unknown').map((i: any) => i.column)).toEqual(['expenditure_code', 'Type']);
    expect(valueInvalid(f)).toEqual([
      ['supplier_name', 3215, 679],
      ['supplier_name', 3800, 1],
    ]);
  });

  it('Oxford jan–mar 2017: the typo "Expenditure Catergory" is read as Purpose', async () => {
    const f = await check('lga-spend/data/oxford/expenditure-over-500-jan-mar-2017.csv');
    expect(f.rows).toBe(3913);
    expect(f.issues.find((i: any) => i.column === 'Expenditure Catergory')).toMatchObject({
      code: 'header-mismatch',
      suggestion: 'Purpose',
      message: 'The column "Expenditure Catergory" was read as the standard\'s "Purpose" (a likely typo of "Expenditure Category", a known alias)',
    });
    expect(f.byCode['value-invalid']).toBeUndefined();
  });

  it('Oxford jul–sep 2017: no expenditure category column at all, so Purpose is missing, and no column of the file is close to it', async () => {
    const f = await check('lga-spend/data/oxford/expenditure-over-500-jul-sep-2017.csv');
    expect(f.rows).toBe(3259);
    expect(f.issues.filter((i: any) => i.code === 'header-missing').map((i: any) => i.suggestion ?? i.message)).toEqual([
      // Asked for by the Transparency Code, not the LGA schema: a warning that names the Code.
      'The column "MerchantCategory", which the standard asks for, is missing, and no column of the file is close to it',
      'The required column "IrrecoverableVATAmount" is missing, and no column of the file is close to it',
      'The required column "Purpose" is missing, and no column of the file is close to it',
    ]);
  });

  it.each([
    'lga-spend/schema/Spend',
    'lga-contracts/schema/Contracts',
    'lga-counter-fraud/schema/CounterFraud',
    'lga-senior-salaries/schema/SeniorEmployees',
    'lga-organisation-structure/schema/OrganisationStructure',
  ])('the UTF-16LE schema %s.utf16le.json (no BOM) decodes to the same text as its UTF-8 copy', (base) => {
    const decoded = decodeWhole(readFileSync(join(CORPUS, `${base}.utf16le.json`)));
    expect(decoded.encoding).toBe('utf-16le');
    expect(JSON.parse(decoded.text)).toEqual(JSON.parse(readFileSync(join(CORPUS, `${base}.utf8.json`), 'utf8').replace(/^\uFEFF/, '')));
  });
});
