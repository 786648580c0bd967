// One case per entry of the explainers' table (src/check/explain/keywords.ts): a tiny schema compiled by
// the project's own ajv set-up, a value it refuses, and the finding the keyword's entry makes of the error.
import { fileURLToPath } from 'node:url';
import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { EXPLAINERS, explainOne } from '../../src/check/explain/keywords.js';
import type { Finding } from '../../src/check/explain.js';
import { findingIssue } from '../../src/check/finding-issue.js';
import { createAjv, type Draft } from '../../src/standards/ajv.js';
import { prepareCodelists } from '../../src/standards/codelist.js';

interface Case {
  /** The keyword whose error is explained. */
  keyword: string;
  schema: AnySchemaObject;
  value: unknown;
  /** The finding, less the keyword (which is the case's). */
  finding: Omit<Finding, 'keyword'>;
  draft?: Draft;
  examples?: unknown[];
}

const CASES: Case[] = [
  { keyword: 'required', schema: { type: 'object', required: ['a/b'] }, value: {}, finding: { code: 'value-missing', path: '/a~1b', data: {} } },
  { keyword: 'type', schema: { type: 'integer' }, value: 'x', finding: { code: 'value-type', path: '', data: 'x', expected: 'a whole number' } },
  {
    keyword: 'format',
    schema: { type: 'string', format: 'date' },
    value: '31/03/2024',
    finding: { code: 'value-format', path: '', data: '31/03/2024', expected: 'a date written as YYYY-MM-DD', formats: ['date'] },
  },
  {
    keyword: 'pattern',
    schema: { type: 'string', pattern: '^[A-Z]{2}$' },
    value: 'abc',
    examples: [12, 'AB'],
    finding: { code: 'value-pattern', path: '', data: 'abc', expected: 'match the pattern ^[A-Z]{2}$ (for example "AB")' },
  },
  { keyword: 'enum', schema: { enum: ['a', 'b'] }, value: 'c', finding: { code: 'value-enum', path: '', data: 'c', expected: 'one of "a", "b"' } },
  { keyword: 'const', schema: { const: 'yes' }, value: 'no', finding: { code: 'value-enum', path: '', data: 'no', expected: '"yes"' } },
  { keyword: 'minimum', schema: { minimum: 1 }, value: 0, finding: { code: 'value-range', path: '', data: 0, expected: 'at least 1' } },
  { keyword: 'maximum', schema: { maximum: 10 }, value: 11, finding: { code: 'value-range', path: '', data: 11, expected: 'at most 10' } },
  { keyword: 'exclusiveMinimum', schema: { exclusiveMinimum: 0 }, value: 0, finding: { code: 'value-range', path: '', data: 0, expected: 'more than 0' } },
  { keyword: 'exclusiveMaximum', schema: { exclusiveMaximum: 5 }, value: 5, finding: { code: 'value-range', path: '', data: 5, expected: 'less than 5' } },
  { keyword: 'multipleOf', schema: { multipleOf: 5 }, value: 7, finding: { code: 'value-range', path: '', data: 7, expected: 'a multiple of 5' } },
  {
    keyword: 'minLength',
    schema: { minLength: 3 },
    value: 'ab',
    finding: { code: 'value-length', path: '', data: 'ab', expected: 'be at least 3 characters long', found: { characters: 2 } },
  },
  {
    // Counted in code points: two emoji are two characters, not four.
    keyword: 'maxLength',
    schema: { maxLength: 1 },
    value: '😀😀',
    finding: { code: 'value-length', path: '', data: '😀😀', expected: 'be at most 1 character long', found: { characters: 2 } },
  },
  { keyword: 'minItems', schema: { minItems: 2 }, value: [1], finding: { code: 'value-length', path: '', data: [1], expected: 'have at least 2 items', found: { items: 1 } } },
  { keyword: 'maxItems', schema: { maxItems: 1 }, value: [1, 2], finding: { code: 'value-length', path: '', data: [1, 2], expected: 'have at most 1 item', found: { items: 2 } } },
  ...(
    [
      ['formatMinimum', '2023-12-31', 'on or after'],
      ['formatMaximum', '2024-01-02', 'on or before'],
      ['formatExclusiveMinimum', '2024-01-01', 'after'],
      ['formatExclusiveMaximum', '2024-01-01', 'before'],
    ] as const
  ).map(([keyword, value, words]): Case => ({
    keyword,
    schema: { type: 'string', format: 'date', [keyword]: '2024-01-01' },
    value,
    finding: { code: 'value-range', path: '', data: value, expected: `${words} 2024-01-01` },
  })),
  {
    keyword: 'x-codelist',
    schema: { type: 'string', 'x-codelist': { source: 'codelists/grantToIndividualsReason.csv', column: 'code', open: false } },
    value: 'GTIR011',
    finding: {
      code: 'key-reference',
      path: '',
      data: 'GTIR011',
      detail: 'the code list grantToIndividualsReason.csv',
      severity: undefined,
      hint: 'did you mean "GTIR010" or "GTIR020" or "GTIR030"?',
    },
  },
  {
    keyword: 'dependentRequired',
    schema: { dependentRequired: { start: ['end'] } },
    value: { start: 1 },
    finding: { code: 'row-rule', path: '/end', data: { start: 1 }, detail: 'when start is given, end is required too' },
  },
  {
    keyword: 'dependencies',
    draft: 'draft-07',
    schema: { dependencies: { start: ['end'] } },
    value: { start: 1 },
    finding: { code: 'row-rule', path: '/end', data: { start: 1 }, detail: 'when start is given, end is required too' },
  },
  {
    keyword: 'additionalProperties',
    schema: { properties: { a: {} }, additionalProperties: false },
    value: { a: 1, 'x/y': 2 },
    finding: { code: 'value-invalid', path: '/x~1y', detail: 'is not a field the standard allows here', data: undefined },
  },
  {
    keyword: 'unevaluatedProperties',
    schema: { properties: { a: {} }, unevaluatedProperties: false },
    value: { b: 1 },
    finding: { code: 'value-invalid', path: '/b', detail: 'is not a field the standard allows here', data: undefined },
  },
  {
    keyword: 'propertyNames',
    schema: { propertyNames: { pattern: '^[a-z]+$' } },
    value: { Bad: 1 },
    finding: { code: 'value-invalid', path: '', detail: 'has a field named "Bad", a name the standard does not allow', data: undefined },
  },
  {
    keyword: 'minProperties',
    schema: { minProperties: 2 },
    value: { a: 1 },
    finding: { code: 'value-invalid', path: '', detail: 'must have at least 2 fields given, but has 1', data: undefined },
  },
  {
    keyword: 'maxProperties',
    schema: { maxProperties: 1 },
    value: { a: 1, b: 2 },
    finding: { code: 'value-invalid', path: '', detail: 'must have at most 1 field given, but has 2', data: undefined },
  },
  {
    keyword: 'false schema',
    schema: { properties: { a: false } },
    value: { a: 1 },
    finding: { code: 'value-invalid', path: '/a', data: 1, detail: 'must not be given: the standard allows no value here' },
  },
  {
    keyword: 'uniqueItems',
    schema: { uniqueItems: true },
    value: [1, 2, 1],
    finding: { code: 'value-invalid', path: '', detail: 'must not repeat items (items 1 and 3 are the same)', data: undefined },
  },
  { keyword: 'not', schema: { not: { const: 1 } }, value: 1, finding: { code: 'value-invalid', path: '', data: 1, detail: 'must not match the form the standard rules out' } },
];

