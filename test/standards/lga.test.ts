// The LGA standards bundled with conform: each one loads as a valid schema, its example passes, a file
// written to it passes, and a file with planted problems is reported exactly — every issue's code,
// severity, row, line and column, in the order the report lists them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/standards/name-tokens.js';
import { loadStandardFile } from '../../src/standards/load.js';
import { BUNDLED_DIR, Registry } from '../../src/standards/registry.js';
import { cli, FIXTURES, report, ROOT, scratch } from '../helpers.js';

/** code, severity, row, line, column */
type Expected = [string, string, number | undefined, number, string | undefined];

interface Case {
  /** Warnings a conforming file may still draw (a column named the other publication's way). */
  valid: Expected[];
  /** Every issue of invalid.csv; each planted problem is named beside it. */
  invalid: Expected[];
}

const CASES: Record<string, Case> = {
  'procurement-card-transactions': {
    valid: [],
    invalid: [
      ['header-mismatch', 'warning', undefined, 1, 'Transaction Date'], // a known alias of PaymentDate
      ['value-type', 'error', 1, 2, 'Amount'], // £1,200.00
      ['value-format', 'warning', 2, 3, 'Transaction Date'], // 29/05/2026, a UK date: the 2014 Code metadata's form
      ['value-enum', 'error', 3, 4, 'CardTransaction'], // gpc, in lower case
      ['value-missing', 'error', 4, 5, 'BeneficiaryName'], // empty
      ['value-pattern', 'warning', 5, 6, 'MerchantCategoryCode'], // five digits
      ['value-pattern', 'warning', 5, 6, 'CompaniesHouseRegistrationNumber'], // leading zero lost
    ],
  },
  contracts: {
    valid: [],
    invalid: [
      ['value-enum', 'error', 1, 2, 'ContractType'], // Framework, not Framework agreement
      ['value-format', 'warning', 2, 3, 'StartDate'], // 01/11/2025, the 2014 Code metadata's UK form
      ['value-type', 'error', 2, 3, 'SMESupplier'], // Y
      ['value-type', 'error', 3, 4, 'ContractValue'], // 25,000
      ['value-missing', 'error', 3, 4, 'CharityCommissionNumber'], // required by the published schema
      ['value-enum', 'error', 3, 4, 'ProcessType'], // Open tender
      ['value-format', 'warning', 3, 4, 'ContactEmail'], // not an email address
    ],
  },
  'land-and-building-assets': {
    valid: [],
    invalid: [
      ['header-mismatch', 'warning', undefined, 1, 'StreetNumber'], // Trafford's name for PropertyNumber
      ['value-enum', 'error', 1, 2, 'TenureDetail'], // Owner Occupied, not Owner occupied
      ['value-enum', 'error', 1, 2, 'HoldingType'], // Buildings, not Buildings Only
      ['value-missing', 'error', 2, 3, 'UPRN'],
      ['value-missing', 'error', 2, 3, 'StreetNumber'],
      ['value-enum', 'error', 2, 3, 'CoordinateReferenceSystem'], // OSGB3
      ['value-enum', 'error', 3, 4, 'EnergyRating'], // A+
      ['key-duplicate', 'error', 4, 5, 'AssetCode'], // B-1 again
    ],
  },
  'counter-fraud': {
    valid: [['header-mismatch', 'warning', undefined, 1, 'OrganisationURI']], // the published name is OrganisationCode
    invalid: [
      ['value-format', 'error', 1, 2, 'OrganisationCode'], // not a URI
      ['value-format', 'warning', 1, 2, 'EffectiveDate'], // 31/03/2025, the 2014 Code metadata's UK form
      ['value-type', 'error', 1, 2, 'FraudSpentAmount'], // £64,000
      ['value-type', 'error', 1, 2, 'TotalIdentifiedFraud'], // NA
      ['value-missing', 'error', 2, 3, 'TotalOccasionsFraudPowers'],
    ],
  },
  'senior-salaries': {
    valid: [
      ['header-mismatch', 'warning', undefined, 1, 'LossOfPostCompensation'], // case differs from the published name
      ['header-mismatch', 'warning', undefined, 1, 'BenefitsInKind'],
      ['header-mismatch', 'warning', undefined, 1, 'Responsibilties'], // the published misspelling
    ],
    invalid: [
      ['header-mismatch', 'warning', undefined, 1, 'Directorate'], // alias of OrganisationalUnit
      ['value-missing', 'error', 1, 2, 'Service'],
      ['value-type', 'error', 1, 2, 'Bonuses'], // NA in a required amount
      ['value-type', 'error', 2, 3, 'Salary'], // 102,825
      ['value-missing', 'error', 2, 3, 'Responsibilities'],
      ['value-format', 'error', 2, 3, 'ApplicableDate'], // month 13
    ],
  },
  'senior-salary-count': {
    valid: [
      ['header-mismatch', 'warning', undefined, 1, 'Salary Band'],
      ['header-mismatch', 'warning', undefined, 1, 'Number of Employees'],
    ],
    invalid: [
      ['value-type', 'error', 1, 2, 'EmployeeCount'], // twelve
      ['value-missing', 'error', 2, 3, 'RemunerationBand'],
      ['value-format', 'warning', 3, 4, 'ApplicableDate'], // 01/04/2025, the 2014 Code metadata's UK form
      ['value-missing', 'error', 3, 4, 'EmployeeCount'],
    ],
  },
  'organisation-structure': {
    valid: [
      ['header-mismatch', 'warning', undefined, 1, 'Job Number'], // the published name is "Job number"
      ['header-mismatch', 'warning', undefined, 1, 'Directorate'],
    ],
    invalid: [
      ['value-type', 'error', 1, 2, 'Level'], // 1.0
      ['value-enum', 'error', 1, 2, 'ContractType'], // permanent
      ['value-type', 'error', 1, 2, 'SharedPost'], // No
      ['value-type', 'error', 1, 2, 'SalaryBand'], // a range, not a number
      ['value-enum', 'error', 2, 3, 'ContractType'], // Fixed Term Contract
      ['value-missing', 'error', 2, 3, 'ContactDetails'],
      ['value-type', 'error', 2, 3, 'MaximumSalary'], // NA
      ['value-type', 'error', 2, 3, 'Vacancy'], // Vacant
    ],
  },
  'trade-union-facility-time': {
    valid: [],
    invalid: [
      ['header-missing', 'warning', undefined, 1, undefined], // TradeUnionNames: the Transparency Code asks for it, the LGA schema does not
      ['header-missing', 'error', undefined, 1, undefined], // RelativeEstimateSpending
      ['value-type', 'error', 1, 2, 'FTERepresentativesMajorityDutyCount'], // NA
      ['value-type', 'error', 1, 2, 'TotalEstimateSpendingAmount'], // £155,288.73
    ],
  },
  'pay-multiples': {
    valid: [],
    invalid: [
      ['header-unknown', 'warning', undefined, 1, 'Period'],
      ['value-type', 'error', 1, 2, 'Ratio'], // 7.14:1
      ['value-missing', 'error', 2, 3, 'Ratio'],
      ['value-enum', 'error', 2, 3, 'OrganisationType'], // the name, not the code
      ['value-enum', 'error', 3, 4, 'OrganisationType'], // mbc
    ],
  },
  'public-toilets': {
    valid: [],
    invalid: [
      // Row 1's LocationText runs over two lines, so row 2 starts on line 4.
      ['value-pattern', 'warning', 1, 2, 'ExtractDate'], // 2014-06-24: DD/MM/YYYY is asked for, but the published pattern let any text through
      ['value-enum', 'warning', 1, 2, 'Category'], // Female and male (the published list accepted any text)
      ['value-enum', 'warning', 1, 2, 'RADARKeyNeeded'], // Y
      ['value-pattern', 'error', 2, 4, 'ExtractDate'], // 25:00 is not a time
      ['value-missing', 'error', 2, 4, 'GeoX'],
      ['value-enum', 'warning', 2, 4, 'Category'], // Mens
      ['value-format', 'error', 2, 4, 'ReportEmail'],
      ['value-pattern', 'warning', 2, 4, 'Postcode'], // lower case (the published pattern accepted any text)
    ],
  },
  'planning-applications': {
    valid: [],
    invalid: [
      ['value-pattern', 'warning', 1, 2, 'ExtractDate'], // ISO date, let through by the published pattern
      ['value-pattern', 'error', 1, 2, 'CaseDate'], // day 00
      ['value-enum', 'warning', 1, 2, 'Status'], // "Live ": the published list accepted any text
      ['value-enum', 'warning', 1, 2, 'DecisionType'], // Delegated
      ['value-type', 'error', 1, 2, 'GroundArea'], // 410m2
      ['value-range', 'error', 1, 2, 'ResponsesFor'], // -1
      ['value-format', 'error', 2, 3, 'CaseURL'], // no scheme
      ['value-missing', 'error', 2, 3, 'CaseText'],
      ['value-enum', 'warning', 2, 3, 'Decision'], // approved
      ['value-enum', 'warning', 2, 3, 'DecisionType'], // Committee
      ['value-type', 'error', 2, 3, 'ResponsesFor'], // 2.5
      // Row 3 repeats row 1's authority and case; row 4 repeats the case without an authority, so it
      // makes no key and is not compared.
      ['key-duplicate', 'error', 3, 4, 'OrganisationURI'],
    ],
  },
  'premises-licences': {
    valid: [],
    invalid: [
      ['value-pattern', 'error', 1, 2, 'ExtractDate'], // 25/05/14, a two-digit year
      ['value-enum', 'warning', 1, 2, 'LateNightRefreshment'], // Y: the published flag pattern accepted any text
      ['value-pattern', 'warning', 1, 2, 'LicenceStartDate'], // ISO date, let through by the published pattern
      ['value-missing', 'error', 2, 3, 'AlcoholSupply'],
      ['value-pattern', 'warning', 2, 3, 'SupervisorPostcode'], // no space; the published pattern accepted any text
    ],
  },
  'election-results': {
    valid: [
      // URIs the field definitions table makes mandatory and the JSON schema does not: warnings.
      ['header-missing', 'warning', undefined, 1, undefined], // ElectedBodyURI
      ['header-missing', 'warning', undefined, 1, undefined], // ElectoralAreaURI
      ['header-missing', 'warning', undefined, 1, undefined], // OrganisationURI
      // The field definitions table's names for the JSON schema's fields.
      ['header-mismatch', 'warning', undefined, 1, 'OrganisationLabel'],
      ['header-mismatch', 'warning', undefined, 1, 'ElectionDate'],
      ['header-mismatch', 'warning', undefined, 1, 'ElectedBodyLabel'],
      ['header-mismatch', 'warning', undefined, 1, 'ElectoralAreaLabel'],
      ['header-mismatch', 'warning', undefined, 1, 'CommonlyUsedSurname'],
      ['header-mismatch', 'warning', undefined, 1, 'CommonlyUsedForenames'],
      ['value-missing', 'warning', 2, 3, 'ServiceTypeURI'], // empty on the second row
    ],
    invalid: [
      ['header-missing', 'warning', undefined, 1, undefined], // ElectedBodyURI
      ['header-missing', 'warning', undefined, 1, undefined], // ElectoralAreaURI
      ['header-missing', 'warning', undefined, 1, undefined], // OrganisationURI
      ['header-missing', 'error', undefined, 1, undefined], // CandidateUsedForenames: the column is mandatory
      ['value-enum', 'error', 1, 2, 'ServiceTypeURI'], // the public toilets service
      ['value-format', 'error', 1, 2, 'Electiondate'], // 02/05/2024
      ['value-enum', 'error', 1, 2, 'TypeOfElection'], // Local
      ['value-type', 'error', 1, 2, 'VotesWon'], // 1 234
      ['value-enum', 'error', 1, 2, 'Elected'], // Elected, not ELECTED
    ],
  },
};

