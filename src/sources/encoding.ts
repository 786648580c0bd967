// Character encodings, decided over the whole file as it streams (not from a sample): byte-order marks,
// UTF-16 without a BOM, and Windows-1252 files that Excel and finance systems still write.
import { isAscii, isUtf8 } from 'node:buffer';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export interface Sniffed {
  encoding: EncodingName;
  bomLength: number;
  /** True when the encoding was read from a byte-order mark or given by the user, so never revised. */
  certain: boolean;
}

/** Decide the encoding from the first bytes of a file. A UTF-8 guess may be revised as the file streams. */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, certain: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, certain: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, certain: true };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0, certain: true };
  return { encoding: 'utf-8', bomLength: 0, certain: false };
}

/**
 * Text in UTF-16 without a BOM (as some published schema files are) has a NUL in every other byte while
 * it is ASCII: in the odd bytes for little-endian, the even bytes for big-endian.
 */
function utf16WithoutBom(head: Uint8Array): EncodingName | undefined {
  const n = Math.min(head.length - (head.length % 2), 512);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** Decode a whole small file (a schema, a config) the way data files are decoded. */
export function decodeWhole(bytes: Uint8Array): { text: string; encoding: EncodingName } {
  const sniffed = sniffEncoding(bytes);
  const body = bytes.subarray(sniffed.bomLength);
  if (sniffed.encoding === 'utf-8' && !isUtf8(body)) return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  if (sniffed.encoding === 'windows-1252') return { text: decodeWindows1252(body), encoding: sniffed.encoding };
  return { text: new TextDecoder(sniffed.encoding).decode(body), encoding: sniffed.encoding };
}

const windows1252 = new TextDecoder('windows-1252');

/**
 * Windows-1252 bytes as text, with 0x80–0x9F as the characters they stand for (0x80 €, 0x92 ’). Some
 * Node 20 releases decode those bytes as C1 control characters when the whole text is decoded in one
 * call (nodejs/node#56542), yet right when it is streamed: so every Windows-1252 decode streams, then
 * ends the stream (which holds nothing back: each byte is one character).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252.decode(bytes, { stream: true }) + windows1252.decode();
}

export interface InvalidBytes {
  /** Byte offset in the file of the first invalid sequence. */
  offset: number;
  /** 1-based line of that offset. */
  line: number;
  /** Number of invalid sequences in the whole file. */
  count: number;
}

/** What the streaming decoder learned about the file, final once the stream has ended. */
export interface DecodeOutcome {
  encoding: EncodingName;
  /** The file was not UTF-8 and was read as another encoding (found by detection, not given by the user). */
  detectedNotUtf8: boolean;
  /** The file starts with a byte-order mark. */
  bom: boolean;
  invalid?: InvalidBytes;
  /** NUL bytes in a file of single-byte text (UTF-8, Windows-1252), which text never holds. */
  nul?: InvalidBytes;
}

/**
 * Streams bytes to text. A file starts as UTF-8; if it turns out not to be UTF-8 while everything before
 * was plain ASCII, it is Windows-1252 throughout (ASCII reads the same in both, so nothing decoded so far
 * changes). Bytes that fit no reading are counted and reported with the offset and line of the first.
 */
export class StreamDecoder {
  readonly outcome: DecodeOutcome;
  private decoder: InstanceType<typeof TextDecoder>;
  private decided: boolean;
  private sawNonAscii = false;
  private offset = 0;
  private newlines = 0;
  /** Bytes of an incomplete UTF-8 sequence held back from the end of the previous chunk. */
  private carry: Buffer = Buffer.alloc(0);

  private readonly wide: boolean;

  constructor(sniffed: Sniffed, forced?: EncodingName) {
    const encoding = forced ?? sniffed.encoding;
    this.outcome = { encoding, detectedNotUtf8: forced === undefined && encoding !== 'utf-8', bom: sniffed.bomLength > 0 };
    this.decoder = new TextDecoder(encoding);
    this.decided = forced !== undefined || sniffed.certain || encoding !== 'utf-8';
    this.wide = encoding.startsWith('utf-16');
    this.offset = 0;
  }

  /** Decode the next chunk; `offset` counts the file's bytes including any BOM already skipped. */
  decode(chunk: Buffer, startOffset?: number): string {
    return this.textOf(this.accept(chunk, startOffset));
  }

  /** Whatever is left at the end of the file. */
  end(): string {
    if (this.outcome.encoding !== 'utf-8') return this.decoder.decode();
    return this.textOf(this.acceptEnd());
  }

