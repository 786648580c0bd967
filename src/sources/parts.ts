// Cutting a stream of text into parts of about `size` characters at line breaks, each with the line it
// starts on: how a big file is shared among worker threads.

export interface TextPart {
  text: string;
  firstLine: number;
  /** The last part of the file. */
  final: boolean;
}

/** A line longer than this is passed on as it is (the reader of the part reports it). */
const LONGEST_LINE = 64 << 20;

export async function* partsOf(
  chunks: AsyncIterator<string>,
  start: { text: string; line: number },
  size: number,
  onChunk?: (chunk: string) => void,
): AsyncGenerator<TextPart> {
  let carry = start.text;
  let line = start.line;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    onChunk?.(next.value);
    carry += next.value;
    if (carry.length < size) continue;
    let cut = carry.lastIndexOf('\n');
    if (cut < 0 && carry.length < LONGEST_LINE) continue;
    if (cut < 0) cut = carry.length - 1;
    const text = carry.slice(0, cut + 1);
    carry = carry.slice(cut + 1);
    yield { text, firstLine: line, final: false };
    line += countNewlines(text);
  }
  yield { text: carry, firstLine: line, final: true };
}

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
