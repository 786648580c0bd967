// What standard detection reads of a file: its first 64 KB, decoded, and from them the names to go by —
// a CSV file's first records (the header is among them), a JSON record's keys, a JSON document's top-level
// keys. A file that cannot be read, is empty, or is not data at all is a finding, as in a full check.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { makeIssue } from '../issues/catalog.js';
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { JsonRecordSplitter } from '../sources/json-records.js';
import { isFeature } from '../sources/geojson.js';
import { detectDelimiter, formatFromName, sniffBinary, sniffText } from '../sources/sniff.js';
import { DataReadError, openText } from '../sources/text.js';
import type { FileFormat, InputFormat, Issue } from '../types.js';
import { isWorkbookName, looksLikeWorkbook } from '../run/workbook-file.js';
import { readWorkbookHead } from './workbook-head.js';
import { HEADER_SEARCH } from '../check/layout.js';

const HEAD_BYTES = 65536;

export interface FileHead {
  format: FileFormat | 'unknown';
  encoding: string;
  /** Candidate header rows (CSV), or one row of a JSON record's keys. */
  rows: string[][];
  /** For a JSON object: its top-level keys, for standards of whole documents. */
  documentKeys?: string[];
  /** Why the file cannot be read as data. */
  problem?: Issue;
}

export interface HeadOptions {
  encoding?: string;
  delimiter?: string;
  inputFormat?: InputFormat;
  /** For a workbook: the sheet to read. */
  sheet?: string;
}

export async function readFileHead(path: string, options: HeadOptions = {}): Promise<FileHead> {
  if (!options.inputFormat && (isWorkbookName(path) || looksLikeWorkbook(path))) return readWorkbookHead(path, options.sheet);
  let format: FileHead['format'] = options.inputFormat ?? formatFromName(path) ?? 'unknown';
  const stream: Readable = createReadStream(path, { start: 0, end: HEAD_BYTES - 1 });
  let text;
  try {
    text = await openText(path, { encoding: options.encoding, stream });
  } catch (error) {
    stream.destroy();
    if (!(error instanceof DataReadError)) throw error;
    return { format, encoding: 'unknown', rows: [], problem: makeIssue('file-unreadable', { readerMessage: error.message }) };
  }
  stream.destroy();
  const encoding = text.decoding.encoding;
  const problem = (issue: Issue): FileHead => ({ format, encoding, rows: [], problem: issue });
  const binary = sniffBinary(text.head);
  if (binary) return { ...problem(makeIssue('format-invalid', { kind: 'not-data', file: binary })), format: 'unknown' };
  if (text.empty) return problem(makeIssue('file-empty', { reason: 'no-bytes' }));
  const head = text.headText;
  if (format === 'unknown') format = guessFormat(head);
  const wrong = sniffText(head, format);
  if (wrong) return { ...problem(makeIssue('format-invalid', { kind: 'not-data', file: wrong })), format: 'unknown' };
  const whole = text.head.length < HEAD_BYTES;
  switch (format) {
    case 'csv':
      return { format, encoding, rows: csvRows(head, options.delimiter, whole) };
    case 'ndjson': {
      const first = head.split('\n').find((line) => line.trim());
      return { format, encoding, rows: [keysOf(parseOrUndefined(first))] };
    }
    case 'json': {
      const splitter = new JsonRecordSplitter();
      const batch = splitter.push(head);
      const record = batch.texts[0] !== undefined ? parseOrUndefined(batch.texts[0]) : undefined;
      const documentKeys = head.trimStart().startsWith('{') ? topLevelKeys(head) : undefined;
      // A GeoJSON feature's record is its properties, with its geometry offered as a field.
      if (splitter.pointer === '/features' && isFeature(record)) {
        return { format, encoding, rows: [[...keysOf(record.properties), 'geometry']] };
      }
      // An object with several keys of its own is one record with lists nested in it (a whole service,
      // an organisation), not a holder of records: its lists' items say nothing about which standard it is.
      if (documentKeys && documentKeys.length > 2) return { format, encoding, rows: [], documentKeys };
      return { format, encoding, rows: [keysOf(record ?? (splitter.single ? parseOrUndefined(head) : undefined))], documentKeys };
    }
  }
}

function csvRows(head: string, delimiter: string | undefined, whole: boolean): string[][] {
  const tokenizer = new CsvTokenizer({ delimiter: delimiter && delimiter !== 'auto' ? delimiter : detectDelimiter(head), quote: '"' });
  const rows = tokenizer.push(head).rows;
  if (whole) rows.push(...tokenizer.end().rows);
  return rows.filter((row) => row.some((cell) => cell.trim() !== '')).slice(0, HEADER_SEARCH);
}

/** JSON starts with a bracket; NDJSON is one object per line; anything else is read as CSV. */
function guessFormat(head: string): InputFormat {
  const start = head.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const newline = start.indexOf('\n');
    return newline > 0 && start.slice(0, newline).trim().endsWith('}') ? 'ndjson' : 'json';
  }
  return 'csv';
}

function parseOrUndefined(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const keysOf = (value: unknown): string[] => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);

/** The keys of a JSON object's top level, read from the start of the text (which may be cut short). */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) break;
      if (depth === 1 && expectKey) {
        const key = parseOrUndefined(text.slice(i, end + 1));
        if (typeof key === 'string') keys.push(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth === 1 && c === '{') expectKey = true;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return keys;
}
