// `conform standards import` on the real published definitions in the corpus: each import must load as a
// standard, carry the source's fields, requirements and keys over, and check the source's own example
// files. The corpus is read from ../shared/corpus and is not part of the project: without it the
// round-trip tests are skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { loadStandardFile } from '../../../src/standards/load.js';
import { CORPUS, cli, hasCorpus, report, ROOT, scratch } from '../../helpers.js';

if (!hasCorpus) console.log(`Skipping the import round-trip tests: ${CORPUS} is not there`);
const SPEC = join(CORPUS, 'digital-land-specification');
/** The columns of specification-field.csv that the tests read. */
type SpecField = { dataset: string; field: string; 'requirement-level': string };
const rows = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as SpecField[];
const schemaOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8'));

describe.skipIf(!hasCorpus)('digital-land specification', () => {
  const specFields = rows(join(SPEC, 'specification', 'specification-field.csv'));
  for (const dataset of ['plan', 'plan-timetable', 'tree', 'article-4-direction-area', 'developer-agreement-contribution', 'listed-building-outline']) {
    it(`imports ${dataset} with every field, in order, and its requirement levels`, async () => {
      const out = join(scratch(), dataset);
      const result = await cli(['standards', 'import', SPEC, '-o', out, '--dataset', dataset]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const mine = specFields.filter((r) => r.dataset === dataset);
      const schema = schemaOf(out);
      expect(Object.keys(schema.properties).sort()).toEqual(mine.map((r) => r.field).sort());
      for (const row of mine) {
        const level = row['requirement-level'];
        if (level === 'MUST' || level === 'SHOULD') expect(schema.required).toContain(row.field);
        if (level === 'SHOULD') expect(schema.properties[row.field]['x-severity']).toEqual({ 'header-missing': 'warning', 'value-missing': 'warning' });
        if (level === 'MAY' || level === 'CONDITIONAL') expect(schema.required).not.toContain(row.field);
      }
      expect(schema['x-primaryKey']).toBe('reference');
      expect(schema['x-standard'].sources[0]).toMatchObject({
        url: expect.stringMatching(/^https:\/\/digital-land\.github\.io\/specification\/specification\//),
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      const standard = await loadStandardFile(join(out, 'schema.json'));
      expect(standard.id).toBe(dataset);
      expect(readFileSync(join(out, 'NOTES.md'), 'utf8')).toMatch(/^# .*what the import did not carry over/);
    });
  }

  // The planning standards conform bundled before the importer existed were written by hand from the same
  // specification: an import must come back with the same fields, requirements and keys, and accept their examples.
  for (const dataset of ['conservation-area', 'tree-preservation-order', 'article-4-direction']) {
    it(`imports ${dataset} as the hand-written bundled standard has it`, async () => {
      const out = join(scratch(), dataset);
      await cli(['standards', 'import', SPEC, '-o', out, '--dataset', dataset]);
      const imported = schemaOf(out);
      const bundled = schemaOf(join(ROOT, 'schemas', dataset));
      expect(Object.keys(imported.properties)).toEqual(Object.keys(bundled.properties));
      expect([...imported.required].sort()).toEqual([...bundled.required].sort());
      expect(imported['x-primaryKey']).toEqual(bundled['x-primaryKey']);
      expect(imported.anyOf).toEqual(bundled.anyOf);
      const { code, report: r } = await report([join(ROOT, 'schemas', dataset, 'example.csv'), '--standard', join(out, 'schema.json')]);
      expect(r.files[0].issues).toEqual([]);
      expect(code).toBe(0);
    });
  }

  it('gives geometry fields the WKT formats, and a point-or-geometry rule', async () => {
    const out = join(scratch(), 'tree');
    await cli(['standards', 'import', SPEC, '-o', out, '--dataset', 'tree']);
    const schema = schemaOf(out);
    expect(schema.$defs.multipolygon.format).toBe('wkt-multipolygon');
    expect(schema.$defs.point.format).toBe('wkt-point');
    expect(schema.anyOf).toEqual([{ required: ['geometry'] }, { required: ['point'] }]);
    const dir = scratch({
      'trees.csv': 'reference,point,entry-date\nT1,POINT (-1.2 52.3),2024-01-01\nT2,POINT (52.3 -1.2),2024-01-01\nT3,POINT (-1.2 52.3),2024-13-01\n',
    });
    const { report: r } = await report([join(dir, 'trees.csv'), '--standard', join(out, 'schema.json')]);
    const codes = r.files[0].issues.map((i: { code: string; row: number }) => `${i.code}@${i.row}`);
    // Rows count data records from 1: T2 has its latitude first, T3 a thirteenth month.
    expect(codes).toEqual(['value-format@2', 'value-format@3']);
  });

  it('says which datasets there are when none is named, and refuses an unknown one', async () => {
    const out = join(scratch(), 'x');
    const none = await cli(['standards', 'import', SPEC, '-o', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--dataset');
    expect(none.stderr).toContain('plan-timetable');
    const unknown = await cli(['standards', 'import', SPEC, '-o', out, '--dataset', 'no-such-dataset']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no dataset "no-such-dataset"');
  });
});

describe.skipIf(!hasCorpus)('Table Schema, data package, csvlint and CSVW', () => {
  it('imports the brownfield-land Table Schema with its typos as aliases, and checks a real register', async () => {
    const out = join(scratch(), 'bl');
    const result = await cli(['standards', 'import', join(CORPUS, 'brownfield-land', 'schema', 'brownfield-land.tableschema.json'), '-o', out, '--id', 'brownfield-2020']);
    expect(result.code).toBe(0);
    const source = JSON.parse(readFileSync(join(CORPUS, 'brownfield-land', 'schema', 'brownfield-land.tableschema.json'), 'utf8'));
    const schema = schemaOf(out);
    expect(Object.keys(schema.properties)).toEqual(source.fields.map((f: { name: string }) => f.name));
    expect(schema.required).toEqual(source.fields.filter((f: { constraints?: { required?: boolean } }) => f.constraints?.required).map((f: { name: string }) => f.name));
    expect(schema.properties.OrganisationURI['x-aliases']).toContain('Organisation URL');
    const { report: r } = await report([join(CORPUS, 'brownfield-land', 'data', 'north-kesteven-brownfield.csv'), '--standard', join(out, 'schema.json')]);
    expect(r.files[0].rows).toBe(2);
  });

  it('imports one resource of the Open Referral UK data package, with its keys', async () => {
    const out = join(scratch(), 'orgs');
    const pkg = join(CORPUS, 'openreferral-uk', 'schema', 'datapackage.json');
    const many = await cli(['standards', 'import', pkg, '-o', out]);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('--resource');
    const result = await cli(['standards', 'import', pkg, '-o', out, '--resource', 'organization']);
    expect(result.code).toBe(0);
    const schema = schemaOf(out);
    const source = JSON.parse(readFileSync(pkg, 'utf8')).resources.find((r: { name: string }) => r.name === 'organization').schema;
    expect(Object.keys(schema.properties)).toEqual(source.fields.map((f: { name: string }) => f.name));
    expect(schema['x-primaryKey']).toBe('id');
    expect(schema.properties.id.format).toBe('uuid');
  });

  it('imports a csvlint schema that is not strict JSON, with XSD types and string "true" requirements', async () => {
    const out = join(scratch(), 'toilets');
    const result = await cli(['standards', 'import', join(CORPUS, 'lga-public-toilets', 'schema', 'PublicToilets.json'), '-o', out, '--kind', 'csvlint']);
    expect(result.stderr).toBe('');
    const schema = schemaOf(out);
    expect(schema.required).toContain('ExtractDate');
    expect(schema.required).not.toContain('OrganisationURI');
    expect(schema.properties.OrganisationURI.format).toBe('uri');
    const { report: r } = await report([join(CORPUS, 'lga-public-toilets', 'data', 'example-public-toilets.rbkc.csv'), '--standard', join(out, 'schema.json')]);
    expect(r.files[0].rows).toBe(21);
    expect(r.files[0].issues.filter((i: { code: string }) => i.code === 'header-unknown')).toEqual([]);
  });

  it('imports a UTF-16 csvlint schema', async () => {
    const out = join(scratch(), 'spend');
    const result = await cli(['standards', 'import', join(CORPUS, 'lga-spend', 'schema', 'Spend.utf16le.json'), '-o', out]);
    expect(result.code).toBe(0);
    expect(schemaOf(out).properties.Amount.type).toBe('number');
  });

  it('imports CSVW metadata, and names the file when it is not valid JSON', async () => {
    const good = join(CORPUS, 'lga-counter-fraud', 'data', 'trafford', 'trafford_counter_fraud.csv-metadata.json');
    const out = join(scratch(), 'cf');
    const result = await cli(['standards', 'import', good, '-o', out, '--kind', 'csvw']);
    if (result.code === 0) {
      const schema = schemaOf(out);
      expect(Object.keys(schema.properties).length).toBeGreaterThan(3);
      expect(readFileSync(join(out, 'NOTES.md'), 'utf8')).toContain('no datatypes');
    } else {
      expect(result.stderr).toContain('is not valid JSON');
    }
    const bad = await cli(['standards', 'import', join(CORPUS, 'lga-spend', 'data', 'trafford', 'supplier_spend.csv-metadata.json'), '-o', join(scratch(), 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/supplier_spend\.csv-metadata\.json is not valid JSON/);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('writing the standard', () => {
  const tableSchema = JSON.stringify({
    fields: [
      { name: 'id', type: 'integer', constraints: { required: true } },
      { name: 'when', type: 'date' },
    ],
    primaryKey: 'id',
  });

  it('refuses to replace a standard without --force, and replaces it with --force', async () => {
    const dir = scratch({ 'table.json': tableSchema });
    const first = await cli(['standards', 'import', 'table.json', '-o', 'out'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('the standard "table" with 2 fields');
    const again = await cli(['standards', 'import', 'table.json', '-o', 'out'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    writeFileSync(join(dir, 'table.json'), tableSchema.replace('"when"', '"on"'));
    const forced = await cli(['standards', 'import', 'table.json', '-o', 'out', '--force', '--id', 'my-table'], { cwd: dir });
    expect(forced.code).toBe(0);
    const schema = schemaOf(join(dir, 'out'));
    expect(Object.keys(schema.properties)).toEqual(['id', 'on']);
    expect(schema['x-standard'].id).toBe('my-table');
  });

  it('never writes over the source it reads', async () => {
    const dir = scratch({ 'schema.json': tableSchema });
    const result = await cli(['standards', 'import', 'schema.json', '-o', '.', '--force'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would overwrite the input');
    expect(readFileSync(join(dir, 'schema.json'), 'utf8')).toBe(tableSchema);
  });

  it('an imported standard checks data: a missing required value and a bad date fail', async () => {
    const dir = scratch({ 'table.json': tableSchema, 'data.csv': 'id,when\n1,2024-02-01\n,2024-02-30\n' });
    await cli(['standards', 'import', 'table.json', '-o', 'std'], { cwd: dir });
    const { report: r, code } = await report(['data.csv', '--standard', 'std/schema.json'], { cwd: dir });
    expect(code).toBe(1);
    const codes = r.files[0].issues.map((i: { code: string }) => i.code);
    expect(codes).toContain('value-missing');
    expect(codes).toContain('value-format');
  });

  it('reads a data package resource whose schema is a file beside it, and never one outside its folder', async () => {
    const pkg = (schema: string) => JSON.stringify({ name: 'sites', resources: [{ name: 'sites', path: 'sites.csv', schema }] });
    const dir = scratch({ 'datapackage.json': pkg('sites.schema.json'), 'sites.schema.json': tableSchema });
    const result = await cli(['standards', 'import', 'datapackage.json', '-o', 'std'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(schemaOf(join(dir, 'std'))['x-standard'].id).toBe('sites-sites');
    writeFileSync(join(dir, 'datapackage.json'), pkg('../../etc/passwd'));
    const outside = await cli(['standards', 'import', 'datapackage.json', '-o', 'std2'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/will not read|is not there/);
  });

  it('says so when a data package has no Table Schema', async () => {
    const dir = scratch({ 'datapackage.json': JSON.stringify({ name: 'spend', resources: [{ name: 'q1', path: 'q1.csv' }] }) });
    const result = await cli(['standards', 'import', 'datapackage.json', '-o', 'std'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('have no Table Schema');
  });

  it('refuses an unknown kind and a bad id in one line', async () => {
    const dir = scratch({ 'table.json': tableSchema });
    const kind = await cli(['standards', 'import', 'table.json', '-o', 'o', '--kind', 'excel'], { cwd: dir });
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Unknown --kind "excel"');
    const id = await cli(['standards', 'import', 'table.json', '-o', 'o', '--id', 'Bad Id'], { cwd: dir });
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('is not a standard id');
  });
});
