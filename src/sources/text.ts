// Reading a data file as text, streamed: the first chunk decides the encoding and whether the file is a
// data file at all; the rest is decoded as it arrives, so memory does not grow with the file.
import { read as readCallback, open as openCallback, close as closeCallback } from 'node:fs';
import { promisify } from 'node:util';
import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { countByte, decodeWindows1252, sniffEncoding, StreamDecoder, type DecodeOutcome, type EncodingName } from './encoding.js';

/** A problem reading the file's bytes (missing, unreadable, changed while read): a finding, not a crash. */
export class DataReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataReadError';
  }
}

export interface TextFile {
  /** The first bytes, for telling what kind of file it is. */
  head: Buffer;
  /** The decoded text of the first chunk, for sniffing the dialect. */
  headText: string;
  /** The file has no bytes (after any byte-order mark). */
  empty: boolean;
  chunks(): AsyncGenerator<string>;
  /** Final once chunks() has finished. */
  readonly decoding: DecodeOutcome;
  /** The chunk chunks() yielded last was plain ASCII. */
  readonly lastChunkAscii: boolean;
  /**
   * The rest of the file after what chunks() has yielded, as bytes to be decoded elsewhere (on a worker
   * thread, say); the encoding is still decided here, over the whole file. A chunk's bytes are good only
   * until the next chunk is read: copy them to keep them.
   */
  byteChunks(): AsyncGenerator<ByteChunk>;
  /** Stop reading a file that need not be read to the end (a stream given is left as it is). */
  close(): Promise<void>;
}

/**
 * Bytes of the file that can be cut at any line break and decoded on their own: UTF-8 or Windows-1252
 * as in the file (the decoder's encoding when they were read), or UTF-16 text re-encoded as UTF-8.
 */
export interface ByteChunk {
  bytes: Buffer;
  encoding: 'utf-8' | 'windows-1252';
  /** Line breaks in the bytes. */
  newlines: number;
  /** The bytes are plain ASCII. */
  ascii: boolean;
}

export interface OpenOptions {
  encoding?: EncodingName;
  /** Standard input, or any stream, instead of a path. */
  stream?: Readable;
  /** Told the size of each chunk as it is read (for a progress line). */
  onBytes?: (bytes: number) => void;
}

/** Bytes read from a file at a time: a read costs the main thread about the same whatever its size. */
const READ_SIZE = 256 << 10;

/**
 * Bytes decoded into one chunk or slice of text, wherever text is decoded and checked: a chunk's rows
 * are alive together, and the fewer there are, the fewer live long.
 */
export const TEXT_CHUNK = 64 << 10;

