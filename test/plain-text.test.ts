// Numbers written without Intl must read exactly as Intl writes them for a British reader.
import { describe, expect, it } from 'vitest';
import { compareText, formatNumber } from '../src/plain-text.js';

describe('numbers written without Intl', () => {
  it('read as toLocaleString("en-GB") writes them', () => {
    let seed = 20261126;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 0) / 4294967296;
    const values = [0, -0, 1, -1, 999, 1000, -1000, 1234567, 2 ** 53, 1e20, 0.5, 1234.5678, -1234.5678, 0.0004, 0.0005, -0.0004, 99999.9999, 1.0005, NaN, Infinity];
    for (let i = 0; i < 5000; i++) values.push(Math.floor(next() * 1e12) * (next() < 0.5 ? -1 : 1), (next() - 0.5) * 1e7, next());
    for (const value of values) expect(formatNumber(value), String(value)).toBe(value.toLocaleString('en-GB'));
  });
});

describe('names in order', () => {
  it('sorts standard ids and version parts as their characters run', () => {
    expect(['spend-over-500', 'brownfield-land', 'open-referral-uk-service', 'open-referral-uk'].sort(compareText)).toEqual([
      'brownfield-land',
      'open-referral-uk',
      'open-referral-uk-service',
      'spend-over-500',
    ]);
    expect(compareText('beta', 'beta')).toBe(0);
  });
});
