// Cutting the rest of a file into parts of about `size` bytes at line breaks, each with the line it
// starts on: how a big file is shared among worker threads. Parts stay bytes, decoded by the thread that
// checks them, so the main thread only reads, cuts and merges.
import { MAX_RECORD_CHARS } from './ndjson-lines.js';
import type { ByteChunk } from './text.js';

export function countNewlines(s: string): number {
  let count = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

/** A part as bytes, for a worker thread to decode: `prefix` is text read here already that comes first. */
export interface BytePart {
  prefix: string;
  bytes: Uint8Array;
  encoding: ByteChunk['encoding'];
  ascii: boolean;
  firstLine: number;
  final: boolean;
  /** The part starts inside a line longer than LONGEST_LINE, which the part before ends inside. */
  startsInsideLine: boolean;
  /** The part was cut inside a line longer than LONGEST_LINE (the reader of the part reports it). */
  endsInsideLine: boolean;
}

/** Bytes in a part: large enough that passing it to a worker costs little against checking it. */
export const PART_SIZE = 1 << 20;

/** Room in a part's buffer past its size, for the read chunk that takes it over (the reader reads 256 KB, and UTF-16 becomes up to half as much again as UTF-8). */
const CHUNK_ROOM = 384 << 10;

/** A line longer than this is cut, and passed on in parts (the reader of the part reports it). */
const LONGEST_LINE = MAX_RECORD_CHARS;

/**
 * The buffers parts are read into, given back once a part has been checked and merged, and filled again.
 * A new buffer per part would leave one behind for the collector every few milliseconds, and V8 lets
 * tens of megabytes of dead buffers wait before it collects them.
 */
export class PartBuffers {
  private readonly free: Uint8Array[] = [];

  constructor(readonly size: number) {}

  /** An empty buffer with room for a part and the read chunk that ends it. */
  take(): Uint8Array {
    return this.free.pop() ?? new Uint8Array(this.size + CHUNK_ROOM);
  }

  /** A part's bytes that nothing reads any more: their buffer is filled again (unless it grew for a long line). */
  give(bytes: Uint8Array): void {
    const buffer = bytes.buffer as ArrayBuffer;
    if (buffer.byteLength <= this.size + CHUNK_ROOM) this.free.push(new Uint8Array(buffer));
  }
}

/**
 * Parts of about `buffers.size` bytes. Each part's bytes start its buffer, which holds nothing else, so
 * the buffer can be handed to a worker thread rather than copied.
 */
export async function* partsOf(
  chunks: AsyncIterator<ByteChunk>,
  start: { text: string; line: number },
  buffers: PartBuffers,
  onChunk?: (chunk: ByteChunk) => void,
): AsyncGenerator<BytePart> {
  let prefix = start.text;
  let line = start.line;
  let bytes = buffers.take();
  let filled = 0;
  let newlines = countNewlines(prefix);
  let ascii = true;
  let encoding: ByteChunk['encoding'] = 'utf-8';
  /** The last line break in the buffer, or -1: each chunk's bytes are searched once, so a long line costs its length. */
  let lastBreak = -1;
  let startsInsideLine = false;
  const part = (length: number, final: boolean, endsInsideLine = false): BytePart => ({
    prefix,
    bytes: bytes.subarray(0, length),
    encoding,
    ascii,
    firstLine: line,
    final,
    startsInsideLine,
    endsInsideLine,
  });
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    // The chunk is copied at once: its bytes are good only until the next chunk is read.
    const chunk = next.value;
    onChunk?.(chunk);
    if (filled + chunk.bytes.length > bytes.length) bytes = grown(bytes, filled, filled + chunk.bytes.length);
    bytes.set(chunk.bytes, filled);
    const chunkBreak = chunk.bytes.lastIndexOf(10);
    if (chunkBreak >= 0) lastBreak = filled + chunkBreak;
    filled += chunk.bytes.length;
    newlines += chunk.newlines;
    ascii &&= chunk.ascii;
    encoding = chunk.encoding;
    if (filled < buffers.size) continue;
    const insideLine = lastBreak < 0;
    if (insideLine && filled < LONGEST_LINE) continue;
    const cut = insideLine ? filled - 1 : lastBreak;
    // The tail goes to the next buffer first: once yielded, this part's buffer may go to another thread.
    filled -= cut + 1;
    const tail = filled > buffers.size ? new Uint8Array(filled + buffers.size) : buffers.take();
    tail.set(bytes.subarray(cut + 1, cut + 1 + filled));
    yield part(cut + 1, false, insideLine);
    // After the last line break there are none, so every line break held was in that part.
    bytes = tail;
    line += newlines;
    prefix = '';
    newlines = 0;
    ascii = chunk.ascii;
    lastBreak = -1;
    startsInsideLine = insideLine;
  }
  yield part(filled, true);
}

/** A bigger buffer holding the first `filled` bytes of `bytes`, with room for `needed`. */
function grown(bytes: Uint8Array, filled: number, needed: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(needed, 2 * bytes.length));
  bigger.set(bytes.subarray(0, filled));
  return bigger;
}
