// Checking one file from start to finish: read it (decoding and sniffing what it is), send its records
// through the checks for its format, and fold everything found into the file's report. Anything wrong
// with the file is a finding in the report; only a failure of the run itself throws.
import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { makeIssue } from '../issues/catalog.js';
import { buildFileReport } from '../report/build.js';
import { IssueCollector, type SeverityAdjuster } from '../report/collector.js';
import { ReferenceTokenizer, type Tokenizer } from '../sources/csv-reference.js';
import { CsvTokenizer, type TokenBatch } from '../sources/csv-tokenizer.js';
import { JsonRecordSplitter, SKIPPED_RECORD } from '../sources/json-records.js';
import { detectDelimiter, formatFromName, sniffBinary, sniffText } from '../sources/sniff.js';
import type { DecodeOutcome } from '../sources/encoding.js';
import { DataReadError, openText, type TextFile } from '../sources/text.js';
import type { Standard } from '../standards/standard.js';
import type { FileReport, InputFormat } from '../types.js';
import { fillLateKeyValues } from './key-values.js';
import { checkDocument, RecordsCheck } from '../check/records.js';
import { loadReferences } from './references.js';
import { routeRows, type RowTargets } from './route-rows.js';
import type { TablePlan } from '../check/row-checker.js';
import { TableCheck } from '../check/table.js';
import { checkRestInParts, startCsvWorkers, type PartsOutcome } from '../parallel/csv-parallel.js';
import { checkNdjsonInParts } from '../parallel/ndjson-parallel.js';
import { NdjsonLines } from '../sources/ndjson-lines.js';
import { keyRunsOnDisk } from '../io/key-runs.js';
import type { RunSettings } from './settings.js';
import { checkWorkbookFile, isWorkbookName, looksLikeWorkbook } from './workbook-file.js';

/** The run's settings a file's check uses (batch/settings.ts), and the file's own. */
export interface FileCheckOptions extends Pick<RunSettings, 'failOn'>, Partial<Pick<RunSettings, 'tokenizer' | 'threads' | 'partSize' | 'partsFrom'>> {
  maxIssues: number;
  encoding?: string;
  /** A single character; `auto` or undefined to detect. */
  delimiter?: string;
  inputFormat?: InputFormat;
  /** Column names in the file mapped to the standard's fields. */
  columns?: Record<string, string>;
  adjust?: SeverityAdjuster;
  /** Read this stream instead of the path (standard input). */
  stream?: Readable;
  /** Told the size of each chunk of the file as it is read (for a progress line). */
  onBytes?: (bytes: number) => void;
  /** For a workbook: the sheet to check, by name or by number from 1 (else the best match to the standard). */
  sheet?: string;
  /** Where to write the records that pass and those that fail. */
  rowTargets?: RowTargets;
  /** Sees each batch of CSV records this thread reads (for progress and the publisher of the file). */
  onRecords?: (batch: TokenBatch) => void;
}

/** Below this size a file is checked faster on one thread than by starting workers. */
const PARALLEL_FROM_BYTES = 24 << 20;

/** Is this file checked in parts, on `threads` threads? Only a big file is worth the threads' start-up. */
export function checkedInParts(path: string, threads = 1, partsFrom = PARALLEL_FROM_BYTES): boolean {
  if (threads < 2 || path === '-') return false;
  try {
    return statSync(path).size >= partsFrom;
  } catch {
    return false;
  }
}

interface Outcome {
  format: InputFormat | 'unknown';
  delimiter?: string;
  rows: number;
  headerLine?: number;
  /** Template rows under the header: not records, so in neither row file. */
  templateRows?: { row: number; endRow: number };
  /** Which column is which field, in a CSV file. */
  plan?: TablePlan;
}

