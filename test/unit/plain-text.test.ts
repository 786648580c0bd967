// Numbers as a British reader writes them, and names in code order, without Intl.
import { describe, expect, it } from 'vitest';
import { compareText, formatNumber } from '../../src/plain-text.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [3836, '3,836'],
    [1234567, '1,234,567'],
    [-1234567, '-1,234,567'],
    [1234.5, '1,234.5'],
    [1234.5678, '1,234.568'],
    [0.1 + 0.2, '0.3'],
    [0.0004, '0'],
    [999.9996, '1,000'],
    [-0.25, '-0.25'],
    [-0, '-0'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s is written %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('compareText', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['same', 'same', 0],
    ['Z', 'a', -1],
    ['10', '9', -1],
    ['spend', 'spend-v2', -1],
  ])('%s against %s is %s', (a, b, order) => {
    expect(compareText(a, b)).toBe(order);
  });

  it('sorts standard ids the same way on every machine', () => {
    expect(['tree', 'Spend', 'brownfield-land', 'spend'].sort(compareText)).toEqual(['Spend', 'brownfield-land', 'spend', 'tree']);
  });
});
