// Character encodings: byte-order marks, UTF-16 without one, Windows-1252 found as the file streams, and
// the place of the first bytes that fit no reading — the same however the file's chunks fall.
import { describe, expect, it } from 'vitest';
import { countByte, decodeWhole, invalidUtf8Offsets, sniffEncoding, StreamDecoder, type DecodeOutcome, type EncodingName } from '../../src/sources/encoding.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => [...Buffer.from(s, 'latin1')];

describe('sniffEncoding', () => {
  it.each([
    ['a UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x61), 'utf-8', 3, true],
    ['a UTF-16LE BOM', bytes(0xff, 0xfe, 0x61, 0), 'utf-16le', 2, true],
    ['a UTF-16BE BOM', bytes(0xfe, 0xff, 0, 0x61), 'utf-16be', 2, true],
    ['UTF-16LE without a BOM', bytes(...text('a\0b\0c\0d\0')), 'utf-16le', 0, true],
    ['UTF-16BE without a BOM', bytes(...text('\0a\0b\0c\0d')), 'utf-16be', 0, true],
    ['too short to tell UTF-16', bytes(...text('a\0b')), 'utf-8', 0, false],
    ['NULs in both halves', bytes(...text('\0\0\0\0ab')), 'utf-8', 0, false],
    ['plain ASCII', bytes(...text('Date,Amount\n')), 'utf-8', 0, false],
    ['nothing', bytes(), 'utf-8', 0, false],
  ])('%s: %s, BOM of %d bytes, certain %s', (_, head, encoding, bomLength, certain) => {
    expect(sniffEncoding(head)).toEqual({ encoding, bomLength, certain });
  });
});

describe('decodeWhole', () => {
  it.each([
    ['UTF-8', bytes(...Buffer.from('café')), 'café', 'utf-8'],
    ['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, 0x78), 'x', 'utf-8'],
    ['Windows-1252 pound', bytes(0xa3, 0x35), '£5', 'windows-1252'],
    ['Windows-1252 accented letters', bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0xfc), 'Café ü', 'windows-1252'],
    ['UTF-16LE with a BOM', bytes(0xff, 0xfe, 0x68, 0, 0x69, 0), 'hi', 'utf-16le'],
    ['UTF-16BE with a BOM', bytes(0xfe, 0xff, 0, 0x68, 0, 0x69), 'hi', 'utf-16be'],
    ['UTF-16LE without a BOM', bytes(...text('h\0i\0y\0o\0')), 'hiyo', 'utf-16le'],
    ['nothing', bytes(), '', 'utf-8'],
  ])('%s', (_, input, decoded, encoding) => {
    expect(decodeWhole(input)).toEqual({ text: decoded, encoding });
  });
});

describe('invalidUtf8Offsets', () => {
  it.each([
    ['ASCII', [0x61, 0x62], []],
    ['é', [0xc3, 0xa9], []],
    ['an emoji', [0xf0, 0x9f, 0x98, 0x80], []],
    ['one stray byte', [0x61, 0xff, 0x62], [1]],
    ['two adjacent bad bytes: one sequence', [0xff, 0xfe], [0]],
    ['two bad bytes apart', [0xff, 0x61, 0xfe], [0, 2]],
    ['a lead byte at the end', [0x61, 0xc3], [1]],
    ['an overlong two-byte NUL', [0xc0, 0x80], [0]],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], [0]],
    ['a surrogate', [0xed, 0xa0, 0x80], [0]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], [0]],
    ['a cut-off euro sign', [0x61, 0xe2, 0x82, 0x61], [1]],
    ['a lone continuation byte', [0x80], [0]],
  ])('%s: %j', (_, input, offsets) => {
    expect(invalidUtf8Offsets(bytes(...input))).toEqual(offsets);
  });
});

describe('countByte', () => {
  it.each([
    ['a\nb\n', 2],
    ['no break', 0],
    ['', 0],
    ['\n\n\n', 3],
  ])('%j has %d line breaks', (s, count) => {
    expect(countByte(Buffer.from(s), 10)).toBe(count);
  });
});

