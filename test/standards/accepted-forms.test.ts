// Where a standard's sources disagree, the form one of them accepts is a warning with the repair to the
// strictest form, and a value every source refuses is an error: here UK dates in Transparency Code files,
// which the 2014 LGA/DCLG metadata asked for and the later LGA schema does not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandardFile } from '../../src/standards/load.js';
import { BUNDLED_DIR } from '../../src/standards/registry.js';
import { cli, report, scratch } from '../helpers.js';

/** The standards whose sources, deviations and required fields' sources have been written down. */
const SOURCED = [
  'spend-over-500',
  'procurement-card-transactions',
  'contracts',
  'counter-fraud',
  'land-and-building-assets',
  'organisation-structure',
  'senior-salaries',
  'senior-salary-count',
  'pay-multiples',
  'trade-union-facility-time',
  'planning-applications',
  'premises-licences',
  'public-toilets',
  'election-results',
  'brownfield-land',
];

const HEADER = 'OrganisationalUnit,BeneficiaryName,PaymentDate,Amount,IrrecoverableVATAmount,Purpose';

/** PaymentDate text → the severity of its issue (none when it passes) and the fix offered. */
const DATES: Array<[string, 'error' | 'warning' | undefined, string | undefined]> = [
  ['2024-03-31', undefined, undefined], // ISO, the current LGA schema's form
  ['2024-03-31T09:30:00Z', undefined, undefined],
  ['31/03/2024', 'warning', '2024-03-31'], // the 2014 metadata's dd/mm/yyyy
  ['1/3/2024', 'warning', undefined], // day and month could be either way round: warned, never changed blindly
  ['31/3/2024', 'warning', '2024-03-31'], // only one reading is a date
  ['31/03/24', 'error', '2024-03-31'], // a two-digit year is in no source's form
  ['31-03-2024', 'error', '2024-03-31'],
  ['32/03/2024', 'error', undefined], // not a date in any form
  ['next week', 'error', undefined],
];

describe('UK dates in Transparency Code files', () => {
  for (const [text, severity, fix] of DATES) {
    it(`${JSON.stringify(text)} is ${severity ?? 'accepted'}`, async () => {
      const dir = scratch({ 'spend.csv': `${HEADER}\nFinance,Acme Ltd,${text},600,0,Stationery\n` });
      const { report: r } = await report([join(dir, 'spend.csv'), '--standard', 'spend-over-500']);
      const issues = r.files[0].issues.filter((i: any) => i.column === 'PaymentDate');
      if (severity === undefined) {
        expect(issues).toEqual([]);
        return;
      }
      expect(issues.map((i: any) => [i.code, i.severity])).toEqual([['value-format', severity]]);
      expect(issues[0].fix).toBe(fix);
      if (severity === 'warning') expect(issues[0].hint).toMatch(/2014 Transparency Code metadata allowed UK dates/);
    });
  }

  it('a file of UK dates passes, with one warning per date', async () => {
    const dir = scratch({ 'spend.csv': `${HEADER}\nFinance,Acme Ltd,31/03/2024,600,0,Stationery\nFinance,Acme Ltd,15/04/2024,700,0,Paper\n` });
    const { code, report: r } = await report([join(dir, 'spend.csv'), '--standard', 'spend-over-500']);
    expect(code).toBe(0);
    expect(r.files[0].issues.map((i: any) => [i.code, i.severity, i.row])).toEqual([
      ['header-missing', 'warning', undefined], // MerchantCategory, which the Transparency Code asks for
      ['value-format', 'warning', 1],
      ['value-format', 'warning', 2],
    ]);
  });

  it('`conform fix` writes the ISO date', async () => {
    const dir = scratch({ 'spend.csv': `${HEADER}\nFinance,Acme Ltd,31/03/2024,600,0,Stationery\n` });
    const fixed = join(dir, 'fixed.csv');
    const result = await cli(['fix', join(dir, 'spend.csv'), '--standard', 'spend-over-500', '-o', fixed]);
    expect(result.code).toBe(0);
    expect(readFileSync(fixed, 'utf8')).toContain('Finance,Acme Ltd,2024-03-31,600,0,Stationery');
  });
});