export async function openText(path: string, options: OpenOptions = {}): Promise<TextFile> {
  const chunks = options.stream ?? fileChunks(path, READ_SIZE);
  const iterator = (chunks as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  /** The next chunk of bytes, good only until the one after is read. */
  const next = async (): Promise<Buffer | undefined> => {
    try {
      const { value, done } = await iterator.next();
      if (done) return undefined;
      const bytes = typeof value === 'string' ? Buffer.from(value) : value;
      options.onBytes?.(bytes.length);
      return bytes;
    } catch (error) {
      throw new DataReadError(describeReadError(error));
    }
  };

  // The first chunk should hold enough to sniff; a stream may deliver less.
  let head = Buffer.from((await next()) ?? []);
  let ended = head.length === 0;
  while (!ended && head.length < 65536) {
    const more = await next();
    if (!more) {
      ended = true;
      break;
    }
    head = Buffer.concat([head, more]);
  }
  const sniffed = sniffEncoding(head);
  const forced = options.encoding && options.encoding !== 'auto' ? normaliseEncodingName(options.encoding) : undefined;
  const decoder = new StreamDecoder(sniffed, forced);
  const bom = forced && !['utf-8', 'utf-16le', 'utf-16be'].includes(forced) ? 0 : sniffed.bomLength;
  const decodedHead = decoder.decode(head.subarray(bom), bom);
  // Line breaks of the classic Mac OS, a CR alone, as some exports still write them: the first chunk has
  // CRs and no LF. Each CR is read as the LF it means, so every reader below sees lines.
  const crOnly = decodedHead.includes('\r') && !decodedHead.includes('\n');
  const lines = (text: string) => (crOnly ? text.replace(/\r/g, '\n') : text);
  const firstText = lines(decodedHead);
  let used = false;
  const close = async () => {
    if (!options.stream) await iterator.return?.();
  };

  return {
    head,
    headText: firstText,
    empty: head.length - bom === 0,
    get decoding() {
      return decoder.outcome;
    },
    get lastChunkAscii() {
      return decoder.lastChunkAscii;
    },
    async *chunks() {
      if (used) throw new Error('chunks() can be read once');
      used = true;
      let read = false;
      try {
        yield firstText;
        if (!ended) {
          for (let chunk = await next(); chunk; chunk = await next()) {
            for (let at = 0; at < chunk.length; at += TEXT_CHUNK) yield lines(decoder.decode(chunk.subarray(at, at + TEXT_CHUNK)));
          }
        }
        read = true;
      } finally {
        // A reader that stops early (a `for await` left by break or by an error) closes the file.
        if (!read) await close();
      }
      const rest = lines(decoder.end());
      if (rest) yield rest;
    },
    close,
    async *byteChunks() {
      const utf8Chunk = (text: string): ByteChunk => {
        const bytes = Buffer.from(text, 'utf8');
        return { bytes, encoding: 'utf-8', newlines: countByte(bytes, 10), ascii: false };
      };
      const asBytes = (accepted: () => Buffer): ByteChunk => {
        const before = decoder.linesEnded;
        const bytes = accepted();
        const encoding = decoder.outcome.encoding;
        if (encoding !== 'utf-8' && encoding !== 'windows-1252') return utf8Chunk(decoder.textOf(bytes));
        return { bytes, encoding: encoding as ByteChunk['encoding'], newlines: decoder.linesEnded - before, ascii: decoder.lastChunkAscii };
      };
      if (crOnly) {
        // Re-encoded with LFs, as UTF-16 text is: the bytes as they are hold no line break to cut at.
        if (!ended) for (let chunk = await next(); chunk; chunk = await next()) yield utf8Chunk(lines(decoder.decode(chunk)));
        const last = lines(decoder.end());
        if (last) yield utf8Chunk(last);
        return;
      }
      if (!ended) {
        for (let chunk = await next(); chunk; chunk = await next()) yield asBytes(() => decoder.accept(chunk));
      }
      // What the decoder holds back at the end: an incomplete UTF-8 sequence, or UTF-16's last bytes.
      const encoding = decoder.outcome.encoding;
      const last = encoding === 'utf-8' || encoding === 'windows-1252' ? asBytes(() => decoder.acceptEnd()) : utf8Chunk(decoder.end());
      if (last.bytes.length) yield last;
    },
  };
}

const openFile = promisify(openCallback);
const readFile = promisify(readCallback);
const closeFile = promisify(closeCallback);

/**
 * A file's bytes, a chunk at a time, read into two buffers in turn: the next chunk is read while this one
 * is used, and a chunk is good only until the next is asked for. A new buffer per chunk would leave one
 * behind for the collector every few kilobytes, and V8 lets tens of megabytes of dead buffers wait
 * before it collects them.
 */
async function* fileChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const fd = await openFile(path, 'r');
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let which = 0;
  // The first read is small: it is the head, which is sniffed and decoded whole.
  let length = Math.min(size, TEXT_CHUNK);
  const readInto = (buffer: Buffer) => {
    const reading = readFile(fd, buffer, 0, length, null);
    length = size;
    reading.catch(() => {}); // a failed read is reported when it is awaited, not before
    return reading;
  };
  let reading = readInto(buffers[0]!);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      const chunk = buffers[which]!.subarray(0, bytesRead);
      which ^= 1;
      reading = readInto(buffers[which]!);
      yield chunk;
    }
  } finally {
    await reading.catch(() => {});
    await closeFile(fd);
  }
}

/** `utf8`, `UTF-8`, `cp1252`, `latin1` and the like, as the decoder knows them. */
export function normaliseEncodingName(name: string): EncodingName {
  const lower = name.toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, EncodingName> = {
    utf8: 'utf-8',
    'utf-8': 'utf-8',
    utf16le: 'utf-16le',
    'utf-16': 'utf-16le',
    utf16be: 'utf-16be',
    cp1252: 'windows-1252',
    windows1252: 'windows-1252',
    latin1: 'windows-1252',
    'iso-8859-1': 'windows-1252',
  };
  return aliases[lower] ?? lower;
}

/** Is this an encoding the decoder can read? */
export function isKnownEncoding(name: string): boolean {
  try {
    new TextDecoder(normaliseEncodingName(name));
    return true;
  } catch {
    return false;
  }
}

export function describeReadError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'the file does not exist (it may have been moved or deleted)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return e.message ?? String(error);
  }
}

/** The text of bytes from byteChunks() (or any run of them cut at a character boundary). */
function textOfBytes(bytes: Uint8Array, encoding: ByteChunk['encoding'], ascii: boolean, start = 0, end = bytes.length): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii) return buffer.toString('latin1', start, end);
  if (encoding === 'utf-8') return buffer.toString('utf8', start, end);
  return decodeWindows1252(buffer.subarray(start, end));
}

/**
 * The text of bytes from byteChunks(), in slices of about `size` bytes, each cut where a character
 * starts (so slices decode exactly as the whole would), with whether the slice is plain ASCII.
 * `ascii`: all the bytes are known to be. `skipAscii`: slices of plain ASCII are not even decoded.
 */
export function eachTextSlice(
  bytes: Uint8Array,
  encoding: ByteChunk['encoding'],
  ascii: boolean,
  size: number,
  each: (text: string, ascii: boolean) => void,
  skipAscii = false,
): void {
  for (let at = 0; at < bytes.length;) {
    let end = Math.min(at + size, bytes.length);
    // A UTF-8 character is at most four bytes: step back over up to three continuation bytes.
    if (encoding === 'utf-8' && !ascii) for (let k = 0; k < 3 && end < bytes.length && end > at + 1 && (bytes[end]! & 0xc0) === 0x80; k++) end--;
    const sliceAscii = ascii || isAscii(bytes.subarray(at, end));
    if (!(skipAscii && sliceAscii)) each(textOfBytes(bytes, encoding, sliceAscii, at, end), sliceAscii);
    at = end;
  }
}
