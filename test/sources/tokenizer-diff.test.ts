// The fast tokenizer must agree with csv-parse on every input: the same records, the same cells, and
// start lines equal to the lines csv-parse's raw records imply. Thousands of generated files mix quotes,
// escaped quotes, delimiters and line breaks (LF, CRLF, CR CR LF, stray CR) inside and outside quotes,
// empty cells, non-ASCII text and unclosed quotes; each is fed to the fast tokenizer whole and in
// random chunks. A quick set runs in `npm test`, the full set in CI (CONFORM_FULL_TESTS=1).
import { parse } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../src/sources/csv-tokenizer.js';

const FULL = process.env.CONFORM_FULL_TESTS === '1';
const CASES = FULL ? 30000 : 2000;
const SEED = Number(process.env.CONFORM_SEED ?? 20261125);

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random CSV-ish text: mostly well-formed records, with the awkward pieces real files have. */
function generate(rand: () => number, delimiter: string): string {
  const pieces = ['a', 'b', 'Zoë', '12.5', ' ', delimiter, '"', '""', '\n', '\r\n', '\r\r\n', '\r', '', 'x y'];
  const records = 1 + Math.floor(rand() * 8);
  let text = '';
  for (let r = 0; r < records; r++) {
    const cells = 1 + Math.floor(rand() * 5);
    for (let c = 0; c < cells; c++) {
      if (c) text += delimiter;
      const kind = rand();
      if (kind < 0.55) {
        // A plain cell.
        text += ['a', 'bb', '', 'Zoë', '12.5', 'x y'][Math.floor(rand() * 6)];
      } else if (kind < 0.85) {
        // A quoted cell, possibly with quotes, delimiters and line breaks inside.
        let inner = '';
        const n = Math.floor(rand() * 4);
        for (let k = 0; k < n; k++) inner += ['a', '""', delimiter, '\n', '\r\n', ' ', 'é'][Math.floor(rand() * 7)];
        text += `"${inner}"`;
      } else {
        // Anything at all, including stray quotes.
        const n = 1 + Math.floor(rand() * 4);
        for (let k = 0; k < n; k++) text += pieces[Math.floor(rand() * pieces.length)];
      }
    }
    text += ['\n', '\r\n', '\n', '\r\r\n', ''][Math.floor(rand() * (r === records - 1 ? 5 : 4))];
  }
  return text;
}

interface Parsed {
  rows: string[][];
  lines: number[];
  unclosed: boolean;
}

/** csv-parse, as the reference: records until any error, and their start lines from the bytes consumed. */
function reference(text: string, delimiter: string): Promise<Parsed> {
  return new Promise((resolve) => {
    const bytes = Buffer.from(text);
    const rows: string[][] = [];
    const lines: number[] = [];
    let start = 0;
    const lineAt = (offset: number) => 1 + bytes.subarray(0, offset).filter((b) => b === 10).length;
    const parser = parse({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\r\n', '\r\n', '\n'],
      info: true,
    });
    parser.on('data', (record) => {
      rows.push(record.record);
      lines.push(lineAt(start));
      // info.bytes counts everything consumed so far, the record's delimiter included.
      start = record.info.bytes;
    });
    parser.on('error', () => resolve({ rows, lines, unclosed: true }));
    parser.on('end', () => resolve({ rows, lines, unclosed: false }));
    // Line by line, so that the records before an unclosed quote are emitted before the error.
    let from = 0;
    for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, from)) {
      parser.write(bytes.subarray(from, nl + 1));
      from = nl + 1;
    }
    parser.end(bytes.subarray(from));
  });
}

function fast(text: string, delimiter: string, cuts: number[]): Parsed {
  const tokenizer = new CsvTokenizer({ delimiter, quote: '"' });
  const rows: string[][] = [];
  const lines: number[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const batch = tokenizer.push(text.slice(from, cut));
    rows.push(...batch.rows);
    lines.push(...batch.lines);
    from = cut;
  }
  const last = tokenizer.end();
  rows.push(...last.rows);
  lines.push(...last.lines);
  return { rows, lines, unclosed: tokenizer.unclosed !== undefined };
}

describe(`the fast tokenizer agrees with csv-parse (${CASES} generated files, seed ${SEED})`, { timeout: FULL ? 600_000 : 60_000 }, () => {
  it('gives the same records, cells and start lines, whole and in chunks', async () => {
    const rand = random(SEED);
    const failures: string[] = [];
    for (let i = 0; i < CASES && failures.length < 5; i++) {
      const delimiter = [',', ';', '\t', '|'][Math.floor(rand() * 4)]!;
      const text = generate(rand, delimiter);
      const expected = await reference(text, delimiter);
      const cuts = Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * (text.length + 1))).sort((a, b) => a - b);
      for (const got of [fast(text, delimiter, []), fast(text, delimiter, cuts)]) {
        // With an unclosed quote, both give the records before it, and say so.
        const same = expected.unclosed
          ? got.unclosed && JSON.stringify(got.rows) === JSON.stringify(expected.rows) && JSON.stringify(got.lines) === JSON.stringify(expected.lines)
          : !got.unclosed && JSON.stringify(got.rows) === JSON.stringify(expected.rows) && JSON.stringify(got.lines) === JSON.stringify(expected.lines);
        if (!same) failures.push(`case ${i}: ${JSON.stringify(text)} cuts ${JSON.stringify(cuts)}\n  csv-parse: ${JSON.stringify(expected)}\n  fast:      ${JSON.stringify(got)}`);
      }
    }
    expect(failures.join('\n')).toBe('');
  });
});