export async function checkFile(path: string, standard: Standard, options: FileCheckOptions): Promise<FileReport> {
  if (!options.inputFormat && !options.stream && (isWorkbookName(path) || looksLikeWorkbook(path))) return checkWorkbookFile(path, standard, options);
  const started = performance.now();
  const sink = new IssueCollector(options.maxIssues, options.adjust);
  // What in the standard cannot be checked is said in every file's report it was used for.
  for (const detail of standard.warnings ?? []) sink.add(makeIssue('standard-warning', { unsupported: detail }));
  let outcome: Outcome = { format: options.inputFormat ?? formatFromName(path) ?? 'unknown', rows: 0 };
  let text: TextFile | undefined;
  try {
    text = await openText(path, { encoding: options.encoding, stream: options.stream, onBytes: options.onBytes });
    outcome = await checkText(path, text, standard, options, sink);
    // Standard input cannot be read again, nor a file gone since: duplicates found late there keep no value.
    if (!options.stream) {
      await fillLateKeyValues(path, sink, { ...outcome, encoding: options.encoding }).catch((error) => {
        if (!(error instanceof DataReadError)) throw error;
      });
    }
  } catch (error) {
    if (!(error instanceof DataReadError)) throw error;
    sink.add(makeIssue('file-unreadable', { readerMessage: error.message, partWay: text !== undefined }));
  } finally {
    await text?.close();
  }
  // A file that is not a data file at all (a workbook, a web page) has no encoding worth a word.
  if (text && outcome.format !== 'unknown') encodingIssues(text.decoding, sink);
  const targets = options.rowTargets;
  if (text && (targets?.valid || targets?.invalid) && outcome.format !== 'unknown' && !(standard.mode === 'document')) {
    await routeRows(
      path,
      { format: outcome.format, encoding: text.decoding.encoding, delimiter: outcome.delimiter, headerLine: outcome.headerLine, templateRows: outcome.templateRows },
      (row) => sink.isInvalid(row),
      targets,
    );
  }
  const ref = { id: standard.id, version: standard.version, title: standard.title };
  return buildFileReport(
    {
      path,
      standard: ref,
      format: outcome.format,
      encoding: text?.decoding.encoding ?? 'unknown',
      delimiter: outcome.delimiter,
      rows: outcome.rows,
      elapsed: (performance.now() - started) / 1000,
    },
    sink,
    options.failOn,
  );
}

async function checkText(path: string, text: TextFile, standard: Standard, options: FileCheckOptions, sink: IssueCollector): Promise<Outcome> {
  const named = options.inputFormat ?? formatFromName(path);
  const format = named ?? guessFormat(text.headText);
  const unknown: Outcome = { format, rows: 0 };
  const binary = sniffBinary(text.head);
  if (binary) {
    sink.add(makeIssue('format-invalid', { kind: 'not-data', file: binary }));
    return { ...unknown, format: 'unknown' };
  }
  if (text.empty) {
    sink.add(makeIssue('file-empty', { reason: 'no-bytes' }));
    return unknown;
  }
  const wrong = sniffText(text.headText, format);
  if (wrong) {
    sink.add(makeIssue('format-invalid', { kind: 'not-data', file: wrong }));
    return { ...unknown, format: 'unknown' };
  }
  if (standard.mode === 'document' && format !== 'json') {
    sink.add(makeIssue('format-invalid', { kind: 'document-not-json', standard: standard.id, format }));
    return unknown;
  }
  switch (format) {
    case 'csv':
      return checkCsv(path, text, standard, options, sink);
    case 'ndjson':
      return checkNdjson(path, text, standard, options, sink);
    case 'json':
      return standard.mode === 'document' ? checkJsonDocument(text, standard, sink) : checkJsonRecords(path, text, standard, sink);
  }
}

async function checkCsv(path: string, text: TextFile, standard: Standard, options: FileCheckOptions, sink: IssueCollector): Promise<Outcome> {
  const delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : detectDelimiter(text.headText);
  const dialect = { delimiter, quote: '"' };
  const tokenizer: Tokenizer = options.tokenizer === 'reference' ? new ReferenceTokenizer(dialect) : new CsvTokenizer(dialect);
  const references = await loadReferences(standard, path);
  const table = new TableCheck(standard, sink, { columns: options.columns, references, delimiter, keyRuns: keyRunsOnDisk });
  const take = (batch: TokenBatch) => {
    options.onRecords?.(batch);
    table.push(batch);
  };
  const inParts = tokenizer instanceof CsvTokenizer && checkedInParts(path, options.threads, options.partsFrom);
  // Worker threads start now, to load the standard while the header is read here.
  const parts = { standard, references, delimiter, threads: options.threads!, partSize: options.partSize };
  const workers = inParts ? startCsvWorkers(parts) : undefined;
  const chunks = text.chunks();
  let ended: PartsOutcome = {};
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      // Replacement characters the decoder put in for invalid bytes are reported as encoding-invalid.
      if (!text.decoding.invalid && !text.lastChunkAscii) table.noteChunk(next.value);
      take(tokenizer.push(next.value));
      if (workers && table.plan) {
        // The header is known: the rest of the file is checked in parts on the worker threads.
        ended = await checkRestInParts(workers, (tokenizer as CsvTokenizer).rest(), text, table, parts);
        break;
      }
    }
  } finally {
    await workers?.close();
  }
  take(tokenizer.end());
  tokenizer.unclosed ??= ended.unclosed;
  tokenizer.tooLong ??= ended.tooLong;
  if (tokenizer.unclosed) {
    const { line, linesSwallowed } = tokenizer.unclosed;
    sink.add(makeIssue('format-invalid', { kind: 'unclosed-quote', line, linesSwallowed }, { line, hint: 'close the quote, or double it ("") if it is part of the value' }));
  }
  if (tokenizer.tooLong) {
    const { line, limit } = tokenizer.tooLong;
    sink.add(makeIssue('format-invalid', { kind: 'csv-record-too-long', line, megabytes: Math.round(limit / 1048576) }, { line }));
  }
  if (!table.finish()) sink.add(makeIssue('file-empty', { reason: 'no-header' }));
  else if (table.rows === 0 && !tokenizer.unclosed && !tokenizer.tooLong) sink.add(makeIssue('file-empty', { reason: 'header-only' }, {}, 'warning'));
  return { format: 'csv', delimiter, rows: table.rows, headerLine: table.headerLine || undefined, templateRows: table.templateRows, plan: table.plan };
}

