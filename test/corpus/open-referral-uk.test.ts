// The official Open Referral UK example set (one CSV per table, joined by ids), checked as a user would:
// the whole folder in one command, each file's standard detected from its header, so every file is
// checked against its table's standard and the references between the files are checked too.
// Each file's counts by code were reviewed by reading the report; the comment says why that result is
// right. The corpus is read from ../shared/corpus and is not part of the project: without it these tests
// are skipped.
import { beforeAll, describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { CORPUS, hasCorpus, report, type CorpusCase } from '../helpers.js';

if (!hasCorpus) console.log(`Skipping the Open Referral UK corpus tests: ${CORPUS} is not there`);

const DIR = `${CORPUS}/openreferral-uk/data/csv`;

const CASES: CorpusCase[] = [
  {
    file: 'organizations.csv',
    standard: 'open-referral-uk-organizations',
    rows: 1,
    byCode: {},
    why:
      'One organization with every field well formed. Its parent_organization_id (cd09a387…) is not in the file, but the data ' +
      'package declares no foreign key for it, so it is not a finding.',
  },
  {
    file: 'services.csv',
    standard: 'open-referral-uk',
    rows: 1,
    byCode: { 'value-invalid': 1 },
    why:
      'One service; its organization_id d9d5e0f5… is the id in organizations.csv. Lines end CR CR LF, read as one line break each. ' +
      'Its description ends in a space: a warning, with the trim as the repair.',
  },
  {
    file: 'locations.csv',
    standard: 'open-referral-uk-locations',
    rows: 1,
    byCode: { 'value-range': 1 },
    why: "The location's latitude is 100, which is no latitude (the most is 90). Its longitude, 101, is a possible longitude, so only " + 'the latitude is reported.',
  },
  {
    file: 'service_at_location.csv',
    standard: 'open-referral-uk-service-at-location',
    rows: 1,
    byCode: {},
    why: 'The service (ac148810…) is in services.csv and the location (3a19ff88…) in locations.csv: both references hold.',
  },
  {
    file: 'addresses.csv',
    standard: 'open-referral-uk-addresses',
    rows: 1,
    byCode: { 'header-unknown': 1 },
    why:
      'address_2 is not a field of the UK address table (the data package has address_1 only), so it is an extra column: a warning. ' +
      'The rest conforms; its location_id is in locations.csv. (US-style values such as state "MyState" and country "US" are text the package allows.)',
  },
  {
    file: 'contacts.csv',
    standard: 'open-referral-uk-contacts',
    rows: 1,
    byCode: {},
    why: 'One contact of the service ac148810…, which is in services.csv.',
  },
  {
    file: 'phones.csv',
    standard: 'open-referral-uk-phones',
    rows: 1,
    byCode: {},
    why: 'The number is written with quotation marks inside the cell ("+44 1234 234567"), but a number is free text in the package, so it passes.',
  },
  {
    file: 'schedules.csv',
    standard: 'open-referral-uk-schedules',
    rows: 1,
    byCode: { 'header-unknown': 7 },
    why:
      'Seven HSDS 3.0 columns the UK schedule table does not define (location_id, timezone, until, count, wkst, byweekno, byyearday) ' +
      'are extra columns: warnings. The fields it does define conform (dates, WEEKLY, times 10:00:00 and 18:00:00), and service_id is in services.csv.',
  },
  {
    file: 'cost_options.csv',
    standard: 'open-referral-uk-cost-options',
    rows: 1,
    byCode: {},
    why: 'One cost option (35, per 1 hour session) of the service in services.csv.',
  },
  {
    file: 'taxonomy_terms.csv',
    standard: 'open-referral-uk-taxonomy-terms',
    rows: 1,
    byCode: { 'key-reference': 1 },
    why:
      'The term names its taxonomy (taxonomy_id 07ff6aee…), which must be in taxonomies.csv, but the example set has no taxonomies.csv: ' +
      'one issue saying the references could not be checked.',
  },
];

describe.skipIf(!hasCorpus)('the official Open Referral UK example set, checked as a set', () => {
  let run: Awaited<ReturnType<typeof report>>;
  const file = (name: string) => run.report.files.find((f: any) => basename(f.path) === name);

  beforeAll(async () => {
    run = await report([DIR]);
  });

  it('finds the ten tables and no other file', () => {
    expect(run.report.files.map((f: any) => basename(f.path)).sort()).toEqual(CASES.map((c) => c.file).sort());
    expect(run.report.summary).toMatchObject({ files: 10, passedFiles: 8, failedFiles: 2, rows: 10, errors: 2, warnings: 9 });
    expect(run.code).toBe(1);
  });

  it.each(CASES)('$file is matched to $standard', ({ file: name, standard, rows, byCode, why }) => {
    const f = file(name);
    expect(f.standard.id).toBe(standard);
    expect(f.standard.detected.from).toBe('header');
    expect(f.rows).toBe(rows);
    expect(f.byCode, why).toEqual(byCode);
    expect(f.passed).toBe(f.counts.error === 0);
  });

  it('the latitude of 100 is reported where it is', () => {
    expect(file('locations.csv').issues.map((i: any) => [i.code, i.row, i.line, i.column, i.columnIndex, i.value, i.message])).toEqual([
      ['value-range', 1, 2, 'latitude', 5, '100', 'latitude must be at most 90, but is 100'],
    ]);
  });

  it('the missing taxonomies.csv is one issue about the file, naming it', () => {
    const [issue, ...rest] = file('taxonomy_terms.csv').issues;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'key-reference', severity: 'error', otherFile: 'taxonomies.csv' });
    expect(issue.row).toBeUndefined();
    expect(issue.message).toContain('References to taxonomies.csv cannot be checked');
  });
});
