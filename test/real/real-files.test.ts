// Real files from 30 publishers outside the shared corpus (see PROVENANCE.md beside this file), each judged
// as a person reading it would: which standard it follows (or that conform declines and names the
// candidates), how many records it holds, which required columns are really absent, and whether it passes.
// No "required column missing" where the column is there under a name a person would recognise; no title,
// footer or blank line counted as a record; `conform fix` keeps every data row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, report, scratch } from '../helpers.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

interface Case {
  file: string;
  /** The standard `--standard auto` picks, or what it does instead. */
  detected: string | { declines: string[] } | 'not-data';
  /** Checked against this standard (the detected one unless detection declines). */
  standard?: string;
  rows: number;
  passed: boolean;
  /** Columns the standard asks for that the file really does not have (header-missing, by field). */
  missing: string[];
  /** Codes that must be among the file's issues: the faults a person sees in it. */
  codes?: string[];
  why: string;
}

const CASES: Case[] = [
  // Spend over £500 (Transparency Code): columns named every which way, all found.
  {
    file: 'spend/darlington-spend-2010-q2.csv',
    detected: 'spend-over-500',
    rows: 31,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory', 'Purpose'],
    codes: ['value-format'],
    why: '"Date" holds a period ("July 2010-September 2010"), not a date; "Invoice Line Value (net of VAT)" is the amount',
  },
  {
    file: 'spend/darlington-spend-2014-01.sql-title-rows.csv',
    detected: 'spend-over-500',
    rows: 26,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory', 'PaymentDate', 'Purpose'],
    codes: ['title-rows', 'row-length'],
    why: '20 lines of the query that made it above the header on line 21; no dates at all; ragged rows',
  },
  {
    file: 'spend/harrogate-spend-2015-04.csv',
    detected: 'spend-over-500',
    rows: 39,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory'],
    codes: ['value-format'],
    why: '"Service Label" is the organisational unit, "Net amount" the amount; UK dates are warnings; no VAT column',
  },
  {
    file: 'spend/leeds-spend-2011-04.csv',
    detected: 'spend-over-500',
    rows: 23,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory'],
    codes: ['value-format', 'header-blank'],
    why: 'the 2011 DCLG columns; 17 unnamed empty columns; dates as 06-Apr-2011',
  },
  {
    file: 'spend/manchester-spend-2015-07.odileeds-clean.csv',
    detected: 'spend-over-500',
    rows: 29,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory'],
    codes: ['row-length'],
    why: 'from record 16 on, a trailing comma makes 8 cells under a 7-column header',
  },
  {
    file: 'spend/newcastle-spend-2017-06.csv',
    detected: 'spend-over-500',
    rows: 19,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory', 'Purpose'],
    codes: ['title-rows'],
    why: 'a title and a blank line above the header; "Total" is the amount',
  },
  {
    file: 'spend/north-tyneside-spend-2014-05.csv',
    detected: 'spend-over-500',
    rows: 20,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory'],
    codes: ['value-format'],
    why: 'spend and card columns alike, and its name says spend; "SeRCOP Expenditure Category" is the purpose',
  },
  {
    file: 'spend/salford-spend-2015-07.misfiled-as-stockport.odileeds-clean.csv',
    detected: 'spend-over-500',
    rows: 23,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory'],
    why: '"Authority Name", "Date of Payment", "Net" beside Gross and VAT are all found',
  },
  {
    file: 'spend/sheffield-spend-2015-04.odileeds-clean.csv',
    detected: 'spend-over-500',
    rows: 11,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategory', 'PaymentDate'],
    why: 'a ledger export: "Invoiced Value" is the amount, "Business Unit Description" the unit; a GL date is not the payment date',
  },
  {
    file: 'spend/wakefield-spend-2017-q3.csv',
    detected: 'spend-over-500',
    rows: 15,
    passed: false,
    missing: ['MerchantCategory'],
    codes: ['title-rows', 'header-duplicate', 'row-blank', 'value-type'],
    why: 'a title above the header, a blank line under it, two columns named twice, "Nil" for a VAT amount',
  },
  // Card transactions.
  {
    file: 'card/calderdale-card-2014-10.odileeds-processed.csv',
    detected: 'procurement-card-transactions',
    rows: 21,
    passed: false,
    missing: ['IrrecoverableVATAmount', 'MerchantCategoryCode', 'Purpose'],
    why: 'a reduced column set: no purpose, VAT or merchant category',
  },
  // Public toilets.
  {
    file: 'toilets/hillingdon-public-toilets.csv',
    detected: 'public-toilets',
    rows: 21,
    passed: true,
    missing: [],
    codes: ['value-enum'],
    why: 'the LGA columns in capitals, all found; a category outside the list is a warning',
  },
  {
    file: 'toilets/barking-dagenham-public-toilets.csv',
    detected: 'public-toilets',
    rows: 10,
    passed: false,
    missing: ['ExtractDate', 'OrganisationLabel', 'ServiceTypeLabel'],
    codes: ['value-type', 'value-pattern'],
    why: '"Grid Ref X" and headers with trailing spaces found; "10p" is not an amount; postcode "RM7 OSS" has a letter O',
  },
  {
    file: 'toilets/camden-public-toilets.socrata-export.csv',
    detected: 'public-toilets',
    rows: 10,
    passed: false,
    missing: ['ExtractDate', 'OrganisationLabel', 'ServiceTypeLabel'],
    why: 'a portal export with its own columns, named toilets',
  },
  {
    file: 'toilets/southwark-public-toilets.csv',
    detected: 'public-toilets',
    rows: 12,
    passed: false,
    missing: ['ExtractDate', 'OrganisationLabel', 'ServiceTypeLabel'],
    codes: ['value-enum'],
    why: 'own columns; prose in yes/no fields',
  },
  {
    file: 'toilets/westminster-public-toilets.no-header.tsv.csv',
    detected: { declines: [] },
    standard: 'public-toilets',
    rows: 22,
    passed: false,
    missing: ['ExtractDate', 'GeoX', 'GeoY', 'LocationText', 'OrganisationLabel', 'ServiceTypeLabel'],
    codes: ['header-absent'],
    why: 'no header row: named as such, its first line counted as data',
  },
  // Brownfield land registers.
  {
    file: 'brownfield/daventry-brownfield-land.cr-line-endings.csv',
    detected: 'brownfield-land-2017',
    rows: 8,
    passed: false,
    missing: [],
    codes: ['value-format'],
    why: 'lines end in CR alone; HTML inside the site-plan web address',
  },
  {
    file: 'brownfield/peterborough-brownfield-land.csv',
    detected: 'brownfield-land-2017',
    rows: 7,
    passed: false,
    missing: [],
    codes: ['value-enum', 'value-format'],
    why: 'statuses in Title Case outside the lists; yyyy/mm/dd dates (warnings, as the platform reads them)',
  },
  {
    file: 'brownfield/purbeck-brownfield-land.csv',
    detected: 'brownfield-land-2017',
    rows: 10,
    passed: false,
    missing: [],
    codes: ['row-rule', 'value-format'],
    why: 'permissioned sites without a permission type; UK dates are warnings',
  },
  {
    file: 'brownfield/south-somerset-brownfield-land.csv',
    detected: { declines: ['brownfield-land', 'brownfield-land-2017'] },
    standard: 'brownfield-land-2017',
    rows: 15,
    passed: false,
    missing: ['CoordinateReferenceSystem', 'MinNetDwellings', 'OrganisationLabel'],
    codes: ['row-blank', 'value-enum'],
    why: 'a reduced 2017 column set fits both editions alike; blank lines at the end are not records',
  },
  {
    file: 'brownfield/teignbridge-brownfield-land.csv',
    detected: 'brownfield-land',
    rows: 16,
    passed: true,
    missing: [],
    codes: ['value-format'],
    why: 'its 19 columns are fields of both editions; UK dates are warnings with the repair',
  },
  {
    file: 'brownfield/malvern-hills-brownfield-land.html-instead-of-csv.csv',
    detected: 'not-data',
    rows: 0,
    passed: false,
    missing: [],
    codes: ['format-invalid'],
    why: 'a login page saved in place of the register',
  },
  // planning.data.gov.uk datasets.
  { file: 'planning-data/barnet-article-4-direction-area.csv', detected: 'article-4-direction-area', rows: 3, passed: true, missing: [], why: 'digital-land columns, found' },
  { file: 'planning-data/barnet-listed-building-outline.csv', detected: 'listed-building-outline', rows: 3, passed: true, missing: [], why: 'digital-land columns, found' },
  {
    file: 'planning-data/barnet-tree-preservation-order.csv',
    detected: 'tree-preservation-order',
    rows: 20,
    passed: true,
    missing: [],
    codes: ['value-missing'],
    why: 'empty SHOULD fields are warnings',
  },
  {
    file: 'planning-data/lambeth-listed-building-outline.geojson',
    detected: 'listed-building-outline',
    rows: 3,
    passed: false,
    missing: [],
    codes: ['value-missing'],
    why: 'GeoJSON features whose properties lack the reference',
  },
  {
    file: 'planning-data/newcastle-conservation-area.submit-test-errors.csv',
    detected: 'conservation-area',
    rows: 2,
    passed: false,
    missing: ['entry-date', 'reference'],
    codes: ['value-format'],
    why: "the planning service's own example of errors: no reference, a bad date",
  },
  {
    file: 'planning-data/newcastle-tree-preservation-order-points.csv',
    detected: 'tree-preservation-order',
    rows: 18,
    passed: false,
    missing: ['documentation-url', 'entry-date'],
    codes: ['key-duplicate'],
    why: 'one row per tree point, so a reference repeats',
  },
  {
    file: 'planning-data/canterbury-locally-listed-building.geojson',
    detected: { declines: [] },
    rows: 0,
    passed: false,
    missing: [],
    why: 'a local list: no bundled standard fits, and none is guessed',
  },
  // 360Giving and OCDS documents.
  {
    file: '360giving/indigo-trust-grants.csv',
    detected: '360giving-flat',
    rows: 17,
    passed: false,
    missing: [],
    codes: ['value-format', 'value-type'],
    why: 'column titles found; dd/mm/yyyy hh:mm dates; "12 months" for a number of months',
  },
  { file: '360giving/dulverton-trust-grants.json', detected: '360giving', rows: 5, passed: false, missing: [], codes: ['value-format'], why: 'award dates written dd/mm/yyyy' },
  {
    file: '360giving/nominet-trust-grants.json',
    detected: '360giving',
    rows: 3,
    passed: false,
    missing: [],
    codes: ['value-format', 'value-type'],
    why: 'award dates of month and year only; a duration as text',
  },
  {
    file: '360giving/esmee-fairbairn-grants.grantnav-flat.json',
    detected: '360giving',
    rows: 6,
    passed: false,
    missing: [],
    codes: ['value-missing'],
    why: 'flat keys, not the nested grant: the required organisations are absent',
  },
  {
    file: 'ocds/contracts-finder-bfi-release-package.json',
    detected: 'ocds-release-package',
    rows: 1,
    passed: true,
    missing: [],
    why: "Contracts Finder's extra fields are allowed by the release schema",
  },
  { file: 'ocds/contracts-finder-kirklees-release-package.json', detected: 'ocds-release-package', rows: 1, passed: true, missing: [], why: 'as above, with 15 suppliers' },
  {
    file: 'ocds/contracts-finder-peterborough-release-package.json',
    detected: 'ocds-release-package',
    rows: 1,
    passed: true,
    missing: [],
    why: 'integer item ids and empty supplier identifiers are valid OCDS 1.1',
  },
];

