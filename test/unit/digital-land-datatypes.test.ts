// How each digital-land datatype is checked in a CSV cell.
import { describe, expect, it } from 'vitest';
import { datatypeRule } from '../../src/standards/import/digital-land-datatypes.js';

describe('datatypeRule', () => {
  it.each([
    ['integer', { type: 'integer' }, undefined],
    ['decimal', { type: 'number' }, undefined],
    ['latitude', { type: 'number', minimum: -90, maximum: 90 }, undefined],
    ['longitude', { type: 'number', minimum: -180, maximum: 180 }, undefined],
    ['string', { type: 'string' }, undefined],
    ['text', { type: 'string' }, undefined],
    ['a-datatype-added-later', { type: 'string' }, undefined],
    ['json', { type: 'string' }, 'a field of the json datatype is read as text; its JSON is not checked'],
    ['hash', { type: 'string' }, 'a field of the hash datatype is read as text'],
    ['blob', { type: 'string' }, 'a field of the blob datatype is read as text'],
    ['pattern', { type: 'string' }, 'a field of the pattern datatype is read as text'],
  ])('%s: %j', (datatype, schema, caveat) => {
    const rule = datatypeRule(datatype);
    expect(rule.schema).toEqual(schema);
    expect(rule.caveat).toBe(caveat);
    expect(rule.defs).toBeUndefined();
  });

  it.each([
    ['datetime', 'datetime', undefined],
    ['url', 'url', undefined],
    ['curie', 'curie', undefined],
    ['multipolygon', 'multipolygon', undefined],
    ['point', 'point', undefined],
    ['flag', 'flag', undefined],
    ['wkt', 'multipolygon', 'a field of the wkt datatype is checked as a polygon or multipolygon'],
  ])('%s refers to the shared definition %s', (datatype, name, caveat) => {
    const rule = datatypeRule(datatype);
    expect(rule.schema).toEqual({ $ref: `#/$defs/${name}` });
    expect(Object.keys(rule.defs!)).toEqual([name]);
    expect(rule.caveat).toBe(caveat);
  });

  it.each([
    ['flag', { enum: ['yes', 'no', ''] }],
    ['url', { format: 'url' }],
    ['point', { format: 'wkt-point' }],
    ['multipolygon', { format: 'wkt-multipolygon' }],
    ['curie', { pattern: '^[a-z][a-z0-9-]*:[^\\s:]+$' }],
  ])('the %s definition holds %j', (datatype, part) => {
    expect(datatypeRule(datatype).defs![datatype]).toMatchObject({ type: 'string', ...part });
  });

  it('a curie is a prefix, a colon and a reference', () => {
    const pattern = new RegExp(datatypeRule('curie').defs!.curie!.pattern as string);
    expect(['local-authority:BUC', 'tree-preservation-order:TPO/12'].map((v) => pattern.test(v))).toEqual([true, true]);
    expect(['BUC', 'Local:BUC', 'a:b c', 'a:b:c'].map((v) => pattern.test(v))).toEqual([false, false, false, false]);
  });
});