/** The file streamed through a decoder in chunks of `size` bytes (the whole file when 0). */
function stream(file: number[], size: number, forced?: EncodingName): { text: string; outcome: DecodeOutcome; lines: number } {
  const all = Buffer.from(file);
  const sniffed = sniffEncoding(all.subarray(0, 512));
  const decoder = new StreamDecoder(sniffed, forced);
  const body = all.subarray(sniffed.bomLength);
  let out = '';
  const step = size || body.length || 1;
  for (let at = 0; at < body.length; at += step) out += decoder.decode(Buffer.from(body.subarray(at, at + step)), sniffed.bomLength);
  out += decoder.end();
  return { text: out, outcome: decoder.outcome, lines: decoder.linesEnded };
}

describe('StreamDecoder, in chunks of every small size and whole', () => {
  const cp1252 = [...text('Name,Amount\nCaf'), 0xe9, ...text(',5\n'), 0xa3, 0x92, ...text('\n')];
  it.each([
    ['ASCII', [...text('a,b\n1,2\n')], 'a,b\n1,2\n', { encoding: 'utf-8', detectedNotUtf8: false, bom: false }, 2],
    ['UTF-8 with sequences across chunks', [...Buffer.from('café £5 😀\n')], 'café £5 😀\n', { encoding: 'utf-8', detectedNotUtf8: false, bom: false }, 1],
    ['UTF-8 with a BOM', [0xef, 0xbb, 0xbf, ...Buffer.from('é\n')], 'é\n', { encoding: 'utf-8', detectedNotUtf8: false, bom: true }, 1],
    ['Windows-1252', cp1252, 'Name,Amount\nCafé,5\n£’\n', { encoding: 'windows-1252', detectedNotUtf8: true, bom: false }, 3],
    [
      'a bad byte after UTF-8 text',
      [...Buffer.from('é\n'), 0xff, ...text('\n')],
      'é\n\uFFFD\n',
      { encoding: 'utf-8', detectedNotUtf8: false, bom: false, invalid: { offset: 3, line: 2, count: 1 } },
      2,
    ],
    [
      'a byte Windows-1252 leaves undefined',
      [...text('ab\n'), 0x81, ...text('\n')],
      'ab\n\uFFFD\n',
      { encoding: 'utf-8', detectedNotUtf8: false, bom: false, invalid: { offset: 3, line: 2, count: 1 } },
      2,
    ],
    [
      'a bad byte counted with the BOM before it',
      [0xef, 0xbb, 0xbf, ...Buffer.from('é'), 0xff],
      'é\uFFFD',
      { encoding: 'utf-8', detectedNotUtf8: false, bom: true, invalid: { offset: 5, line: 1, count: 1 } },
      0,
    ],
    ['NULs in UTF-8', [...text('a\n\0b\0')], 'a\n\0b\0', { encoding: 'utf-8', detectedNotUtf8: false, bom: false, nul: { offset: 2, line: 2, count: 2 } }, 1],
    ['UTF-16LE with a BOM', [0xff, 0xfe, ...text('h\0\n\0')], 'h\n', { encoding: 'utf-16le', detectedNotUtf8: true, bom: true }, 1],
  ])('%s', (_, file, decoded, outcome, lines) => {
    for (const size of [0, 1, 2, 3, 5]) {
      const result = stream(file, size);
      expect(result.text, `chunks of ${size || 'the whole file'}`).toBe(decoded);
      expect(result.outcome, `chunks of ${size || 'the whole file'}`).toEqual(outcome);
      expect(result.lines, `chunks of ${size || 'the whole file'}`).toBe(lines);
    }
  });

  it('a sequence cut off at the end of the file is invalid, at its first byte', () => {
    const result = stream([0x61, 0xe2, 0x82], 0);
    expect(result.outcome.invalid).toEqual({ offset: 1, line: 1, count: 1 });
  });

  it('an encoding the user gives is never revised, nor called detected', () => {
    const result = stream([...text('Caf'), 0xe9], 0, 'windows-1252');
    expect(result.text).toBe('Café');
    expect(result.outcome).toEqual({ encoding: 'windows-1252', detectedNotUtf8: false, bom: false });
  });
});
