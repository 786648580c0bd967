// One verdict whatever the form: each divergence once found between conform's CSV path and JSON Schema,
// as a case whose records are checked as CSV, NDJSON and a JSON array and compared with plain ajv.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkForm, type Form } from './verdict-forms.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const Ajv07 = require('ajv').default;
const addFormats = require('ajv-formats').default;

const FORMS: Form[] = ['csv', 'ndjson', 'json'];
const S2020 = 'https://json-schema.org/draft/2020-12/schema';

/** Rows (1-based) plain ajv fails. */
function ajvFailing(schema: any, records: object[]): Set<number> {
  const ajv = schema.$schema?.includes('draft-07') ? new Ajv07({ strict: false, allErrors: true }) : new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return new Set(records.flatMap((r, i) => (validate(r) ? [] : [i + 1])));
}

interface Case {
  name: string;
  schema: object;
  columns: string[];
  records: Array<Record<string, unknown>>;
  /** Forms the case is not run in, with why (documented in docs/standards.md). */
  skip?: Form[];
}

const CASES: Case[] = [
  {
    name: 'required outside properties',
    schema: { $schema: S2020, type: 'object', properties: { Name: { type: 'string' } }, required: ['Name', 'Ward'] },
    columns: ['Name', 'Ward'],
    records: [{ Name: 'a', Ward: 'x' }, { Name: 'b' }],
  },
  {
    name: 'root anyOf of required fields',
    schema: { $schema: S2020, type: 'object', properties: { UPRN: { type: 'integer' }, Address: { type: 'string' } }, anyOf: [{ required: ['UPRN'] }, { required: ['Address'] }] },
    columns: ['UPRN', 'Address', 'Note'],
    records: [{ UPRN: 12 }, { Address: 'High St' }, { Note: 'neither' }, { UPRN: 1, Address: 'x' }],
  },
  {
    name: 'root oneOf, allOf and not',
    schema: {
      $schema: S2020,
      type: 'object',
      properties: { A: { type: 'integer' }, B: { type: 'integer' } },
      oneOf: [{ required: ['A'] }, { required: ['B'] }],
      allOf: [{ properties: { A: { maximum: 10 } } }],
      not: { properties: { B: { const: 13 } }, required: ['B'] },
    },
    columns: ['A', 'B'],
    records: [{ A: 1 }, { A: 1, B: 2 }, { A: 11 }, { B: 13 }, { B: 2 }],
  },
  {
    name: 'root $ref to $defs',
    schema: { $schema: S2020, $ref: '#/$defs/record', $defs: { record: { type: 'object', properties: { N: { type: 'integer', minimum: 0 } }, required: ['N'] } } },
    columns: ['N'],
    records: [{ N: 3 }, { N: -1 }],
  },
  {
    name: 'dependentSchemas and draft-07 dependencies',
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { Card: { type: 'string' }, Expiry: { type: 'string' } },
      dependencies: { Card: { required: ['Expiry'] } },
    },
    columns: ['Card', 'Expiry'],
    records: [{ Card: 'x', Expiry: 'y' }, { Card: 'x' }, { Expiry: 'y' }],
  },
  {
    name: 'dependentRequired and dependentSchemas',
    schema: {
      $schema: S2020,
      type: 'object',
      properties: { A: { type: 'string' }, B: { type: 'string' }, C: { type: 'integer' } },
      dependentRequired: { A: ['B'] },
      dependentSchemas: { B: { properties: { C: { minimum: 5 } } } },
    },
    columns: ['A', 'B', 'C'],
    records: [{ A: 'a', B: 'b', C: 5 }, { A: 'a' }, { B: 'b', C: 4 }, { C: 1 }],
  },
  {
    name: 'minProperties and maxProperties',
    schema: { $schema: S2020, type: 'object', properties: { A: { type: 'string' }, B: { type: 'string' }, C: { type: 'string' } }, minProperties: 1, maxProperties: 2 },
    columns: ['A', 'B', 'C'],
    records: [{ A: 'x' }, { A: 'x', B: 'y', C: 'z' }, {}].slice(0, 2),
  },
  {
    name: 'propertyNames and unknown columns',
    schema: { $schema: S2020, type: 'object', properties: { Ab: { type: 'string' } }, propertyNames: { maxLength: 3 } },
    columns: ['Ab', 'Long name'],
    records: [{ Ab: 'x' }, { Ab: 'x', 'Long name': 'y' }],
  },
  {
    name: 'additionalProperties as a schema, patternProperties',
    schema: {
      $schema: S2020,
      type: 'object',
      properties: { Id: { type: 'string' } },
      patternProperties: { '^Year ': { type: 'integer', minimum: 2000 } },
      additionalProperties: { type: 'string', maxLength: 3 },
    },
    columns: ['Id', 'Year 1', 'Note'],
    records: [
      { Id: 'a', 'Year 1': 2001, Note: 'ok' },
      { Id: 'b', 'Year 1': 1999 },
      { Id: 'c', Note: 'too long' },
    ],
  },
  {
    name: 'two patternProperties, each with its own pattern (patterns run on RE2 are not mixed up)',
    schema: { $schema: S2020, type: 'object', patternProperties: { '^(a+)+x': { type: 'integer' }, '^b(c+)+': { type: 'number', maximum: 20 } } },
    columns: ['ax', 'bcc'],
    records: [{ ax: 21 }, { bcc: 21 }, { ax: 1, bcc: 3 }],
  },
  {
    name: 'unevaluatedProperties false with fields declared through allOf',
    schema: {
      $schema: S2020,
      type: 'object',
      allOf: [{ properties: { A: { type: 'string' } } }, { properties: { B: { type: 'integer' } } }],
      unevaluatedProperties: false,
    },
    columns: ['A', 'B'],
    records: [
      { A: 'x', B: 1 },
      { A: 'y', B: 'not a number' },
    ],
  },
  {
    name: 'unevaluatedProperties with a schema',
    schema: { $schema: S2020, type: 'object', properties: { A: { type: 'string' } }, unevaluatedProperties: { type: 'integer' } },
    columns: ['A', 'Extra'],
    records: [
      { A: 'x', Extra: 4 },
      { A: 'x', Extra: 'four' },
    ],
  },
  {
    name: 'a property whose schema is false',
    schema: { $schema: S2020, type: 'object', properties: { A: { type: 'string' }, Gone: false } },
    columns: ['A', 'Gone'],
    records: [{ A: 'x' }, { A: 'x', Gone: 'y' }],
  },
  {
    name: 'a field typed only through allOf',
    schema: { $schema: S2020, type: 'object', properties: { N: { allOf: [{ type: 'integer' }, { minimum: 3 }] } } },
    columns: ['N'],
    records: [{ N: 4 }, { N: 2 }],
  },
  {
    name: 'a union type whose enum allows only the text',
    schema: { $schema: S2020, type: 'object', properties: { Code: { type: ['integer', 'string'], enum: ['07', 12] } } },
    columns: ['Code'],
    records: [{ Code: '07' }, { Code: 12 }, { Code: 7 }],
  },
  {
    name: 'an empty cell in a nullable field is null, checked against the rest of the field',
    schema: { $schema: S2020, type: 'object', properties: { A: { type: 'string' }, Kind: { type: ['string', 'null'], enum: ['x', 'y'] } } },
    columns: ['A', 'Kind'],
    records: [
      { A: 'a', Kind: 'x' },
      { A: 'b', Kind: null },
    ],
  },
  {
    name: 'if/then/else over fields, and record rules that see unknown columns',
    schema: {
      $schema: S2020,
      type: 'object',
      properties: { Type: { enum: ['a', 'b'] }, Size: { type: 'integer' } },
      if: { properties: { Type: { const: 'a' } }, required: ['Type'] },
      then: { required: ['Size'] },
      else: { required: ['Other'] },
    },
    columns: ['Type', 'Size', 'Other'],
    records: [{ Type: 'a', Size: 1 }, { Type: 'a' }, { Type: 'b', Other: 'z' }, { Type: 'b' }],
  },
];

