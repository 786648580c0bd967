// Amounts as finance systems and Excel write them, read as a table: the plain number and what changed.
import { describe, expect, it } from 'vitest';
import { describeChanges, readAmount } from '../../src/repair/numbers.js';

describe('readAmount', () => {
  it.each([
    ['1200.50', '1200.50', []],
    ['£1,200.00', '1200.00', ['the currency sign', 'the thousands separators']],
    ['GBP 1,200', '1200', ['the currency sign', 'the spaces', 'the thousands separators']],
    [' 5,303.57 ', '5303.57', ['the spaces', 'the thousands separators']],
    ['(1,234.50)', '-1234.50', ['the thousands separators', 'write the negative amount with a minus sign instead of brackets']],
    ['600.00 CR', '-600.00', ['the spaces', 'write the negative amount with a minus sign instead of CR']],
    ['1,234.50-', '-1234.50', ['the thousands separators', 'write the negative amount with a minus sign instead of a minus sign at the end']],
    ['-£45.00', '-45.00', ['the currency sign']],
    ['+12', '12', []],
    ['007', '7', ['the leading zeros']],
    ['.5', '0.5', ['write the number as JSON does, with digits on both sides of any decimal point']],
    ['5.', '5', ['write the number as JSON does, with digits on both sides of any decimal point']],
    ['1\u00a0000', '1000', ['the spaces']],
  ])('%j reads as %s', (text, value, changes) => {
    const reading = readAmount(text)!;
    expect(reading.value).toBe(value);
    expect(reading.changes).toEqual(changes);
    expect(reading.doubtful).toBeUndefined();
  });

  it.each(['twelve', '1,23.00', '12,34', '1.234,56', '£', '', '--5', '1e5', '12..5'])('%j is not an amount it can read (decimal point)', (text) => {
    expect(readAmount(text)).toBeUndefined();
  });

  it.each([
    ['1.234,56', '1234.56', undefined],
    ['12,5', '12.5', undefined],
    ['1,234', '1.234', '1,234 could be 1.234 (a decimal comma) or 1234 (a thousands separator)'],
  ])('with a decimal comma, %j reads as %s', (text, value, doubtful) => {
    const reading = readAmount(text, true)!;
    expect(reading.value).toBe(value);
    expect(reading.doubtful).toBe(doubtful);
  });
});

describe('describeChanges: what to do, in one sentence', () => {
  it.each([
    [[], 'write the number plainly'],
    [['the currency sign'], 'remove the currency sign'],
    [['the currency sign', 'the thousands separators'], 'remove the currency sign and the thousands separators'],
    [['the thousands separators', 'the decimal comma'], 'remove the thousands separators, and use a decimal point'],
    [['the spaces', 'write the negative amount with a minus sign instead of CR'], 'remove the spaces, and write the negative amount with a minus sign instead of CR'],
  ])('%j: %s', (changes, sentence) => expect(describeChanges(changes)).toBe(sentence));
});