const IDS = Object.keys(CASES);

function summarise(issues: any[]): Expected[] {
  return issues.map((i) => [i.code, i.severity, i.row, i.line, i.column]);
}

describe.each(IDS)('the %s standard', (id) => {
  const dir = join(FIXTURES, 'standards', id);

  it('passes a file written to it', async () => {
    const { code, report: r } = await report([join(dir, 'valid.csv'), '-s', id]);
    expect(r.files[0].counts.error).toBe(0);
    expect(code).toBe(0);
    expect(summarise(r.files[0].issues)).toEqual(CASES[id]!.valid);
  });

  it('reports each planted problem where it is', async () => {
    const { code, report: r } = await report([join(dir, 'invalid.csv'), '-s', id]);
    expect(code).toBe(1);
    expect(summarise(r.files[0].issues)).toEqual(CASES[id]!.invalid);
  });

  it('passes its own example', async () => {
    const { code, report: r } = await report([join(BUNDLED_DIR, id, 'example.csv'), '-s', id]);
    expect(r.files[0].issues).toEqual([]);
    expect(code).toBe(0);
  });

  it('names each header only once, so a column can mean only one field', async () => {
    const standard = await loadStandardFile(join(BUNDLED_DIR, id, 'schema.json'));
    const owner = new Map<string, string>();
    for (const field of standard.fields) {
      for (const name of [field.name, ...field.aliases]) {
        const key = normaliseName(name);
        expect(owner.get(key) ?? field.name, `"${name}" of ${field.name}`).toBe(field.name);
        owner.set(key, field.name);
      }
    }
  });

  it('gives every field an example, so its template can show one', async () => {
    const standard = await loadStandardFile(join(BUNDLED_DIR, id, 'schema.json'));
    expect(standard.fields.filter((f) => f.examples.length === 0).map((f) => f.name)).toEqual([]);
  });
});