const STANDARD_FILE = fileURLToPath(new URL('../../schemas/360giving/schema.json', import.meta.url));

/** The first error of the case's keyword when the project's ajv validates the value. */
async function errorOf({ keyword, schema, value, draft = '2020-12' }: Pick<Case, 'keyword' | 'schema' | 'value' | 'draft'>) {
  const copy = structuredClone(schema);
  await prepareCodelists(copy, STANDARD_FILE);
  const validate = createAjv(draft).compile(copy);
  expect(validate(value)).toBe(false);
  const error = validate.errors?.find((e) => e.keyword === keyword);
  if (!error) throw new Error(`no ${keyword} error among ${JSON.stringify(validate.errors)}`);
  return error;
}

describe('each keyword of the table', () => {
  it.each(CASES.map((c) => [c.keyword, c] as const))('%s', async (_keyword, c) => {
    const error = await errorOf(c);
    expect(explainOne(error, c.examples && (() => c.examples!))).toEqual({ ...c.finding, keyword: c.keyword });
  });

  it('has a case for every entry', () => {
    expect(CASES.map((c) => c.keyword).sort()).toEqual([...EXPLAINERS.keys()].sort());
  });
});

describe('beyond the table', () => {
  it('says a keyword with no entry in ajv’s words', async () => {
    const error = await errorOf({ keyword: 'contains', schema: { contains: { const: 1 } }, value: [2] });
    expect(EXPLAINERS.has('contains')).toBe(false);
    expect(explainOne(error)).toEqual({ code: 'value-invalid', path: '', data: [2], keyword: 'contains', detail: 'must contain at least 1 valid item(s)' });
  });

  it('says a keyword named like an Object method in ajv’s words, not through the prototype', () => {
    const error = { keyword: 'constructor', instancePath: '/a', schemaPath: '#/constructor', params: {}, message: 'must be built' };
    expect(explainOne(error)).toEqual({ code: 'value-invalid', path: '/a', data: undefined, keyword: 'constructor', detail: 'must be built' });
  });

  it('words a comparison with another field through $data as a rule of the row, for any keyword', async () => {
    const schema = {
      type: 'object',
      properties: { start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date', formatMinimum: { $data: '1/start' } } },
    };
    const error = await errorOf({ keyword: 'formatMinimum', schema, value: { start: '2024-02-01', end: '2024-01-01' } });
    expect(explainOne(error)).toEqual({
      code: 'row-rule',
      path: '/end',
      data: '2024-01-01',
      keyword: 'formatMinimum',
      detail: 'end must be on or after start (2024-02-01), but is "2024-01-01"',
    });
  });

  it.each([
    ['maxLength', { maxLength: 3 }, 'abcd', 'Code must be at most 3 characters long, but it is 4 characters long'],
    ['minLength', { minLength: 2 }, 'a', 'Code must be at least 2 characters long, but it is 1 character long'],
    ['maxItems', { maxItems: 1 }, ['a', 'b'], 'Code must have at most 1 item, but it has 2'],
  ])('words the length a %s finding found in the catalog', async (keyword, schema, value, message) => {
    const finding = explainOne(await errorOf({ keyword, schema, value }));
    expect(findingIssue(finding, { name: 'Code', value: String(value) }, {}, undefined).message).toBe(message);
  });
});
