// A property-based differential test of the one-verdict rule: generated flat schemas over the keywords
// standards use (types and unions, enum, const, pattern, lengths, bounds, multipleOf, required in and out
// of properties, additionalProperties, patternProperties, propertyNames, unevaluatedProperties, the
// dependents, if/then/else, anyOf/oneOf/allOf/not, $ref to $defs, nullable fields) and generated records
// written as CSV, NDJSON and a JSON array are checked by conform and by plain ajv: every record's verdict
// must agree. The seed is fixed and printed; CONFORM_FULL_TESTS=1 runs a larger set.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkForm, type Form } from './verdict-forms.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const SEED = 20261205;
const RUNS = process.env.CONFORM_FULL_TESTS === '1' ? 300 : 25;
const FIELDS = ['F0', 'F1', 'F2', 'F3'];
const ALPHABET = ['a', 'b', 'c', 'd', 'e'];

type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'string?' | 'integer?';

const text = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const whole = fc.integer({ min: -20, max: 40 });
const decimal = fc.integer({ min: -80, max: 160 }).map((n) => n / 4);

/** A field's schema for its kind, with some of the constraints a standard puts on such a field. */
function fieldSchema(kind: Kind): fc.Arbitrary<object> {
  const base = kind.startsWith('string') ? 'string' : kind.startsWith('integer') ? 'integer' : kind;
  const type = kind.endsWith('?') ? [base, 'null'] : base;
  const constraints: Record<string, fc.Arbitrary<unknown>> = base === 'string'
    ? {
        minLength: fc.integer({ min: 1, max: 3 }),
        maxLength: fc.integer({ min: 2, max: 4 }),
        pattern: fc.constantFrom('^[a-c]+$', 'b', '^a|e$'),
        enum: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }),
      }
    : base === 'integer' || base === 'number'
      ? { minimum: whole, maximum: whole, multipleOf: fc.constantFrom(2, 3, 0.5), exclusiveMaximum: whole }
      : { const: fc.boolean() };
  return fc.record(constraints, { requiredKeys: [] }).map((c) => ({ type, ...c }));
}

interface Generated {
  schema: Record<string, unknown>;
  kinds: Kind[];
  records: Array<Record<string, unknown>>;
}

const kinds = fc.array(fc.constantFrom<Kind>('string', 'integer', 'number', 'boolean', 'string?', 'integer?'), { minLength: 2, maxLength: 4 });

/** Root keywords over the fields, each present or not. */
function rootKeywords(n: number): fc.Arbitrary<Record<string, unknown>> {
  const names = FIELDS.slice(0, n);
  const name = fc.constantFrom(...names);
  return fc.record(
    {
      required: fc.subarray([...names, 'G'], { minLength: 1 }),
      additionalProperties: fc.constantFrom<unknown>(false, { type: 'string', maxLength: 3 }),
      patternProperties: fc.constant({ '^P': { type: 'integer', minimum: 0 } }),
      propertyNames: fc.constant({ maxLength: 4 }),
      minProperties: fc.integer({ min: 1, max: 3 }),
      maxProperties: fc.integer({ min: 2, max: 5 }),
      dependentRequired: fc.tuple(name, name).map(([a, b]) => ({ [a]: [b] })),
      dependentSchemas: fc.tuple(name, name).map(([a, b]) => ({ [a]: { required: [b] } })),
      anyOf: fc.tuple(name, name).map(([a, b]) => [{ required: [a] }, { required: [b] }]),
      oneOf: fc.tuple(name, name).map(([a, b]) => [{ required: [a] }, { required: [b] }]),
      not: name.map((a) => ({ required: [a, 'Xtra'] })),
      ifThen: fc.tuple(name, name, name).map(([a, b, c]) => ({ if: { required: [a] }, then: { required: [b] }, else: { required: [c] } })),
      allOf: name.map((a) => [{ properties: { [a]: { not: { const: 'e' } } } }]),
      unevaluatedProperties: fc.constantFrom<unknown>(false, { type: 'string' }),
    },
    { requiredKeys: [] },
  );
}

