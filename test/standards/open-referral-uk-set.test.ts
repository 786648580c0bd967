// Open Referral UK publishes a directory as one CSV per table, joined by ids. Each table has its own
// standard; a folder's files are checked together in one run, each against its table's standard (found
// from its header), so the references between them (x-foreignKeys, relative to the data file) are
// checked too. Two fixture sets: one consistent, one with planted problems, every issue asserted.
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandardFile } from '../../src/standards/load.js';
import { FIXTURES, ROOT, report, scratch } from '../helpers.js';

/** Each table's file name, as the official example set names it, and the standard that checks it. */
const TABLES: Record<string, string> = {
  'services.csv': 'open-referral-uk',
  'organizations.csv': 'open-referral-uk-organizations',
  'locations.csv': 'open-referral-uk-locations',
  'service_at_location.csv': 'open-referral-uk-service-at-location',
  'addresses.csv': 'open-referral-uk-addresses',
  'contacts.csv': 'open-referral-uk-contacts',
  'phones.csv': 'open-referral-uk-phones',
  'schedules.csv': 'open-referral-uk-schedules',
  'cost_options.csv': 'open-referral-uk-cost-options',
  'taxonomies.csv': 'open-referral-uk-taxonomies',
  'taxonomy_terms.csv': 'open-referral-uk-taxonomy-terms',
  'attribute.csv': 'open-referral-uk-attributes',
  'funding.csv': 'open-referral-uk-funding',
  'service_areas.csv': 'open-referral-uk-service-areas',
  'languages.csv': 'open-referral-uk-languages',
  'accessibility.csv': 'open-referral-uk-accessibility',
  'organization_identifiers.csv': 'open-referral-uk-organization-identifiers',
};

const GOOD = `${FIXTURES}/standards/open-referral-uk-set`;
const BROKEN = `${FIXTURES}/standards/open-referral-uk-set-broken`;

/**
 * A folder checked as a user would, in one run with each file's standard detected from its header; the
 * file reports by file name, each checked to be against its table's standard.
 */
async function checkSet(dir: string) {
  const { code, report: r } = await report([dir]);
  const files: Record<string, any> = {};
  for (const f of r.files) files[basename(f.path)] = f;
  for (const [name, f] of Object.entries(files)) {
    expect(f.standard.id, name).toBe(TABLES[name]);
    expect(f.standard.detected?.from, name).toBe('header');
  }
  return { code, files };
}

/** [file, code, row, line, column, value, otherFile] */
type Found = [string, string, number | undefined, number | undefined, string | undefined, string | undefined, string | undefined];

function issuesOf(files: Record<string, any>): Found[] {
  return Object.entries(files).flatMap(([name, f]) => f.issues.map((i: any): Found => [name, i.code, i.row, i.line, i.column, i.value, i.otherFile]));
}

describe('a consistent Open Referral UK set', () => {
  it('passes with no issue: every table, and every reference between them, is right', async () => {
    const { code, files } = await checkSet(GOOD);
    expect(Object.keys(files).sort()).toEqual(Object.keys(TABLES).sort());
    expect(issuesOf(files)).toEqual([]);
    expect(code).toBe(0);
    expect(Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.rows]))).toEqual({
      'accessibility.csv': 1,
      'addresses.csv': 1,
      'attribute.csv': 1,
      'contacts.csv': 2,
      'cost_options.csv': 1,
      'funding.csv': 1,
      'languages.csv': 1,
      'locations.csv': 2,
      'organization_identifiers.csv': 1,
      'organizations.csv': 2,
      'phones.csv': 2,
      'schedules.csv': 2,
      'service_areas.csv': 1,
      'service_at_location.csv': 3,
      'services.csv': 3,
      'taxonomies.csv': 1,
      'taxonomy_terms.csv': 2,
    });
  });
});