const fileReport = async (file: string, standard: string) => {
  const { report: r } = await report([join(HERE, file), '-s', standard]);
  return r.files[0];
};

describe('real files from publishers outside the corpus', () => {
  it('are all judged here', () => expect(CASES).toHaveLength(36));

  it.each(CASES)('$file: $why', async (c) => {
    const auto = await fileReport(c.file, 'auto');
    if (typeof c.detected === 'string' && c.detected !== 'not-data') {
      expect(auto.standard?.id).toBe(c.detected);
    } else if (c.detected === 'not-data') {
      expect(auto.issues.map((i: any) => i.code)).toEqual(c.codes);
    } else {
      expect(auto.standard ?? undefined).toBeUndefined();
      const refusal = auto.issues.find((i: any) => i.code === 'standard-undetected');
      for (const id of c.detected.declines) expect(refusal.message).toContain(id);
    }
    const standard = c.standard ?? (typeof c.detected === 'string' && c.detected !== 'not-data' ? c.detected : undefined);
    const f = standard ? await fileReport(c.file, standard) : auto;
    expect(f.rows).toBe(c.rows);
    expect(f.passed).toBe(c.passed);
    expect(
      f.issues
        .filter((i: any) => i.code === 'header-missing')
        .map((i: any) => i.field)
        .sort(),
    ).toEqual(c.missing);
    for (const code of c.codes ?? []) expect(Object.keys(f.byCode)).toContain(code);
  });

  const fixable = CASES.filter((c) => c.file.endsWith('.csv') && (c.standard ?? typeof c.detected === 'string') && c.detected !== 'not-data');
  it.each(fixable)('conform fix keeps every data row of $file', async (c) => {
    const standard = c.standard ?? (c.detected as string);
    const out = join(scratch(), 'fixed.csv');
    const fixed = await cli(['fix', join(HERE, c.file), '-s', standard, '-o', out]);
    if (c.codes?.includes('header-absent')) {
      // Columns that are not in the standard's order cannot be named by guesswork: fix says so, writes nothing.
      expect(fixed.code).toBe(2);
      expect(fixed.stderr).toMatch(/Line 1 holds data, not column names.*add a header row first/);
      return;
    }
    expect(fixed.code, fixed.stderr).toBeLessThan(2);
    const again = await report([out, '-s', standard]);
    // Title, blank and total lines go (and are logged); records never do.
    expect(again.report.files[0].rows).toBe(c.rows);
    const log = readFileSync(`${out}.log.csv`, 'utf8');
    const removed = log.split('\n').filter((line) => /,remove-[a-z-]+$/.test(line));
    for (const line of removed) expect(line).toMatch(/,(remove-blank-row|remove-blank-line|remove-empty-column|remove-total-row|remove-title-row|remove-template-row)$/);
  });
});
