// Text damaged by a wrong conversion between encodings: what is found, and the exact repair where there is one.
import { describe, expect, it } from 'vitest';
import { findDamage, MOJIBAKE, undoWindows1252 } from '../../src/repair/mojibake.js';

describe('findDamage', () => {
  it.each(['plain text', 'café', 'Don’t', '£100', 'naïve – “quoted”', ''])('%j is not damaged', (text) => {
    expect(findDamage(text)).toBeUndefined();
    expect(MOJIBAKE.test(text)).toBe(false);
  });

  it.each([
    ['cafÃ©', 'Ã©', 'café'],
    ['Donâ€™t', 'â€', 'Don’t'],
    ['Â£100', 'Â£', '£100'],
    ['â€œquotedâ€\u009D', 'â€', '“quoted”'],
  ])('%j is UTF-8 read as Windows-1252 (%j), repaired to %j', (text, found, repaired) => {
    const damage = findDamage(text)!;
    expect(damage.found).toBe(found);
    expect(damage.explanation).toBe(`"${found}" is what UTF-8 text looks like when it is read as Windows-1252 and saved again`);
    expect(damage.repaired).toBe(repaired);
  });

  it('a replacement character marks a lost character, with no repair', () => {
    expect(findDamage('caf\uFFFD')).toEqual({ found: '\uFFFD', explanation: 'the character � stands for one that was lost when the file was converted between encodings' });
  });

  it.each([
    ['it\u0092s', '\u0092', 'U+0092'],
    ['\u0080100', '\u0080', 'U+0080'],
  ])('%j holds a C1 control character, named %s', (text, found, named) => {
    const damage = findDamage(text)!;
    expect(damage.found).toBe(found);
    expect(damage.explanation).toContain(`(${named})`);
    expect(damage.repaired).toBeUndefined();
  });

  it.each([
    ['LǦATELIER', 'Ǧ'],
    ['ƒoo', 'ƒ'],
  ])('%j holds a letter English text does not use (%s)', (text, found) => {
    const damage = findDamage(text)!;
    expect(damage.found).toBe(found);
    expect(damage.explanation).toBe(`"${found}" is a letter English text does not use: a character was probably damaged when the file was converted between encodings`);
    expect(damage.repaired).toBeUndefined();
  });

  it.each([
    // A character with no Windows-1252 byte elsewhere in the text: the meaning is not certain.
    ['Â£5 中', 'Â£'],
    // Turned back, it is a control character: still damaged.
    ['Â€', 'Â€'],
  ])('%j is named (%j) but not repaired', (text, found) => {
    const damage = findDamage(text)!;
    expect(damage.found).toBe(found);
    expect(damage.repaired).toBeUndefined();
  });
});

describe('undoWindows1252', () => {
  it.each([
    ['cafÃ©', 'café'],
    ['Â£', '£'],
    ['â€”', '—'],
    ['â‚¬5', '€5'],
    // Nothing to undo: the same text back is no repair.
    ['plain', undefined],
    // Not valid UTF-8 once turned back into bytes.
    ['Ã(', undefined],
    // A character with no Windows-1252 byte.
    ['Ã© 中', undefined],
  ])('%j becomes %j', (text, repaired) => {
    expect(undoWindows1252(text)).toBe(repaired);
  });
});
