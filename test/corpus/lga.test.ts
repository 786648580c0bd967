// Real council files checked against the LGA standards they were published for. Each file's counts by
// issue code were reviewed against the file itself; the comment beside each says why its result is right.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus, report, scratch } from '../helpers.js';

if (!hasCorpus) console.log(`Skipping the LGA corpus tests: ${CORPUS} is not there.`);

interface Expectation {
  file: string;
  standard: string;
  rows: number;
  invalidRows: number;
  encoding: string;
  byCode: Record<string, number>;
  /** Whether the file conforms: it fails only on what every source of the standard agrees is wrong. */
  verdict: 'passes' | 'fails';
}

const TRAFFORD = 'data/trafford';

const FILES: Expectation[] = [
  {
    // Seven of the counts are optional, but Trafford writes NA in all seven on all 12 rows: NA is not a
    // number (84 value-type errors, each with the repair "leave the cell empty"). The organisation's URI
    // is in a column named OrganisationURI, which the standard calls OrganisationCode (one warning).
    file: `lga-counter-fraud/${TRAFFORD}/trafford_counter_fraud.csv`,
    standard: 'counter-fraud',
    rows: 12,
    invalidRows: 12,
    encoding: 'utf-8',
    byCode: { 'header-mismatch': 1, 'value-type': 84 },
    verdict: 'fails',
  },
  {
    // The standard requires an address, UPRN and coordinates for every asset; Trafford leaves them empty
    // for land: UPRN 336, StreetNumber (PropertyNumber) 523, StreetName 195, PostTown 2, PostCode 3,
    // GeoX and GeoY 235 each, TenureType 1 = 1,530 value-missing. TenureDetail is capitalised differently
    // from the allowed values on 299 rows ("Owner Occupied", "Leasehold Out", "Leasehold In"), and
    // HoldingType is "Land" or "Buildings" on 434 rows where the standard says "Land Only" or
    // "Buildings Only" = 733 value-enum. EffectiveDate and StreetNumber are read as ApplicableDate and
    // PropertyNumber (two warnings). One row of 608 has everything. Line 563's PropertyName has "Â£62",
    // a £ damaged by an earlier conversion (value-invalid warning, repaired to "£62").
    file: `lga-land-assets/${TRAFFORD}/trafford_land_and_building_assets.csv`,
    standard: 'land-and-building-assets',
    rows: 608,
    invalidRows: 607,
    encoding: 'utf-8',
    byCode: { 'header-mismatch': 2, 'value-missing': 1530, 'value-enum': 733, 'value-invalid': 1 },
    verdict: 'fails',
  },
  {
    // SalaryBand is a number in the standard, but Trafford writes a range ("65000 - 69999") or NA on all
    // 80 rows; SharedPost and Vacancy are true/false, but hold NA, "Shared" or "Vacant" (80 each);
    // MaximumSalary is NA on 15 rows = 255 value-type. Two posts are "Fixed Term Contract", not "Fixed
    // Term" (value-enum). EffectiveDate and Directorate are aliases; Comments is not in the standard.
    // NA written for no value in three text columns (one value-invalid warning each).
    file: `lga-organisation-structure/${TRAFFORD}/trafford_council_organisation_structure.csv`,
    standard: 'organisation-structure',
    rows: 80,
    invalidRows: 80,
    encoding: 'utf-8',
    byCode: { 'header-mismatch': 2, 'header-unknown': 1, 'value-type': 255, 'value-enum': 2, 'value-invalid': 3 },
    verdict: 'fails',
  },
  {
    // The standard's Ratio is a number; Trafford writes "7.14:1" on all 24 rows. The standard has only
    // Ratio and OrganisationType, so Trafford's seven other columns are not part of it (warnings).
    file: `lga-pay-multiples/${TRAFFORD}/pay_multiple.csv`,
    standard: 'pay-multiples',
    rows: 24,
    invalidRows: 24,
    encoding: 'utf-8',
    byCode: { 'header-unknown': 7, 'value-type': 24 },
    verdict: 'fails',
  },
  {
    // Conforms: every amount is a number, every required text is there (NA is text, which a text field
    // accepts). Four columns are named differently: EffectiveDate and Directorate (aliases), and
    // LossOfPostCompensation and BenefitsInKind (the published names are LossofPostCompensation and
    // BenefitsinKind). Responsibilities is the standard's own (corrected) name, so it draws no warning.
    // NA for no value in four text columns: one value-invalid warning each (leave such cells empty).
    file: `lga-senior-salaries/${TRAFFORD}/senior_salaries_employees.csv`,
    standard: 'senior-salaries',
    rows: 8,
    invalidRows: 0,
    encoding: 'utf-8',
    byCode: { 'header-mismatch': 4, 'value-invalid': 4 },
    verdict: 'passes',
  },
  {
    // Conforms; only EffectiveDate is named differently from the standard's ApplicableDate.
    file: `lga-senior-salaries/${TRAFFORD}/senior_salaries_count.csv`,
    standard: 'senior-salary-count',
    rows: 30,
    invalidRows: 0,
    encoding: 'utf-8',
    byCode: { 'header-mismatch': 1 },
    verdict: 'passes',
  },
  {
    // One required count is NA (2017/18's FTE representatives on majority duty); the standard has no
    // organisation or date columns, so Trafford's three are reported as not part of it. The names of the
    // unions represented, which the Transparency Code asks for, are not given (a header-missing warning).
    file: `lga-trade-union-facility-time/${TRAFFORD}/trade_union_facility_time.csv`,
    standard: 'trade-union-facility-time',
    rows: 9,
    invalidRows: 1,
    encoding: 'utf-8',
    byCode: { 'header-missing': 1, 'header-unknown': 3, 'value-type': 1 },
    verdict: 'fails',
  },
  {
    // Conforms: ISO dates, plain amounts (credits negative), GPC on every row, four-digit merchant
    // category codes. EffectiveDate (the end of the month reported) is Trafford's own column.
    file: `lga-spend/${TRAFFORD}/government_procurement_card_transactions_2026-27.csv`,
    standard: 'procurement-card-transactions',
    rows: 2024,
    invalidRows: 0,
    encoding: 'utf-8',
    byCode: { 'header-unknown': 1 },
    verdict: 'passes',
  },
  {
    // Passes, as the tool that published it says: the published Category pattern is unanchored with an
    // empty alternative, so it accepts any text. Every row says "Female and male", not the allowed
    // "Female and Male": 13 value-enum warnings, each with the repair. ExtractDate "07/07/2014 00:00"
    // is DD/MM/YYYY with a time, which the standard allows.
    file: 'lga-public-toilets/data/adur-public-toilets-valid.qsv.csv',
    standard: 'public-toilets',
    rows: 13,
    invalidRows: 0,
    encoding: 'utf-8',
    byCode: { 'value-enum': 13 },
    verdict: 'passes',
  },
  {
    // The same data with planted faults. Fails on one row only: its ExtractDate is two spaces and its
    // OrganisationLabel empty, both required by every form of the standard (value-missing 2 errors).
    // Warnings, since the published patterns accepted any text: an ISO ExtractDate "2014-07-07 00:00"
    // (value-pattern, repaired to 07/07/2014), CRS "OSGB3" (did you mean "OSGB36"?) and Category "Mens"
    // (value-enum), and "Female and male" on the other 14 rows.
    file: 'lga-public-toilets/data/adur-public-toilets.qsv-modified.csv',
    standard: 'public-toilets',
    rows: 15,
    invalidRows: 1,
    encoding: 'utf-8',
    // OpeningHours ends in a space on row 1 (value-invalid warning).
    byCode: { 'value-missing': 2, 'value-enum': 16, 'value-pattern': 1, 'value-invalid': 1 },
    verdict: 'fails',
  },
  {
    // RBKC: all 21 rows fail because GeoX and GeoY are empty but required (42 value-missing). The
    // addresses run over several lines inside quotes; rows and lines are still counted right.
    file: 'lga-public-toilets/data/example-public-toilets.rbkc.csv',
    standard: 'public-toilets',
    rows: 21,
    invalidRows: 21,
    encoding: 'utf-8',
    // One LocationText ends in a space (value-invalid warning).
    byCode: { 'value-missing': 42, 'value-invalid': 1 },
    verdict: 'fails',
  },
  {
    // Passes, as the LGA's own example should: Hampshire writes DecisionType "Delegated" or "Committee"
    // where the standard lists "Delegated powers" or "Planning committee" (22 rows), and one Status is
    // "Live " (not an allowed status). The published patterns for both are unanchored with an empty
    // alternative, so they accepted any text: 23 value-enum warnings, each saying which value was
    // probably meant. Dates are DD/MM/YYYY as the standard asks; the pipe-separated classifications are lists.
    file: 'lga-planning-applications/data/example-planning-applications.hampshire.csv',
    standard: 'planning-applications',
    rows: 25,
    invalidRows: 0,
    encoding: 'utf-8',
    byCode: { 'value-enum': 23 },
    verdict: 'passes',
  },
  {
    // Nottingham saved the file as Windows-1252 (’ is byte 0x92, é 0xE9). It is read as Windows-1252
    // (one warning: the standard expects UTF-8) and every row conforms; three PremisesName values have
    // spaces around them (" no name yet"), one value-invalid warning.
    file: 'lga-premises-licences/data/example-premises-licences.nottingham.cp1252.csv',
    standard: 'premises-licences',
    rows: 1256,
    invalidRows: 0,
    encoding: 'windows-1252',
    byCode: { 'encoding-not-utf8': 1, 'value-invalid': 1 },
    verdict: 'passes',
  },
];

