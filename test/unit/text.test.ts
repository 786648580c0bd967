// Reading a data file as text from a stream: the head that is sniffed, line breaks of the classic Mac
// OS, encodings, the bytes handed on for decoding elsewhere, and the slices they are decoded in.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DataReadError, describeReadError, eachTextSlice, isKnownEncoding, normaliseEncodingName, openText, type ByteChunk } from '../../src/sources/text.js';

describe('normaliseEncodingName', () => {
  it.each([
    ['utf8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    ['UTF_8', 'utf-8'],
    ['utf16le', 'utf-16le'],
    ['UTF-16', 'utf-16le'],
    ['utf16be', 'utf-16be'],
    ['cp1252', 'windows-1252'],
    ['Windows1252', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['ISO-8859-1', 'windows-1252'],
    ['ISO_8859_1', 'windows-1252'],
    ['Shift_JIS', 'shift-jis'],
  ])('%s → %s', (name, encoding) => {
    expect(normaliseEncodingName(name)).toBe(encoding);
  });
});

describe('isKnownEncoding', () => {
  it.each([
    ['utf8', true],
    ['cp1252', true],
    ['latin1', true],
    ['UTF-16', true],
    ['ebcdic', false],
    ['klingon', false],
  ])('%s: %s', (name, known) => {
    expect(isKnownEncoding(name)).toBe(known);
  });
});

describe('describeReadError', () => {
  const coded = (code: string, message = 'raw') => Object.assign(new Error(message), { code });
  it.each([
    [coded('ENOENT'), 'the file does not exist (it may have been moved or deleted)'],
    [coded('EACCES'), 'permission denied'],
    [coded('EPERM'), 'permission denied'],
    [coded('EISDIR'), 'it is a folder, not a file'],
    [coded('EIO', 'i/o error, read'), 'i/o error, read'],
    ['plain text thrown', 'plain text thrown'],
  ])('%s → %s', (error, words) => {
    expect(describeReadError(error)).toBe(words);
  });
});

/** A stream giving these chunks, as standard input would. */
const streamOf = (...chunks: Array<Buffer | string>) => Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

async function readAll(chunks: Array<Buffer | string>, encoding?: string) {
  const file = await openText('-', { stream: streamOf(...chunks), ...(encoding ? { encoding } : {}) });
  let text = '';
  for await (const chunk of file.chunks()) text += chunk;
  return { file, text };
}

describe('openText from a stream', () => {
  it.each([
    ['UTF-8', ['a,b\n', 'é,2\n'], 'a,b\né,2\n', 'utf-8', false],
    ['a BOM, skipped', [Buffer.from([0xef, 0xbb, 0xbf]), 'a\n'], 'a\n', 'utf-8', false],
    ['CRLF kept', ['a\r\nb\r\n'], 'a\r\nb\r\n', 'utf-8', false],
    ['CR alone read as LF', ['a,b\r1,2\r'], 'a,b\n1,2\n', 'utf-8', false],
    ['Windows-1252 found', [Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0xa3, 0x35])], 'Café\n£5', 'windows-1252', true],
    ['UTF-16LE with a BOM', [Buffer.from([0xff, 0xfe, 0x61, 0, 0x0a, 0])], 'a\n', 'utf-16le', true],
  ])('%s', async (_, chunks, expected, encoding, detected) => {
    const { file, text } = await readAll(chunks);
    expect(text).toBe(expected);
    expect(file.headText).toBe(expected);
    expect(file.empty).toBe(false);
    expect(file.decoding.encoding).toBe(encoding);
    expect(file.decoding.detectedNotUtf8).toBe(detected);
  });

  it.each([
    ['no bytes', []],
    ['a BOM alone', [Buffer.from([0xef, 0xbb, 0xbf])]],
  ])('%s is empty', async (_, chunks) => {
    const { file, text } = await readAll(chunks);
    expect(file.empty).toBe(true);
    expect(text).toBe('');
  });

  it('an encoding given by name is used, and not called detected', async () => {
    const { file, text } = await readAll([Buffer.from([0x43, 0x61, 0x66, 0xe9])], 'latin1');
    expect(text).toBe('Café');
    expect(file.decoding).toEqual({ encoding: 'windows-1252', detectedNotUtf8: false, bom: false });
  });

  it('the head is at least 64 KiB of what the stream gives in small pieces', async () => {
    const pieces = Array.from({ length: 40 }, () => 'x'.repeat(2047) + '\n');
    const file = await openText('-', { stream: streamOf(...pieces) });
    expect(file.head.length).toBe(65536);
    expect(file.headText).toBe(pieces.slice(0, 32).join(''));
  });

  it('chunks() is read once', async () => {
    const file = await openText('-', { stream: streamOf('a\n') });
    for await (const _ of file.chunks()) void _;
    await expect(file.chunks().next()).rejects.toThrow('chunks() can be read once');
  });

  it('a stream that fails is a read error in plain words', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }));
      },
    });
    const opening = openText('-', { stream: failing });
    await expect(opening).rejects.toBeInstanceOf(DataReadError);
    await expect(opening).rejects.toThrow('the file does not exist (it may have been moved or deleted)');
  });
});