describe('the bundled library', () => {
  const entries = new Registry().list().filter((e) => e.bundled);

  it('holds every LGA standard under its id', () => {
    const ids = entries.map((e) => e.id);
    for (const id of IDS) expect(ids).toContain(id);
  });

  it.each(entries.map((e) => [e.id, e.path] as const))("%s loads as a valid schema, checked as strictly as a user's own", async (_id, path) => {
    // Not trusted: the schema is checked against its draft and compiled with conform's keywords.
    const standard = await loadStandardFile(path);
    expect(standard.title).toBeTruthy();
  });

  // An example that refers to other files (x-foreignKeys) is one table of a set and passes only beside them:
  // those are checked as sets (open-referral-uk-set.test.ts).
  const refersToOtherFiles = (path: string) => JSON.parse(readFileSync(path, 'utf8'))['x-foreignKeys'] !== undefined;
  const withExamples = entries.filter((e) => existsSync(join(e.path, '..', 'example.csv')) && !refersToOtherFiles(e.path));
  it.each(withExamples.map((e) => [`${e.id}@${e.version}`, e.path] as const))('the example of %s passes', async (spec, path) => {
    const { code } = await report([join(path, '..', 'example.csv'), '-s', spec]);
    expect(code).toBe(0);
  });
});

describe('the worked example in docs/standards.md', () => {
  it('gives the output the guide shows', async () => {
    const guide = readFileSync(join(ROOT, 'docs', 'standards.md'), 'utf8');
    const blocks = [...guide.matchAll(/```(\w+) ([^\n]+)\n([\s\S]*?)```/g)].map(([, , info, body]) => ({ info: info!, body: body! }));
    const files = blocks.filter((b) => b.info.startsWith('file='));
    const command = blocks.find((b) => b.info === 'command')!.body.trim();
    const output = blocks.find((b) => b.info === 'output')!.body;
    expect(files.map((f) => f.info)).toEqual(['file=standards/allotment-sites/schema.json', 'file=standards/allotment-sites/wards.csv', 'file=allotments.csv']);

    const dir = scratch();
    for (const file of files) {
      const path = join(dir, file.info.slice('file='.length));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.body);
    }
    expect(command.startsWith('conform ')).toBe(true);
    const { code, stdout } = await cli(command.slice('conform '.length).split(' '), { cwd: dir });
    expect(stdout).toBe(output);
    expect(code).toBe(1);
  });
});
