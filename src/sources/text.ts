// Reading a data file as text, streamed: the first chunk decides the encoding and whether the file is a
// data file at all; the rest is decoded as it arrives, so memory does not grow with the file.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { sniffEncoding, StreamDecoder, type DecodeOutcome, type EncodingName } from './encoding.js';

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
}

export interface OpenOptions {
  encoding?: EncodingName;
  chunkSize?: number;
  /** Standard input, or any stream, instead of a path. */
  stream?: Readable;
}

const DEFAULT_CHUNK = 1 << 18;

export async function openText(path: string, options: OpenOptions = {}): Promise<TextFile> {
  const stream = options.stream ?? createReadStream(path, { highWaterMark: options.chunkSize ?? DEFAULT_CHUNK });
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const next = async (): Promise<Buffer | undefined> => {
    try {
      const { value, done } = await iterator.next();
      if (done) return undefined;
      return typeof value === 'string' ? Buffer.from(value) : value;
    } catch (error) {
      throw new DataReadError(describeReadError(error));
    }
  };

  // The first chunk should hold enough to sniff; a stream may deliver less.
  let head = (await next()) ?? Buffer.alloc(0);
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
  const firstText = decoder.decode(head.subarray(bom), bom);
  let used = false;

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
      yield firstText;
      if (!ended) {
        for (let chunk = await next(); chunk; chunk = await next()) yield decoder.decode(chunk);
      }
      const rest = decoder.end();
      if (rest) yield rest;
    },
  };
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
    'windows1252': 'windows-1252',
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

function describeReadError(error: unknown): string {
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
