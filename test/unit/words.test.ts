// Wording for people: patterns put in words, the shape of advice, and lines wrapped at spaces.
import { describe, expect, it } from 'vitest';
import { adviceShape, inWords, quotesPattern, wrapText } from '../../src/formatters/words.js';

describe('inWords and quotesPattern', () => {
  it.each([
    ['Code must match the pattern ^E\\d{8}$ (for example "E06000001"), but is "X1"', 'Code must be written like "E06000001", but is "X1"', true],
    ['Code must match the pattern ^E\\d{8}$, but is "X1"', 'Code must be written in the form the standard sets, but is "X1"', true],
    ['Code must match the pattern ^E\\d{8}$', 'Code must be written in the form the standard sets', true],
    ['Ref must match one of the patterns ^A$, ^B$, but is "C"', 'Ref must be written in one of the forms the standard sets, but is "C"', true],
    ['Value must be a number or text matching the pattern ^N/A$, but is "x"', 'Value must be a number or text in the form the standard sets, but is "x"', true],
    ['text matching the pattern ^a$ or text matching the pattern ^b$', 'text in the form the standard sets or text in the form the standard sets', true],
    ['Amount must be a number, but is "x"', 'Amount must be a number, but is "x"', false],
  ])('%j → %j', (message, words, quotes) => {
    expect(inWords(message)).toBe(words);
    expect(quotesPattern(message)).toBe(quotes);
  });
});

describe('adviceShape', () => {
  it.each([
    [undefined, ''],
    ['Write "31/12/2024" as "2024-12-31"', 'Write "…" as "…"'],
    ['Row 12 has 3 cells', 'Row # has # cells'],
    ['there is no 31 September 2024', 'there is no # M #'],
    ['1,234.56 and 12:30 and 2024-01-01', '# and # and #'],
    ['Maybe in May, or Sept', 'Maybe in M, or M'],
    ['The Mayor', 'The Mayor'],
    ['"a \\"b\\" c" stays one value', '"…" stays one value'],
  ])('%j → %j', (text, shape) => {
    expect(adviceShape(text)).toBe(shape);
  });
});

describe('wrapText', () => {
  it.each([
    ['short', 80, ['short']],
    ['', 80, ['']],
    // Never narrower than 20.
    ['aaaa bbbb cccc dddd eeee', 10, ['aaaa bbbb cccc dddd', 'eeee']],
    [`${'a'.repeat(20)} b`, 20, ['a'.repeat(20), 'b']],
    ['x'.repeat(50), 20, ['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(10)]],
    [`ab ${'x'.repeat(30)} cd`, 20, ['ab', 'x'.repeat(20), `${'x'.repeat(10)} cd`]],
    ['one two three four five six seven', 24, ['one two three four five', 'six seven']],
  ])('%j at %d', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
});