describe.skipIf(!hasCorpus)('real council files against the LGA standards', () => {
  it.each(FILES.map((f) => [f.file, f] as const))('%s', async (_name, expected) => {
    const { code, report: r } = await report([join(CORPUS, expected.file), '-s', expected.standard, '--max-issues', '0']);
    const file = r.files[0];
    expect({ rows: file.rows, invalidRows: file.invalidRows, encoding: file.encoding, byCode: file.byCode }).toEqual({
      rows: expected.rows,
      invalidRows: expected.invalidRows,
      encoding: expected.encoding,
      byCode: expected.byCode,
    });
    expect(code).toBe(file.counts.error > 0 ? 1 : 0);
    expect(file.passed ? 'passes' : 'fails').toBe(expected.verdict);
  });

  it("reads the Nottingham file's curly apostrophes and accents as the characters they are", async () => {
    // Read as Latin-1, byte 0x92 would become a control character; read as UTF-8, a replacement
    // character. Either would break these two rules.
    const clean = { type: 'string', not: { pattern: '[\\u0080-\\u009f\\ufffd]' } };
    const dir = scratch({
      'text.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { PremisesName: clean, LocationText: clean },
      }),
    });
    const { report: r } = await report([join(CORPUS, 'lga-premises-licences/data/example-premises-licences.nottingham.cp1252.csv'), '-s', join(dir, 'text.json')]);
    // (Spaces around a value are value-invalid warnings too, but say nothing about the decoding.)
    const values = r.files[0].issues.filter((i: any) => i.code === 'value-invalid' && !/spaces before or after/.test(i.message));
    expect(values).toEqual([]);
    expect(r.files[0].encoding).toBe('windows-1252');
  });

  it('shows Trafford how to fix NA in an optional count', async () => {
    const { report: r } = await report([join(CORPUS, FILES[0]!.file), '-s', 'counter-fraud', '--max-issues', '2']);
    expect(r.files[0].issues[1]).toMatchObject({
      code: 'value-type',
      row: 1,
      line: 2,
      column: 'TotalIdentifiedFraud',
      value: 'NA',
      hint: 'leave the cell empty instead of writing "NA"',
      fix: '',
    });
  });

  it('repairs the ISO extract date in the modified Adur file to the DD/MM/YYYY the standard asks for', async () => {
    const { report: r } = await report([join(CORPUS, 'lga-public-toilets/data/adur-public-toilets.qsv-modified.csv'), '-s', 'public-toilets']);
    const pattern = r.files[0].issues.find((i: any) => i.code === 'value-pattern');
    expect(pattern).toMatchObject({ row: 3, line: 4, column: 'ExtractDate', value: '2014-07-07 00:00', fix: '07/07/2014', severity: 'warning' });
  });

  it('tells Hampshire which decision type each short one means', async () => {
    const { report: r } = await report([join(CORPUS, 'lga-planning-applications/data/example-planning-applications.hampshire.csv'), '-s', 'planning-applications']);
    const hints = new Set(r.files[0].issues.filter((i: any) => i.column === 'DecisionType').map((i: any) => `${i.value} → ${i.hint}`));
    expect([...hints].sort()).toEqual(['Committee → did you mean "Planning committee"?', 'Delegated → did you mean "Delegated powers"?']);
  });
});