  /**
   * Learn what the next chunk says about the encoding, and return its bytes that can be decoded now (an
   * incomplete UTF-8 sequence at its end waits for the next chunk) — for text that is decoded elsewhere.
   */
  accept(chunk: Buffer, startOffset?: number): Buffer {
    if (startOffset !== undefined && this.offset === 0) this.offset = startOffset;
    if (this.outcome.encoding !== 'utf-8') return this.advance(chunk);
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const keep = incompleteTail(bytes);
    this.carry = keep ? Buffer.from(bytes.subarray(bytes.length - keep)) : Buffer.alloc(0);
    const whole = keep ? bytes.subarray(0, bytes.length - keep) : bytes;
    if (!this.sawNonAscii && isAscii(whole)) return this.advance(whole);
    if (isUtf8(whole)) {
      this.sawNonAscii = true;
      this.decided = true;
      return this.advance(whole);
    }
    if (!this.decided && !this.sawNonAscii && looksSingleByte(bytes)) {
      // Windows-1252 has no multi-byte sequences: the bytes held back as an incomplete one belong here.
      this.switchToWindows1252();
      this.carry = Buffer.alloc(0);
      return this.advance(bytes);
    }
    this.recordInvalid(whole);
    return this.advance(whole);
  }

  /** The bytes held back at the end of the file (an incomplete UTF-8 sequence, which is invalid too). */
  acceptEnd(): Buffer {
    const rest = this.carry;
    if (!rest.length) return rest;
    this.carry = Buffer.alloc(0);
    this.recordInvalid(rest);
    return this.advance(rest);
  }

  /** Lines ended so far: the newlines in the bytes accepted. */
  get linesEnded(): number {
    return this.newlines;
  }

  /** The text of the bytes accept() (or acceptEnd()) returned last. */
  textOf(bytes: Buffer): string {
    if (this.outcome.encoding !== 'utf-8') return this.decoder.decode(bytes, { stream: true });
    return bytes.toString(this.lastChunkAscii ? 'latin1' : 'utf8');
  }

  private switchToWindows1252(): void {
    this.outcome.encoding = 'windows-1252';
    this.outcome.detectedNotUtf8 = true;
    this.decided = true;
    this.decoder = new TextDecoder('windows-1252');
  }

  /** The chunk decoded last was plain ASCII (so it holds no damaged text, nothing to look at closely). */
  lastChunkAscii = false;

  private advance(buffer: Buffer): Buffer {
    this.lastChunkAscii = !this.wide && isAscii(buffer);
    if (!this.wide) {
      const nul = buffer.indexOf(0);
      if (nul !== -1) this.recordNul(buffer, nul);
    }
    this.offset += buffer.length;
    this.newlines += countByte(buffer, 10);
    return buffer;
  }

  private recordNul(bytes: Buffer, first: number): void {
    if (!this.outcome.nul) this.outcome.nul = { offset: this.offset + first, line: this.lineAt(bytes, first), count: 0 };
    for (let i = first; i !== -1; i = bytes.indexOf(0, i + 1)) this.outcome.nul.count++;
  }

  /** The line of a byte in the chunk being decoded (lines before it are counted already). */
  private lineAt(bytes: Buffer, index: number): number {
    let line = this.newlines + 1;
    let i = -1;
    while ((i = bytes.indexOf(10, i + 1)) !== -1 && i < index) line++;
    return line;
  }

  private recordInvalid(bytes: Buffer): void {
    const bad = invalidUtf8Offsets(bytes);
    if (!bad.length) return;
    if (!this.outcome.invalid) this.outcome.invalid = { offset: this.offset + bad[0]!, line: this.lineAt(bytes, bad[0]!), count: 0 };
    this.outcome.invalid.count += bad.length;
    this.sawNonAscii = true;
    this.decided = true;
  }
}

/** How many times `byte` occurs in `bytes` (line breaks, mostly). */
export function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) count++;
  return count;
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Offsets of the invalid sequences in a chunk of would-be UTF-8 (one entry per maximal bad sequence). */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const bad: number[] = [];
  let lastBad = -2;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    }
    let ok = need > 0;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      i += need + 1;
    } else {
      if (lastBad !== i - 1) bad.push(i); // a new run of bad bytes; adjacent bad bytes are one sequence
      lastBad = i;
      i++;
    }
  }
  return bad;
}

/**
 * Bytes above 0x7F that never form valid UTF-8 multi-byte sequences: the mark of a single-byte encoding
 * such as Windows-1252 (`£` as 0xA3, `’` as 0x92), rather than UTF-8 with a few damaged bytes. A byte
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) means it is not that either.
 */
function looksSingleByte(bytes: Uint8Array): boolean {
  let valid = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    high++;
    if (b >= 0xc2 && b <= 0xf4) {
      const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
      let k = 1;
      while (k <= need && ((bytes[i + k] ?? 0) & 0xc0) === 0x80) k++;
      if (k > need) {
        valid++;
        i += need;
      }
    }
  }
  return high > 0 && valid * 10 < high;
}