describe('an Open Referral UK set with planted problems', () => {
  it('reports each problem in its file, row, line and column, naming the other file', async () => {
    const { code, files } = await checkSet(BROKEN);
    expect(issuesOf(files)).toEqual([
      // A contact whose service is not in services.csv; its row starts on line 4 because row 1's title
      // is a quoted cell over two lines.
      ['contacts.csv', 'key-reference', 2, 4, 'service_id', 'daaf104f-e627-4a62-bdc1-423749ef4421', 'services.csv'],
      // A language naming a phone that phones.csv does not have (languages refer to two files).
      ['languages.csv', 'key-reference', 1, 2, 'phone_id', 'ee76461d-5d5f-40c9-b7db-095eb4e8b802', 'phones.csv'],
      // Eastings and northings written as latitude and longitude.
      ['locations.csv', 'value-range', 1, 2, 'latitude', '389500', undefined],
      ['locations.csv', 'value-range', 1, 2, 'longitude', '393400', undefined],
      // The council's row lost its id: the primary key is empty (reported once, as the required field).
      ['organizations.csv', 'value-missing', 2, 3, 'id', undefined, undefined],
      // A service at a location whose service does not exist.
      ['service_at_location.csv', 'key-reference', 2, 3, 'service_id', 'c861b46d-e773-4e67-bf68-e0a7bb4187a3', 'services.csv'],
      // The café entered twice, and a service of the council whose id is gone from organizations.csv.
      ['services.csv', 'key-duplicate', 3, 4, 'id', 'afd73c71-10bc-4075-b0c4-c18d0c775066', undefined],
      ['services.csv', 'key-reference', 4, 5, 'organization_id', '9edc2c91-773c-4573-b6bb-2b20b0d542b3', 'organizations.csv'],
      // The terms name a taxonomy, but the set has no taxonomies.csv: one issue for the file, on no row.
      ['taxonomy_terms.csv', 'key-reference', undefined, undefined, undefined, undefined, 'taxonomies.csv'],
    ]);
    expect(
      Object.entries(files)
        .filter(([, f]) => f.passed)
        .map(([name]) => name),
    ).toEqual(['phones.csv']);
    expect(code).toBe(1);
  });

  it('says where the duplicate id was first used, and which file a reference was looked for in', async () => {
    const { files } = await checkSet(BROKEN);
    const duplicate = files['services.csv'].issues.find((i: any) => i.code === 'key-duplicate');
    expect(duplicate).toMatchObject({ severity: 'error', columnIndex: 1, firstRow: 1, firstLine: 2 });
    expect(duplicate.message).toBe('id "afd73c71-10bc-4075-b0c4-c18d0c775066" is used more than once (first in row 1, line 2)');
    const service = files['service_at_location.csv'].issues[0];
    expect(service).toMatchObject({ severity: 'error', columnIndex: 2 });
    expect(service.message).toBe('service_id "c861b46d-e773-4e67-bf68-e0a7bb4187a3" is not in services.csv (id)');
    const missing = files['taxonomy_terms.csv'].issues[0];
    expect(missing.severity).toBe('error');
    expect(missing.message).toBe('References to taxonomies.csv cannot be checked: there is no taxonomies.csv in the same folder as this file');
  });

  it('phones.contact_id is not checked against contacts.csv: the data package declares no foreign key for it', async () => {
    const dir = scratch({ 'phones.csv': 'id,contact_id,number\n805e2ea7-5f94-45a7-af85-8dd196d9b248,ee76461d-5d5f-40c9-b7db-095eb4e8b802,0161 496 0000\n' });
    const { code, report: r } = await report([join(dir, 'phones.csv'), '--standard', 'open-referral-uk-phones']);
    expect(r.files[0].issues).toEqual([]);
    expect(code).toBe(0);
  });

  it('a reference is checked through a column read under an alias', async () => {
    const dir = scratch({
      'organizations.csv': 'id,name,description\n38e85c0f-597f-4343-91a2-46a464cb1631,Testborough Carers Network,Support for carers.\n',
      'organization_identifiers.csv':
        'id,organisation_id,identifier_scheme,identifier_type,identifier\n' +
        '57f82402-f212-4498-9e3d-366392a90bac,38e85c0f-597f-4343-91a2-46a464cb1631,GB-CHC,Charity number,1098765\n' +
        '2fe6b29a-35bc-4401-8a8f-81dcc01397d2,14eddf9e-9959-4eb8-b02c-099c27fa7ea7,GB-COH,Company number,01234567\n',
    });
    const { report: r } = await report([join(dir, 'organization_identifiers.csv'), '--standard', 'open-referral-uk-organization-identifiers']);
    expect(r.files[0].issues.map((i: any) => [i.code, i.severity, i.row, i.line, i.column, i.field, i.value, i.otherFile])).toEqual([
      ['header-mismatch', 'warning', undefined, 1, 'organisation_id', 'organization_id', undefined, undefined],
      ['key-reference', 'error', 2, 3, 'organisation_id', 'organization_id', '14eddf9e-9959-4eb8-b02c-099c27fa7ea7', 'organizations.csv'],
    ]);
  });
});

