// Which line of a JSON text a value is on, by JSON Pointer, in one pass and without recursion.
import { describe, expect, it } from 'vitest';
import { locatePointers, stringEnd } from '../../src/sources/json-locate.js';

const GRANTS = [
  '{', // 1
  '  "grants": [', // 2
  '    {', // 3
  '      "id": "a",', // 4
  '      "amount": 5', // 5
  '    },', // 6
  '    {"id": "b", "amount": "x"}', // 7
  '  ],', // 8
  '  "meta": {"note": "a/b"}', // 9
  '}', // 10
].join('\n');

describe('locatePointers', () => {
  it.each([
    ['', 1],
    ['/grants', 2],
    ['/grants/0', 3],
    ['/grants/0/id', 4],
    ['/grants/0/amount', 5],
    ['/grants/1', 7],
    ['/grants/1/amount', 7],
    ['/meta', 9],
    ['/meta/note', 9],
  ])('%j is on line %d', (pointer, line) => {
    expect(locatePointers(GRANTS, [pointer])).toEqual(new Map([[pointer, line]]));
  });

  it('finds many at once, and leaves out those not there', () => {
    expect(locatePointers(GRANTS, ['/grants/1/id', '/grants/0/amount', '/missing', '/grants/2', '/grants/0/id/x'])).toEqual(
      new Map([
        ['/grants/0/amount', 5],
        ['/grants/1/id', 7],
      ]),
    );
  });

  it.each([
    ['keys with / and ~', '{"a/b": {"c~d": 1}}', '/a~1b/c~0d', 1, 1],
    ['lines counted from where the record starts', '{\n"a": 1}', '/a', 10, 11],
    ['lines inside a container it skips', '{"a": {\n"x": [1,\n2]\n},\n"b": 1}', '/b', 1, 5],
    ['braces and escaped quotes in strings', '{"a": "}\\"{[", \n"b": 2}', '/b', 1, 2],
    ['a value after literals and numbers', '[true, null, -1.5e3,\n"x"]', '/3', 1, 2],
  ])('%s', (_, text, pointer, firstLine, line) => {
    expect(locatePointers(text, [pointer], firstLine).get(pointer)).toBe(line);
  });

  it('nothing wanted, nothing found', () => {
    expect(locatePointers(GRANTS, [])).toEqual(new Map());
  });

  it('deep nesting does not overflow the stack', () => {
    const depth = 200_000;
    const text = `${'['.repeat(depth)}\n${']'.repeat(depth)}`;
    expect(locatePointers(text, ['/0/0/0']).get('/0/0/0')).toBe(1);
  });
});

describe('stringEnd', () => {
  it.each([
    ['"abc" x', 5],
    ['"a\\"b" x', 6],
    ['"a\\\\" x', 5],
    ['"" x', 2],
    ['"unclosed', 9],
  ])('%j ends at %d', (text, end) => {
    expect(stringEnd(text, 0)).toBe(end);
  });
});
