// The fields of a standard of records, read from its schema: which properties are fields, where each is
// declared, and the JSON types a CSV cell is tried as, in order.
import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../src/standards/concepts.js';
import { describeFields, escapePointer, jsonTypeOf, resolveLocalRef, typesOf } from '../../src/standards/fields.js';

describe('typesOf: the types a cell is tried as, integer before number, text last', () => {
  const root = { $defs: { amount: { type: 'number' }, code: { enum: ['A', 'B'] } } };
  it.each([
    [{}, ['string']],
    [{ type: 'string' }, ['string']],
    [{ type: 'number' }, ['number']],
    [{ type: 'boolean' }, ['boolean']],
    [{ type: ['integer', 'null'] }, ['null', 'integer']],
    [{ type: ['string', 'number'] }, ['number', 'string']],
    [{ type: ['number', 'integer'] }, ['integer', 'number']],
    [{ allOf: [{ type: 'integer' }, { type: 'number' }] }, ['integer']],
    [{ allOf: [{ type: ['string', 'null'] }, { type: 'string' }] }, ['string']],
    [{ $ref: '#/$defs/amount' }, ['number']],
    [{ $ref: '#/$defs/code' }, ['string']],
    [{ anyOf: [{ type: 'string' }, { type: 'null' }] }, ['null', 'string']],
    // A branch that says nothing of type allows anything: text.
    [{ anyOf: [{ type: 'integer' }, {}] }, ['string']],
    [{ enum: ['a', 1, null] }, ['null', 'integer', 'string']],
    [{ const: true }, ['boolean']],
    [{ enum: [1.5] }, ['number']],
  ])('%j → %j', (schema, types) => {
    expect(typesOf(schema as AnySchemaObject, root)).toEqual(types);
  });
});

describe('jsonTypeOf, resolveLocalRef and escapePointer', () => {
  it.each([
    [null, 'null'],
    [[], 'array'],
    [1, 'integer'],
    [1.5, 'number'],
    ['x', 'string'],
    [true, 'boolean'],
    [{}, 'object'],
  ])('%j is of type %s', (value, type) => {
    expect(jsonTypeOf(value)).toBe(type);
  });

  const root = { $defs: { a: { type: 'string' }, 'a/b': { type: 'integer' }, 'a b': { type: 'boolean' }, text: 'not a schema' } };
  it.each([
    ['#', root],
    ['#/$defs/a', { type: 'string' }],
    ['#/$defs/a~1b', { type: 'integer' }],
    ['#/$defs/a%20b', { type: 'boolean' }],
    ['#/$defs/missing', undefined],
    ['#/$defs/text', undefined],
    ['#anchor', undefined],
    ['other.json#/$defs/a', undefined],
  ])('%s → %j', (ref, schema) => {
    expect(resolveLocalRef(ref, root)).toEqual(schema);
  });

  it.each([
    ['Amount', 'Amount'],
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
  ])('escapePointer(%j) is %j', (name, escaped) => {
    expect(escapePointer(name)).toBe(escaped);
  });
});

describe('describeFields', () => {
  const schema: AnySchemaObject = {
    type: 'object',
    required: ['Cost', 'Undeclared'],
    properties: {
      Cost: { type: 'number', 'x-aliases': ['Value', 42], description: 'The cost', 'x-severity': 'warning' },
      Notes: { type: ['string', 'null'], 'x-separator': '|', examples: ['a'], 'x-constant': true },
      Banned: false,
    },
    allOf: [{ properties: { Extra: { type: 'integer' } } }],
    anyOf: [{ properties: { Maybe: { type: 'boolean' } }, required: ['Maybe'] }],
  };
  const fields = describeFields(schema);
  const byName = (name: string) => fields.find((f) => f.name === name)!;

  it('lists declared properties in order, then required names no one declares', () => {
    expect(fields.map((f) => [f.name, f.position])).toEqual([
      ['Cost', 1],
      ['Notes', 2],
      ['Banned', 3],
      ['Extra', 4],
      ['Maybe', 5],
      ['Undeclared', 6],
    ]);
  });

  it.each([
    [
      'Cost',
      {
        pointer: '/properties/Cost',
        required: true,
        types: ['number'],
        nullable: false,
        aliases: ['Value'],
        separator: ';',
        description: 'The cost',
        severity: 'warning',
        constant: false,
      },
    ],
    ['Notes', { pointer: '/properties/Notes', required: false, types: ['string'], nullable: true, separator: '|', examples: ['a'], constant: true }],
    ['Banned', { pointer: '/properties/Banned', schema: { not: {} }, types: ['string'] }],
    ['Extra', { pointer: '/allOf/0/properties/Extra', types: ['integer'] }],
    // Declared only in a branch that may not apply: no pointer, not required, and text when it does not.
    ['Maybe', { pointer: undefined, required: false, types: ['boolean', 'string'] }],
    ['Undeclared', { pointer: undefined, required: true, schema: {}, types: ['string'] }],
  ])('%s', (name, expected) => {
    expect(byName(name)).toMatchObject(expected);
  });

  it('follows a root $ref to the record schema', () => {
    const [field] = describeFields({ $ref: '#/$defs/record', $defs: { record: { properties: { A: { type: 'string' } }, required: ['A'] } } });
    expect(field).toMatchObject({ name: 'A', pointer: '/$defs/record/properties/A', required: true, types: ['string'] });
  });

  it('reads a record schema elsewhere through the resolver, as fields its own validator judges', () => {
    const [field] = describeFields({ $ref: 'https://example.org/record.json' }, (ref) =>
      ref === 'https://example.org/record.json' ? { properties: { B: { type: 'integer' } } } : undefined,
    );
    expect(field).toMatchObject({ name: 'B', pointer: undefined, types: ['integer', 'string'] });
  });

  it("gives a field its concept's column names after its own aliases", () => {
    const supplier = CONCEPTS.find((c) => c.id === 'supplier-name')!;
    const [field] = describeFields({ properties: { BeneficiaryName: { 'x-aliases': ['Payee Ref'] } } });
    expect(field!.concept).toBe('supplier-name');
    // "Beneficiary Name" is the field's own name, written another way: it is not added again.
    expect(field!.aliases).toEqual(['Payee Ref', ...supplier.names.filter((name) => name !== 'Beneficiary Name')]);
  });

  it('gives a concept name to no field when two would share it, and leaves a field its own name', () => {
    const both = describeFields({ properties: { BeneficiaryName: {}, SupplierName: {} } });
    expect(both.map((f) => f.aliases)).toEqual([[], []]);
    const named = describeFields({ properties: { BeneficiaryName: {}, Supplier: {} } });
    expect(named[0]!.aliases).not.toContain('Supplier');
    expect(named[0]!.aliases).toContain('Payee');
  });
});