describe('one verdict: CSV, NDJSON and a JSON array agree with JSON Schema', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const expected = ajvFailing(c.schema, c.records);
      for (const form of FORMS) {
        if (c.skip?.includes(form)) continue;
        const result = await checkForm(c.schema, form, c.records, c.columns);
        expect({ form, failing: [...result.failing].sort() }).toEqual({ form, failing: [...expected].sort() });
        expect({ form, invalid: result.rows - result.validRows }).toEqual({ form, invalid: expected.size });
      }
    });
  }
});

describe('root-level failures are located and worded for people', () => {
  it('an anyOf over fields names them, on its row and line', async () => {
    const c = CASES[1]!;
    const { issues } = await checkForm(c.schema, 'csv', c.records, c.columns);
    const rule = issues.find((i) => i.code === 'row-rule')!;
    expect(rule).toMatchObject({ row: 3, severity: 'error' });
    expect(rule.message).toContain('at least one of UPRN or Address');
    expect(rule.hint).toBe('give at least one of UPRN or Address');
  });

  it('a column the standard forbids is named by the header once, and its rows fail', async () => {
    const schema = { $schema: S2020, type: 'object', properties: { A: { type: 'string' } }, additionalProperties: false };
    const records = [{ A: 'x' }, { A: 'y', B: 'z' }];
    const csv = await checkForm(schema, 'csv', records, ['A', 'B']);
    expect(csv.issues.filter((i) => i.code === 'header-unknown')).toHaveLength(1);
    expect(csv.rows - csv.validRows).toBe(1);
  });

  it('a required column that is missing is said once, and no row passes', async () => {
    const schema = { $schema: S2020, type: 'object', properties: { A: { type: 'string' }, B: { type: 'string' } }, required: ['A', 'B'] };
    const csv = await checkForm(schema, 'csv', [{ A: 'x' }, { A: 'y' }], ['A']);
    expect(csv.issues.filter((i) => i.code === 'header-missing')).toHaveLength(1);
    expect(csv.issues.filter((i) => i.code === 'value-missing')).toHaveLength(0);
    expect(csv.validRows).toBe(0);
  });

  it('a value given where the schema is false says it must not be given', async () => {
    const c = CASES.find((x) => x.name.startsWith('a property whose schema is false'))!;
    const { issues } = await checkForm(c.schema, 'csv', c.records, c.columns);
    expect(issues.find((i) => i.column === 'Gone')!.message).toContain('must not be given');
  });
});