describe("the keywords that record a standard's sources", () => {
  it('load without a warning', async () => {
    const dir = scratch({
      'schema.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        'x-standard': {
          id: 'sourced',
          sources: [
            {
              title: 'Local Government Transparency Code 2015',
              url: 'https://www.gov.uk/government/publications/local-government-transparency-code-2015',
              version: '2015',
              date: '2015-02-27',
            },
          ],
          deviations: ['Dates may be written as the 2014 metadata asked.'],
        },
        type: 'object',
        required: ['Date'],
        properties: {
          Date: {
            type: 'string',
            format: 'date',
            'x-source': 'Transparency Code 2015, paragraph 25',
            'x-accepted': [{ pattern: '^[0-9]{2}/[0-9]{2}/[0-9]{4}$', because: 'the 2014 metadata asked for UK dates' }],
          },
        },
      }),
    });
    const standard = await loadStandardFile(join(dir, 'schema.json'));
    expect(standard.warnings ?? []).toEqual([]);
    expect(standard.sources?.[0]?.date).toBe('2015-02-27');
    expect(standard.deviations).toHaveLength(1);
  });

  it('every bundled standard loads, checked against its meta-schema, without a warning', async () => {
    for (const id of readdirSync(BUNDLED_DIR)) {
      const path = join(BUNDLED_DIR, id, 'schema.json');
      if (!existsSync(path)) continue;
      const standard = await loadStandardFile(path, { trusted: false });
      expect(standard.warnings ?? [], id).toEqual([]);
    }
  });

  it.each(SOURCED)('%s names its sources, and the source of each required field where a source lowers it', async (id) => {
    const standard = await loadStandardFile(join(BUNDLED_DIR, id, 'schema.json'));
    expect(standard.sources?.length).toBeGreaterThan(0);
    for (const source of standard.sources!) expect(source.title).not.toBe('');
    const lowered = standard.fields.filter((f) => f.required && typeof f.severity === 'object' && f.severity['header-missing'] === 'warning');
    for (const field of lowered) expect(typeof field.schema['x-source'], `${id} ${field.name}`).toBe('string');
  });

  it('every bundled standard that accepts UK dates names why', async () => {
    for (const id of ['spend-over-500', 'procurement-card-transactions', 'contracts']) {
      const standard = await loadStandardFile(join(BUNDLED_DIR, id, 'schema.json'));
      const accepting = standard.fields.filter((f) => f.schema['x-accepted']);
      expect(accepting.length).toBeGreaterThan(0);
      expect(standard.warnings ?? []).toEqual([]);
    }
  });
});

describe('what the Transparency Code asks for and the LGA schemas leave out', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['spend-over-500', `${HEADER}\nFinance,Acme Ltd,2024-03-31,600,0,Stationery\n`, 'MerchantCategory', /Expenditure exceeding £500/],
    ['procurement-card-transactions', `${HEADER}\nFinance,Acme Ltd,2024-03-31,60,0,Stationery\n`, 'MerchantCategoryCode', /Government Procurement Card transactions/],
    [
      'trade-union-facility-time',
      'TotalRepresentativeCount,FTERepresentativesCount,TotalRepresentativesMajorityDutyCount,FTERepresentativesMajorityDutyCount,TotalEstimateSpendingAmount,RelativeEstimateSpending\n11,7.7,7,4.3,102524.50,0.07\n',
      'TradeUnionNames',
      /names of all trade unions represented/,
    ],
  ];

  it.each(cases)('%s: a file without %s passes with a warning naming the Code', async (id, csv, field, paragraph) => {
    const dir = scratch({ 'data.csv': csv });
    const { code, report: r } = await report([join(dir, 'data.csv'), '--standard', id]);
    expect(code).toBe(0);
    const missing = r.files[0].issues.filter((i: any) => i.code === 'header-missing');
    expect(missing.map((i: any) => [i.severity, i.field])).toEqual([['warning', field]]);
    expect(missing[0].hint).toMatch(/^asked for by the Local Government Transparency Code 2015, Part 2/);
    expect(missing[0].hint).toMatch(paragraph);
  });

  it('an empty merchant category is a warning on its row', async () => {
    const dir = scratch({
      'spend.csv': `${HEADER},MerchantCategory\nFinance,Acme Ltd,2024-03-31,600,0,Stationery,\nFinance,Acme Ltd,2024-03-31,600,0,Stationery,Office supplies\n`,
    });
    const { code, report: r } = await report([join(dir, 'spend.csv'), '--standard', 'spend-over-500']);
    expect(code).toBe(0);
    expect(r.files[0].issues.map((i: any) => [i.code, i.severity, i.row, i.column])).toEqual([['value-missing', 'warning', 1, 'MerchantCategory']]);
  });
});

describe('JSON records are judged as CSV rows are', () => {
  const record = {
    OrganisationalUnit: 'Finance',
    BeneficiaryName: 'Acme Ltd',
    PaymentDate: '31/03/2024',
    Amount: 600,
    IrrecoverableVATAmount: 0,
    Purpose: 'Stationery',
    CompaniesHouseRegistrationNumber: '123',
  };

  it.each([
    ['spend.json', JSON.stringify([record])],
    ['spend.ndjson', JSON.stringify(record) + '\n'],
  ])('%s: a UK date, a missing merchant category and a field checked as advice are warnings', async (name, text) => {
    const dir = scratch({ [name]: text });
    const { code, report: r } = await report([join(dir, name), '--standard', 'spend-over-500']);
    expect(code).toBe(0);
    const issues = r.files[0].issues.map((i: any) => [i.code, i.severity, i.column]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['value-format', 'warning', 'PaymentDate'],
        ['value-missing', 'warning', 'MerchantCategory'],
        ['value-pattern', 'warning', 'CompaniesHouseRegistrationNumber'],
      ]),
    );
    expect(issues).toHaveLength(3);
    const date = r.files[0].issues.find((i: any) => i.column === 'PaymentDate');
    expect(date.hint).toMatch(/^write the date as 2024-03-31 \(accepted as a warning/);
  });
});