describe('byteChunks: the bytes after the head, to be decoded elsewhere', () => {
  const head = 'h'.repeat(65535) + '\n';

  async function rest(...after: Array<Buffer | string>): Promise<ByteChunk[]> {
    const file = await openText('-', { stream: streamOf(head, ...after) });
    const out: ByteChunk[] = [];
    for await (const chunk of file.byteChunks()) out.push({ ...chunk, bytes: Buffer.from(chunk.bytes) });
    return out;
  }

  it('ASCII, as it is, with its line breaks counted', async () => {
    expect(await rest('a,b\n1,2\n')).toEqual([{ bytes: Buffer.from('a,b\n1,2\n'), encoding: 'utf-8', newlines: 2, ascii: true }]);
  });

  it('a UTF-8 character cut between chunks is held back and given whole', async () => {
    const euro = Buffer.from('€');
    const chunks = await rest(Buffer.concat([Buffer.from('a'), euro.subarray(0, 1)]), Buffer.concat([euro.subarray(1), Buffer.from('\n')]));
    expect(Buffer.concat(chunks.map((c) => c.bytes)).toString()).toBe('a€\n');
    expect(chunks.map((c) => c.bytes.length)).toEqual([1, 4]);
    expect(chunks.every((c) => c.encoding === 'utf-8')).toBe(true);
  });

  it('Windows-1252 found after an ASCII head, as its own bytes', async () => {
    expect(await rest(Buffer.from([0x43, 0xe9, 0x0a]))).toEqual([{ bytes: Buffer.from([0x43, 0xe9, 0x0a]), encoding: 'windows-1252', newlines: 1, ascii: false }]);
  });
});

describe('eachTextSlice', () => {
  function slices(bytes: Uint8Array, encoding: ByteChunk['encoding'], ascii: boolean, size: number, skipAscii = false): Array<[string, boolean]> {
    const out: Array<[string, boolean]> = [];
    eachTextSlice(bytes, encoding, ascii, size, (text, sliceAscii) => out.push([text, sliceAscii]), skipAscii);
    return out;
  }
  const mixed = Buffer.from('aé€😀');

  it.each([
    [
      4,
      [
        ['aé', false],
        ['€', false],
        ['😀', false],
      ],
    ],
    [
      5,
      [
        ['aé', false],
        ['€', false],
        ['😀', false],
      ],
    ],
    [
      7,
      [
        ['aé€', false],
        ['😀', false],
      ],
    ],
    [64, [['aé€😀', false]]],
  ] as Array<[number, Array<[string, boolean]>]>)('UTF-8 in slices of %d bytes, each cut where a character starts', (size, expected) => {
    expect(slices(mixed, 'utf-8', false, size)).toEqual(expected);
  });

  it('decodes the same in slices of every size from 4 up', () => {
    const text = 'Name,Amount\nCafé,£5 😀\nNaïve,€3\n';
    for (let size = 4; size <= 40; size++)
      expect(
        slices(Buffer.from(text), 'utf-8', false, size)
          .map(([t]) => t)
          .join(''),
        `size ${size}`,
      ).toBe(text);
  });

  it('marks plain ASCII slices, and skips them when asked', () => {
    const bytes = Buffer.from('abc\né');
    expect(slices(bytes, 'utf-8', false, 4)).toEqual([
      ['abc\n', true],
      ['é', false],
    ]);
    expect(slices(bytes, 'utf-8', false, 4, true)).toEqual([['é', false]]);
  });

  it('Windows-1252 bytes are one character each', () => {
    expect(slices(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35]), 'windows-1252', false, 3)).toEqual([
      ['Caf', true],
      ['é £', false],
      ['5', true],
    ]);
  });

  it('nothing for no bytes', () => {
    expect(slices(new Uint8Array(), 'utf-8', false, 4)).toEqual([]);
  });
});
