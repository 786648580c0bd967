// Schemas that would end a run with a stack overflow: nesting too deep, and $refs that loop in place.
import { describe, expect, it } from 'vitest';
import { ConformError } from '../../src/errors.js';
import { checkSchemaDepth, findRefLoop, MAX_SCHEMA_DEPTH } from '../../src/standards/schema-shape.js';

function nested(levels: number, key = 'a'): unknown {
  let schema: unknown = {};
  for (let i = 0; i < levels; i++) schema = { [key]: schema };
  return schema;
}

describe('checkSchemaDepth', () => {
  it.each([
    ['an empty schema', {}],
    ['a value that is not a schema', 'text'],
    ['nesting exactly as deep as allowed', nested(MAX_SCHEMA_DEPTH)],
  ])('accepts %s', (_, schema) => {
    expect(() => checkSchemaDepth(schema, 'schema.json')).not.toThrow();
  });

  it('refuses one level more, saying where (the place cut short)', () => {
    const check = () => checkSchemaDepth(nested(MAX_SCHEMA_DEPTH + 1), 'schema.json');
    expect(check).toThrow(ConformError);
    expect(check).toThrow(
      `schema.json: the schema nests more than 256 levels deep (at ${'/a'.repeat(38)}/…); no standard needs that many, so it is refused. Flatten it, or move repeated parts into "$defs" and refer to them with "$ref"`,
    );
  });

  it('counts arrays as levels, and writes keys as a JSON Pointer does', () => {
    let schema: unknown = [];
    for (let i = 0; i < MAX_SCHEMA_DEPTH; i++) schema = [schema];
    // A place longer than 80 characters is cut to 77 and an ellipsis.
    expect(() => checkSchemaDepth({ 'a/b~': schema }, 's')).toThrow(`(at ${`/a~1b~0${'/0'.repeat(35)}`}…)`);
  });
});

describe('findRefLoop', () => {
  it.each([
    ['the root referring to itself', { $ref: '#' }, '# → #'],
    ['two definitions referring to each other', { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } }, '#/$defs/a → #/$defs/b → #/$defs/a'],
    ['a loop through allOf', { $defs: { a: { allOf: [{ $ref: '#/$defs/a' }] } } }, '#/$defs/a → #/$defs/a'],
    ['a loop through not', { $defs: { x: { not: { $ref: '#/$defs/x' } } } }, '#/$defs/x → #/$defs/x'],
    ['a loop through if/then', { $defs: { x: { if: { type: 'string' }, then: { $ref: '#/$defs/x' } } } }, '#/$defs/x → #/$defs/x'],
    ['a percent-encoded key', { $defs: { 'a b': { $ref: '#/$defs/a%20b' } } }, '#/$defs/a%20b → #/$defs/a%20b'],
  ])('finds %s', (_, schema, loop) => {
    expect(findRefLoop(schema)).toBe(loop);
  });

  it.each([
    ['an empty schema', {}],
    ['no schema at all', null],
    ['a chain that ends', { $defs: { a: { $ref: '#/$defs/b' }, b: { type: 'string' } } }],
    // Stepping into a value (a property, an item) is recursion a value can end, not a loop.
    ['a tree of nodes', { $defs: { node: { properties: { child: { $ref: '#/$defs/node' } } } } }],
    ['a list of lists', { $defs: { list: { items: { $ref: '#/$defs/list' } } } }],
    ['an anchor', { $ref: '#foo' }],
    ['another file', { $ref: 'other.json#' }],
    ['a reference to nothing', { $ref: '#/$defs/missing' }],
  ])('finds none in %s', (_, schema) => {
    expect(findRefLoop(schema)).toBeUndefined();
  });
});
