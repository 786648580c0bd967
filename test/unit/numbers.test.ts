// Amounts as finance systems write them: the cases test/repair/numbers.test.ts leaves out — signs in
// combination, decimal-comma files, and the sentence for several changes at once.
import { describe, expect, it } from 'vitest';
import { describeChanges, readAmount } from '../../src/repair/numbers.js';

describe('readAmount, decimal point', () => {
  it.each([
    ['0.50', '0.50', []],
    ['00.5', '0.5', ['the leading zeros']],
    ['$10', '10', ['the currency sign']],
    ['gbp5', '5', ['the currency sign']],
    ['5cr', '-5', ['write the negative amount with a minus sign instead of CR']],
    ['£ 1,234,567.00 CR', '-1234567.00', ['the currency sign', 'the spaces', 'the thousands separators', 'write the negative amount with a minus sign instead of CR']],
    ['1,234,567', '1234567', ['the thousands separators']],
    ['(£5)', '-5', ['the currency sign', 'write the negative amount with a minus sign instead of brackets']],
  ])('%j reads as %s', (text, value, changes) => {
    expect(readAmount(text)).toEqual({ value, changes, doubtful: undefined });
  });

  it.each(['()', '-', '(', 'CR', '1,234,56', '1 , 2', '12-34'])('%j is not an amount', (text) => {
    expect(readAmount(text)).toBeUndefined();
  });
});

describe('readAmount, in a file with decimal commas', () => {
  it.each([
    ['€1.234,56', '1234.56', ['the currency sign', 'the thousands separators', 'the decimal comma'], undefined],
    ['1 234,5', '1234.5', ['the spaces', 'the decimal comma'], undefined],
    ['12,345', '12.345', ['the decimal comma'], '12,345 could be 12.345 (a decimal comma) or 12345 (a thousands separator)'],
    ['1234,567', '1234.567', ['the decimal comma'], undefined],
    // Thousands written with commas still read, as the decimal point shows which is which.
    ['1,234.56', '1234.56', ['the thousands separators'], undefined],
    ['(1.234,50)', '-1234.50', ['the thousands separators', 'the decimal comma', 'write the negative amount with a minus sign instead of brackets'], undefined],
  ])('%j reads as %s', (text, value, changes, doubtful) => {
    expect(readAmount(text, true)).toEqual({ value, changes, doubtful });
  });
});

describe('describeChanges', () => {
  it.each([
    [['the spaces', 'the currency sign', 'the thousands separators'], 'remove the spaces, the currency sign and the thousands separators'],
    [['the decimal comma'], 'use a decimal point'],
    [['write the negative amount with a minus sign instead of brackets'], 'write the negative amount with a minus sign instead of brackets'],
    [
      ['the currency sign', 'the thousands separators', 'the decimal comma', 'write the negative amount with a minus sign instead of CR'],
      'remove the currency sign and the thousands separators, and use a decimal point, and write the negative amount with a minus sign instead of CR',
    ],
    [['write the number as JSON does, with digits on both sides of any decimal point'], 'write the number as JSON does, with digits on both sides of any decimal point'],
  ])('%j: %s', (changes, sentence) => {
    expect(describeChanges(changes)).toBe(sentence);
  });
});
