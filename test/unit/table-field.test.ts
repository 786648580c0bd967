// One field of a Frictionless Table Schema (or a csvlint schema with an XSD datatype) as the JSON Schema
// property a CSV cell is checked with, and what is not carried over, in words.
import { describe, expect, it } from 'vitest';
import { anchored, tableField, truthy, xsdName, xsdSchema } from '../../src/standards/import/table-field.js';
import type { JsonObject } from '../../src/standards/import/types.js';

describe('xsdName and xsdSchema', () => {
  it.each([
    ['http://www.w3.org/2001/XMLSchema#dateTime', 'dateTime'],
    ['xsd:dateTime', 'dateTime'],
    ['integer', 'integer'],
  ])('%s is %s', (type, name) => {
    expect(xsdName(type)).toBe(name);
  });

  it.each([
    ['xsd:anyURI', { type: 'string', format: 'uri' }],
    ['nonNegativeInteger', { type: 'integer', minimum: 0 }],
    ['positiveInteger', { type: 'integer', minimum: 1 }],
    ['xsd:double', { type: 'number' }],
    ['xsd:dateTime', { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] }],
    ['gYear', { type: 'integer' }],
  ])('%s → %j', (type, schema) => {
    const notCarried: string[] = [];
    expect(xsdSchema(type, notCarried, 'Amount')).toEqual(schema);
    expect(notCarried).toEqual([]);
  });

  it('an unknown datatype is read as text, and said so', () => {
    const notCarried: string[] = [];
    expect(xsdSchema('xsd:hexBinary', notCarried, 'Hash')).toEqual({ type: 'string' });
    expect(notCarried).toEqual(['Hash: the datatype xsd:hexBinary is not known to conform, so its values are read as text.']);
  });
});

describe('tableField', () => {
  it.each([
    [{ name: 'Amount', type: 'number' }, { type: 'number' }, []],
    [{ name: 'Count', type: 'integer', constraints: { minimum: '0', maximum: 10 } }, { type: 'integer', minimum: 0, maximum: 10 }, []],
    [{ name: 'Paid', type: 'date' }, { type: 'string', format: 'date' }, []],
    [{ name: 'Month', type: 'yearmonth' }, { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }, []],
    [{ name: 'Shape', type: 'geojson' }, { type: 'string', format: 'geojson-geometry' }, []],
    [{ name: 'Anything', type: 'any' }, {}, []],
    [{ name: 'Plain' }, { type: 'string' }, []],
    [{ name: 'Mail', type: 'string', format: 'email' }, { type: 'string', format: 'email' }, []],
    [{ name: 'Link', format: 'uri' }, { type: 'string', format: 'uri' }, []],
    [{ name: 'Id', format: 'uuid' }, { type: 'string', format: 'uuid' }, []],
    [{ name: 'Code', constraints: { pattern: 'E\\d{8}', enum: ['E06000001', ''] } }, { type: 'string', pattern: '^(?:E\\d{8})$', enum: ['E06000001'] }, []],
    [{ name: 'Ref', constraints: { type: 'xsd:positiveInteger' } }, { type: 'integer', minimum: 1 }, []],
    [
      { name: 'Title', title: 'The title', description: ' A description ', example: 'x' },
      { type: 'string', title: 'The title', description: 'A description', examples: ['x'] },
      [],
    ],
    [{ name: 'Note', 'dc:description': 'From CSVW', examples: ['a', 'b'] }, { type: 'string', description: 'From CSVW', examples: ['a', 'b'] }, []],
    [{ name: 'Geo', type: 'geopoint' }, { type: 'string' }, ['Geo: the Table Schema type geopoint is read as text.']],
    [
      { name: 'Paid', type: 'date', format: '%d/%m/%Y' },
      { type: 'string', format: 'date' },
      ['Paid: the date format "%d/%m/%Y" is not carried over; conform expects ISO 8601 (YYYY-MM-DD) and suggests a repair for other forms.'],
    ],
    [
      { name: 'Amount', type: 'number', bareNumber: false, groupChar: ',' },
      { type: 'number' },
      ['Amount: the Table Schema property bareNumber is not carried over.', 'Amount: the Table Schema property groupChar is not carried over.'],
    ],
    [
      { name: 'site', 'digital-land': { typos: ['sitte', 'site', 'sitte', 3], deprecated: true } },
      { type: 'string', 'x-aliases': ['sitte'] },
      ['site is marked deprecated in the source; it is still read.'],
    ],
  ] as Array<[JsonObject, JsonObject, string[]]>)('%j', (field, property, notCarried) => {
    const all: string[] = ['earlier'];
    const result = tableField(field, all)!;
    expect(result.property).toEqual(property);
    expect(result.notCarried).toEqual(notCarried);
    expect(all).toEqual(['earlier', ...notCarried]);
  });

  it.each([
    [{ required: true, unique: 'true' }, true, true],
    [{ required: 'false' }, false, false],
    [{}, false, false],
  ])('constraints %j: required %s, unique %s', (constraints, required, unique) => {
    expect(tableField({ name: 'A', constraints }, [])).toMatchObject({ name: 'A', required, unique });
  });

  it('a field without a name is left out, and said so', () => {
    const notCarried: string[] = [];
    expect(tableField({ type: 'string' }, notCarried)).toBeUndefined();
    expect(notCarried).toEqual(['A field without a name was left out.']);
  });
});

describe('truthy and anchored', () => {
  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['yes', false],
    [1, false],
  ])('truthy(%j) is %s', (value, answer) => {
    expect(truthy(value)).toBe(answer);
  });

  it('anchors a pattern to the whole value, alternatives and all', () => {
    expect(anchored('a|b')).toBe('^(?:a|b)$');
  });
});
