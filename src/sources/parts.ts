// Cutting the rest of a file into parts of about `size` bytes at line breaks, each with the line it
// starts on: how a big file is shared among worker threads. Parts stay bytes, decoded by the thread that
// checks them, so the main thread only reads, cuts and merges.
import type { ByteChunk } from './text.js';

export function countNewlines(s: string): number {
  let count = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Each complete, non-blank line of NDJSON text, numbered from `line`; returns what is left after the last
 * line break (with `final`, that too is a record) and the line it starts on.
 */
export function ndjsonRecords(text: string, line: number, final: boolean, each: (record: string, line: number) => void): { rest: string; line: number } {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    const record = text.slice(start, nl);
    if (record.trim()) each(record, line);
    line++;
    start = nl + 1;
  }
  const rest = text.slice(start);
  if (final && rest.trim()) {
    each(rest, line);
    return { rest: '', line };
  }
  return { rest, line };
}

/** A part as bytes, for a worker thread to decode: `prefix` is text read here already that comes first. */
export interface BytePart {
  prefix: string;
  bytes: Uint8Array;
  encoding: ByteChunk['encoding'];
  ascii: boolean;
  firstLine: number;
  final: boolean;
}

/** Bytes in a part: large enough that passing it to a worker costs little against checking it. */
export const PART_SIZE = 4 << 20;

/** A line longer than this is passed on as it is (the reader of the part reports it). */
const LONGEST_LINE = 64 << 20;

/** Each part's bytes have a buffer of their own, to be handed to a worker thread rather than copied. */
export async function* partsOf(
  chunks: AsyncIterator<ByteChunk>,
  start: { text: string; line: number },
  size: number,
  onChunk?: (chunk: ByteChunk) => void,
): AsyncGenerator<BytePart> {
  let prefix = start.text;
  let line = start.line;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let newlines = countNewlines(prefix);
  let ascii = true;
  let encoding: ByteChunk['encoding'] = 'utf-8';
  const part = (bytes: Uint8Array, final: boolean): BytePart => ({ prefix, bytes, encoding, ascii, firstLine: line, final });
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = next.value;
    onChunk?.(chunk);
    held.push(chunk.bytes);
    heldBytes += chunk.bytes.length;
    newlines += chunk.newlines;
    ascii &&= chunk.ascii;
    encoding = chunk.encoding;
    if (heldBytes < size) continue;
    const all = ownBuffer(Buffer.concat(held, heldBytes));
    let cut = all.lastIndexOf(10);
    if (cut < 0 && heldBytes < LONGEST_LINE) {
      held = [all];
      continue;
    }
    if (cut < 0) cut = all.length - 1;
    // The tail is copied first: once yielded, the part's buffer may be handed to another thread.
    const tail = Buffer.from(all.subarray(cut + 1));
    yield part(all.subarray(0, cut + 1), false);
    // After the last line break there are none, so every line break held was in that part.
    line += newlines;
    prefix = '';
    held = [tail];
    heldBytes = tail.length;
    newlines = 0;
    ascii = chunk.ascii;
  }
  yield part(ownBuffer(Buffer.concat(held, heldBytes)), true);
}

/** Bytes whose buffer holds them alone, so that handing the buffer to another thread hands only them. */
function ownBuffer(bytes: Buffer): Buffer {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes : Buffer.from(Uint8Array.prototype.slice.call(bytes).buffer);
}
