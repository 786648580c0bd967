// A short text for a JSON value in an issue, built without recursion and without serialising more than it shows.
import { describe, expect, it } from 'vitest';
import { preview } from '../../src/report/preview.js';

describe('preview', () => {
  it.each([
    ['abc', undefined, 'abc'],
    ['abcdef', 3, 'abc…'],
    ['x'.repeat(201), undefined, `${'x'.repeat(200)}…`],
    [12, undefined, '12'],
    [null, undefined, 'null'],
    [true, undefined, 'true'],
    [undefined, undefined, 'undefined'],
    [[], undefined, '[]'],
    [{}, undefined, '{}'],
    [[1, 'a', null], undefined, '[1,"a",null]'],
    [[undefined], undefined, '[null]'],
    [{ a: 1, b: [2, { c: 'd' }] }, undefined, '{"a":1,"b":[2,{"c":"d"}]}'],
    [{ 'a"b': 1 }, undefined, '{"a\\"b":1}'],
    [new Array(100).fill(1), 10, '[1,1,1,1,1…'],
  ])('%j (at most %s characters) → %j', (value, max, text) => {
    expect(preview(value, max)).toBe(text);
  });

  it('describes a value nested far deeper than the stack allows', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(preview(deep, 20)).toBe(`${'['.repeat(20)}…`);
  });

  it('looks at no more of a huge object than it shows', () => {
    const huge = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    expect(preview(huge, 12)).toBe('{"k0":0,"k1"…');
  });
});