async function checkJsonRecords(path: string, text: TextFile, standard: Standard, sink: IssueCollector): Promise<Outcome> {
  const splitter = new JsonRecordSplitter();
  const records = new RecordsCheck(standard, sink, await loadReferences(standard, path), keyRunsOnDisk);
  let row = 0;
  const take = (batch: { texts: string[]; lines: number[] }) => {
    for (let k = 0; k < batch.texts.length; k++) {
      row++;
      const text = batch.texts[k]!;
      if (text === SKIPPED_RECORD) records.tooLong(batch.lines[k]!);
      else records.record(text, batch.lines[k]!, splitter.single ? '' : `${splitter.pointer}/${row - 1}`);
    }
  };
  for await (const chunk of text.chunks()) take(splitter.push(chunk));
  take(splitter.end());
  records.finish();
  if (splitter.problem) {
    sink.add(makeIssue('format-invalid', { kind: 'json-file', parserMessage: splitter.problem.message }, { line: splitter.problem.line }));
  } else if (records.rows === 0) {
    sink.add(makeIssue('file-empty', { reason: 'empty-array' }));
  }
  return { format: 'json', rows: records.rows };
}

async function checkNdjson(path: string, text: TextFile, standard: Standard, options: FileCheckOptions, sink: IssueCollector): Promise<Outcome> {
  const references = await loadReferences(standard, path);
  const records = new RecordsCheck(standard, sink, references, keyRunsOnDisk);
  const chunks = text.chunks();
  if (checkedInParts(path, options.threads, options.partsFrom)) {
    const first = await chunks.next();
    await checkNdjsonInParts(first.done ? '' : first.value, text, records, { standard, references, threads: options.threads!, partSize: options.partSize });
  } else {
    const lines = new NdjsonLines(
      1,
      (record, line) => records.record(record, line, undefined),
      (line) => records.tooLong(line),
    );
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) lines.push(next.value);
    lines.end();
  }
  records.finish();
  if (records.rows === 0) sink.add(makeIssue('file-empty', { reason: 'no-records' }));
  return { format: 'ndjson', rows: records.rows };
}

async function checkJsonDocument(text: TextFile, standard: Standard, sink: IssueCollector): Promise<Outcome> {
  let whole = '';
  for await (const chunk of text.chunks()) whole += chunk;
  const rows = checkDocument(whole, standard, sink);
  return { format: 'json', rows };
}

/** Without a telling file name: JSON starts with a bracket, NDJSON is an object per line, else CSV. */
function guessFormat(head: string): InputFormat {
  const start = head.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const firstLine = start.slice(0, start.indexOf('\n') >>> 0).trim();
    return firstLine.endsWith('}') && start.indexOf('\n') > 0 ? 'ndjson' : 'json';
  }
  return 'csv';
}

/** What the decoder found about the file's bytes: not UTF-8, bytes invalid in the encoding, NUL bytes. */
function encodingIssues(decoding: DecodeOutcome, sink: IssueCollector): void {
  if (decoding.detectedNotUtf8) sink.add(makeIssue('encoding-not-utf8', { encoding: decoding.encoding }));
  if (decoding.invalid) {
    const { offset, line, count } = decoding.invalid;
    sink.add(
      makeIssue(
        'encoding-invalid',
        { encoding: decoding.encoding, count, offset, line },
        { line, offset, count, hint: 'save the file again as UTF-8 (or name its encoding with --encoding); the bad bytes were read as �' },
      ),
    );
  }
  if (decoding.nul) {
    const { offset, line, count } = decoding.nul;
    sink.add(
      makeIssue(
        'format-invalid',
        { kind: 'nul-bytes', count, offset, line },
        { line, offset, count, hint: 'export the file again; if the NULs remain, remove them with a text editor' },
      ),
    );
  }
}