/** A value for a field of a kind: mostly of its type, sometimes of another (a failure both forms see). */
function value(kind: Kind): fc.Arbitrary<unknown> {
  const own = kind.startsWith('string') ? text : kind.startsWith('integer') ? whole : kind === 'number' ? decimal : fc.boolean();
  const arbitraries: Array<fc.Arbitrary<unknown>> = [own, own, own];
  if (kind !== 'string' && kind !== 'string?') arbitraries.push(text); // text where a number or yes/no is wanted
  if (kind.endsWith('?')) arbitraries.push(fc.constant(null));
  return fc.oneof(...arbitraries);
}

const generated: fc.Arbitrary<Generated> = kinds.chain((ks) =>
  fc
    .record({
      fields: fc.tuple(...ks.map(fieldSchema)),
      root: rootKeywords(ks.length),
      viaRef: fc.boolean(),
      records: fc.array(
        fc.record({
          values: fc.tuple(...ks.map((k) => fc.option(value(k), { nil: undefined }))),
          extra: fc.option(text, { nil: undefined }),
          p: fc.option(whole, { nil: undefined }),
          g: fc.option(text, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ fields, root, viaRef, records }) => {
      const properties = Object.fromEntries(fields.map((f, i) => [FIELDS[i]!, f]));
      const { ifThen, ...rest } = root as Record<string, any>;
      const record = { type: 'object', properties, ...rest, ...(ifThen ?? {}) };
      const schema = viaRef ? { $ref: '#/$defs/record', $defs: { record } } : record;
      return {
        schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema },
        kinds: ks,
        records: records.map(({ values, extra, p, g }) => {
          const r: Record<string, unknown> = {};
          ks.forEach((k, i) => {
            // An empty cell in a nullable field is null: such a field is never absent from a CSV record.
            const v = values[i] === undefined && k.endsWith('?') ? null : values[i];
            if (v !== undefined) r[FIELDS[i]!] = v;
          });
          if (extra !== undefined) r.Xtra = extra;
          // A column the standard says nothing about is read as text; P columns as patternProperties type them.
          if (p !== undefined) r.P1 = (rest as any).patternProperties ? p : `p${Math.abs(p)}`.replace(/\d/g, (d) => ALPHABET[Number(d) % 5]!);
          if (g !== undefined) r.G = g;
          // A row with no value at all is a blank line in CSV, not a record.
          if (Object.values(r).every((v) => v === null)) r.Xtra = 'a';
          return r;
        }),
      };
    }),
);

function ajvFailing(schema: object, records: object[]): number[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, ownProperties: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return records.flatMap((r, i) => (validate(r) ? [] : [i + 1]));
}

describe('one verdict, differentially: conform on CSV, NDJSON and JSON against plain ajv', () => {
  it(`agrees on every record (fast-check seed ${SEED}, ${RUNS} schemas)`, async () => {
    console.log(`verdict differential: fast-check seed ${SEED}, ${RUNS} runs`);
    await fc.assert(
      fc.asyncProperty(generated, async ({ schema, kinds: ks, records }) => {
        const expected = ajvFailing(schema, records);
        const columns = [...FIELDS.slice(0, ks.length), 'Xtra', 'P1', 'G'];
        for (const form of ['csv', 'ndjson', 'json'] as Form[]) {
          const result = await checkForm(schema, form, records, columns);
          const failing = [...result.failing].sort((a, b) => a - b);
          const invalid = result.rows - result.validRows;
          // Rows failing by the header alone (a forbidden column) carry no row issue: the counts say it.
          expect({ form, invalid, extra: failing.filter((r) => !expected.includes(r)) }).toEqual({ form, invalid: expected.length, extra: [] });
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
