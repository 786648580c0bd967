// Importing a Frictionless Table Schema, or one inline resource of a data package: fields, keys, missing
// values and the standard's metadata, and the refusals in words.
import { describe, expect, it } from 'vitest';
import { ConformError } from '../../src/errors.js';
import { importDataPackage, importTableSchema } from '../../src/standards/import/table-schema.js';

const SCHEMA = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true, unique: true } },
    { name: 'ref', constraints: { unique: 'true' } },
    { name: 'site', type: 'string' },
    'not a field',
    { type: 'string' },
  ],
  primaryKey: 'id',
  foreignKeys: [
    { fields: 'site', reference: { resource: 'sites', fields: 'id' } },
    { fields: ['ref'], reference: { fields: 'id' } },
  ],
  missingValues: ['', 'NA', 0],
};

describe('importTableSchema', () => {
  const { id, schema, notCarried } = importTableSchema(SCHEMA, { file: '/home/me/work/tree_register.schema.json', kind: 'Table Schema' }, {});

  it('names the standard from the file, never by the path on the machine that made it', () => {
    expect(id).toBe('tree-register-schema');
    expect(schema).toMatchObject({
      $id: 'https://conform.dev/standards/tree-register-schema/1.0/schema.json',
      title: 'tree-register-schema',
      'x-standard': {
        id: 'tree-register-schema',
        mode: 'records',
        version: '1.0',
        source: 'Table Schema tree_register.schema.json',
        sources: [{ title: 'tree_register.schema.json (Table Schema)' }],
      },
    });
    expect(JSON.stringify(schema)).not.toContain('/home/me');
  });

  it('carries fields, the primary key, other unique fields, foreign keys with a resource, and missing values', () => {
    expect(schema).toMatchObject({
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'integer' }, ref: { type: 'string' }, site: { type: 'string' } },
      'x-primaryKey': 'id',
      'x-uniqueKeys': [['ref']],
      'x-foreignKeys': [{ fields: ['site'], reference: { resource: 'sites', fields: ['id'] } }],
      'x-missingValues': ['NA'],
    });
    expect(notCarried).toEqual(['A field without a name was left out.']);
  });

  it('uses the title, version, publisher and licence it is given', () => {
    const imported = importTableSchema(
      { fields: [{ name: 'a' }], primaryKey: ['a', 'b'] },
      { file: 'x.json', title: 'Tree Register', version: '2.1', publisher: 'Anytown', licence: 'OGL-UK-3.0', description: 'Trees', kind: 'Table Schema' },
      { id: 'trees' },
    );
    expect(imported.id).toBe('trees');
    expect(imported.schema).toMatchObject({
      $id: 'https://conform.dev/standards/trees/2.1/schema.json',
      title: 'Tree Register',
      description: 'Trees',
      'x-primaryKey': ['a', 'b'],
      'x-standard': { version: '2.1', publisher: 'Anytown', licence: 'OGL-UK-3.0', sources: [{ title: 'Tree Register (Table Schema)', version: '2.1' }] },
    });
  });

  it('refuses what has no fields list', () => {
    expect(() => importTableSchema({ columns: [] }, { file: 'x.json', kind: 'Table Schema' }, {})).toThrow(
      new ConformError('x.json has no "fields" list, so it is not a Table Schema'),
    );
  });
});

describe('importDataPackage', () => {
  const pkg = {
    name: 'planning',
    title: 'Planning data',
    version: '1.2',
    licenses: [{ name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0' }],
    resources: [
      { name: 'applications', path: 'applications.csv', schema: { fields: [{ name: 'reference', constraints: { required: true } }] } },
      { name: 'sites', path: 'sites.csv', schema: { fields: [{ name: 'id' }] } },
      { name: 'readme', path: 'README.md' },
    ],
  };

  it('imports the resource named, saying which others it left', () => {
    const imported = importDataPackage(pkg, 'datapackage.json', { resource: 'sites.csv' });
    expect(imported.id).toBe('planning-sites');
    expect(imported.schema).toMatchObject({
      title: 'Planning data: sites',
      'x-standard': { version: '1.2', licence: 'Open Government Licence v3.0', source: 'data package datapackage.json (resource sites)' },
      properties: { id: { type: 'string' } },
    });
    expect(imported.notCarried).toEqual(['Only the sites resource was imported; the package also has applications, readme. Foreign keys to them are kept as x-foreignKeys.']);
  });

  it.each([
    ['no resources list', {}, {}, 'datapackage.json has no "resources" list, so it is not a data package'],
    [
      'no resource with a schema',
      { resources: [{ name: 'a' }] },
      {},
      'datapackage.json is a data package whose resources have no Table Schema (no "schema"), so there is nothing to import',
    ],
    ['several with none named', pkg, {}, 'datapackage.json has 2 resources; name one with --resource: applications, sites, readme'],
    ['a resource it does not have', pkg, { resource: 'x' }, 'datapackage.json has no resource "x"; its resources are: applications, sites, readme'],
    ['a resource without a schema', pkg, { resource: 'readme' }, 'The resource "readme" of datapackage.json has no inline Table Schema'],
    [
      'a schema by web address',
      { resources: [{ name: 'a', schema: 'https://example.org/schema.json' }] },
      {},
      'datapackage.json names its Table Schema by web address (https://example.org/schema.json); save it beside the package and import that file',
    ],
  ])('refuses %s', (_, value, options, message) => {
    const attempt = () => importDataPackage(structuredClone(value), 'datapackage.json', options);
    expect(attempt).toThrow(ConformError);
    expect(attempt).toThrow(message);
  });
});