describe('the bundled Open Referral UK standards', () => {
  const ids = Object.entries(TABLES);

  it.each(ids)('%s: %s is a standard of records, keyed by id, whose notes name the files it refers to', async (name, id) => {
    const standard = await loadStandardFile(`${ROOT}/schemas/${id}/schema.json`);
    expect([standard.id, standard.mode]).toEqual([id, 'records']);
    expect(standard.schema['x-primaryKey']).toBe('id');
    expect(standard.title).toContain(`(${name})`);
    const notes = standard.notes!.join('\n');
    for (const fk of (standard.schema['x-foreignKeys'] as any[] | undefined) ?? []) expect(notes).toContain(fk.reference.resource);
  });

  it('each foreign key names a file of the set and an id field of its standard, as the data package does', async () => {
    const keys: string[] = [];
    for (const [name, id] of ids) {
      const standard = await loadStandardFile(`${ROOT}/schemas/${id}/schema.json`);
      for (const fk of (standard.schema['x-foreignKeys'] as any[] | undefined) ?? []) {
        expect(Object.keys(TABLES)).toContain(fk.reference.resource);
        expect(fk.reference.fields).toEqual(['id']);
        keys.push(`${name}.${fk.fields.join('+')} -> ${fk.reference.resource}`);
      }
    }
    expect(keys.sort()).toEqual([
      'accessibility.csv.location_id -> locations.csv',
      'addresses.csv.location_id -> locations.csv',
      'attribute.csv.taxonomy_term_id -> taxonomy_terms.csv',
      'contacts.csv.service_id -> services.csv',
      'cost_options.csv.service_id -> services.csv',
      'funding.csv.service_id -> services.csv',
      'languages.csv.phone_id -> phones.csv',
      'languages.csv.service_id -> services.csv',
      'organization_identifiers.csv.organization_id -> organizations.csv',
      'schedules.csv.service_id -> services.csv',
      'service_areas.csv.service_id -> services.csv',
      'service_at_location.csv.location_id -> locations.csv',
      'service_at_location.csv.service_id -> services.csv',
      'services.csv.organization_id -> organizations.csv',
      'taxonomy_terms.csv.taxonomy_id -> taxonomies.csv',
    ]);
  });

  it("their examples, put in one folder under the tables' file names, are a set that passes", async () => {
    const dir = scratch();
    for (const [name, id] of ids) copyFileSync(`${ROOT}/schemas/${id}/example.csv`, join(dir, name));
    const { code, files } = await checkSet(dir);
    expect(Object.keys(files)).toHaveLength(ids.length);
    expect(issuesOf(files)).toEqual([]);
    expect(Object.values(files).every((f: any) => f.rows >= 1)).toBe(true);
    expect(code).toBe(0);
  });

  it('an example that refers to other tables, checked on its own, says once per table that its references cannot be checked', async () => {
    const { code, report: r } = await report([`${ROOT}/schemas/open-referral-uk-service-at-location/example.csv`, '--standard', 'open-referral-uk-service-at-location']);
    const found = r.files[0].issues.map((i: any) => [i.code, i.row, i.otherFile]);
    expect(found.sort((a: string[], b: string[]) => a[2]!.localeCompare(b[2]!))).toEqual([
      ['key-reference', undefined, 'locations.csv'],
      ['key-reference', undefined, 'services.csv'],
    ]);
    expect(code).toBe(1);
  });
});
