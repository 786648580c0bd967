// Checking a workbook (.xlsx, .ods) against a standard of records: choose the sheet (the one named, or
// the one whose header best matches the standard), then feed its rows to the same table check as a CSV
// file's, as text cells, numbered by the spreadsheet's own rows. Every issue is given its sheet and cell.
import type { SheetSkipped } from '../issues/args.js';
import { makeIssue } from '../issues/catalog.js';
import { buildFileReport } from '../report/build.js';
import { IssueCollector } from '../report/collector.js';
import { cellReference, openWorkbook, WorkbookError, type Workbook, type WorkbookSheet } from '../sources/workbook.js';
import { keyRunsOnDisk } from '../io/key-runs.js';
import type { Standard } from '../standards/standard.js';
import type { FileReport } from '../types.js';
import type { FileCheckOptions } from './file.js';
import { headerScorer } from '../check/header.js';
import { HEADER_SEARCH } from '../check/layout.js';
import { loadReferences } from './references.js';
import { TableCheck } from '../check/table.js';
import { readSheetRecords, rowTexts } from '../check/workbook-rows.js';
import { SheetIssues } from '../check/workbook-issues.js';
import { accessSync, closeSync, constants, openSync, readSync, rmSync, statSync } from 'node:fs';
import { describeReadError } from '../sources/text.js';
import { routeRows, type RowTargets } from './route-rows.js';
import { checkFlatWorkbook } from './flat-workbook.js';

/** Rows handed to the table check at a time. */
const BATCH = 2000;

/** A workbook, by its name: these are read as workbooks, whatever their first bytes. */
export function isWorkbookName(path: string): boolean {
  return /\.(xlsx|xlsm|ods)$/i.test(path);
}

/**
 * A file whose name says no data format (`download`, or an .xlsx file saved as `.xls`) that starts as a
 * workbook's ZIP archive does (its first parts name `xl/`, or the OpenDocument spreadsheet type). Other
 * archives are left to the text reader, which names them for what they are.
 */
export function looksLikeWorkbook(path: string): boolean {
  if (path === '-' || /\.(csv|tsv|txt|tab|psv|json|ndjson|jsonl|jsonlines)$/i.test(path)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(65536);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read < 4 || head.readUInt32LE(0) !== 0x04034b50) return false;
    const text = head.toString('latin1', 0, read);
    return text.includes('xl/') || text.includes('application/vnd.oasis.opendocument.spreadsheet');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function checkWorkbookFile(path: string, standard: Standard, options: FileCheckOptions): Promise<FileReport> {
  const started = performance.now();
  const sink = new SheetIssues(options.maxIssues, options.adjust);
  for (const detail of standard.warnings ?? []) sink.add(makeIssue('standard-warning', { unsupported: detail }));
  let format: 'xlsx' | 'ods' = /\.ods$/i.test(path) ? 'ods' : 'xlsx';
  let rows = 0;
  let chosen: WorkbookSheet | undefined;
  let book: Workbook | undefined;
  try {
    if (options.stream) throw new WorkbookError('a workbook cannot be read from standard input; give its path');
    // A file that is missing, unreadable or empty is said as it is for any other file.
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      size = stat.size;
      accessSync(path, constants.R_OK);
    } catch (error) {
      sink.add(makeIssue('file-unreadable', { readerMessage: describeReadError(error) }));
      return report();
    }
    if (size === 0) {
      sink.add(makeIssue('file-empty', { reason: 'no-bytes' }));
      return report();
    }
    book = await openWorkbook(path);
    format = book.kind;
    if (standard.mode === 'document') {
      const flat = await checkFlatWorkbook(book, standard, sink);
      rows = flat.rows;
      chosen = flat.sheet === undefined ? undefined : { name: flat.sheet, position: 0, hidden: false };
    } else {
      chosen = await chooseSheet(book, standard, options, sink);
      if (chosen) {
        const table = await checkSheet(book, chosen, standard, path, options, sink);
        rows = table.rows;
        const targets = options.rowTargets;
        if (targets?.valid || targets?.invalid) {
          book.close();
          book = undefined;
          await routeSheetRows(path, standard, chosen.name, table, (row) => sink.isInvalid(row), targets);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    sink.add(makeIssue('format-invalid', { kind: 'workbook-unreadable', parserMessage: error.message }, {}, 'error'));
  } finally {
    book?.close();
  }
  return report();

  function report(): FileReport {
    return buildFileReport(
      {
        path,
        standard: { id: standard.id, version: standard.version, title: standard.title },
        format,
        encoding: 'utf-8',
        sheet: chosen?.name,
        rows,
        elapsed: (performance.now() - started) / 1000,
      },
      sink,
      options.failOn,
    );
  }
}

/** The sheet named by --sheet (a name, or a number counting from 1), else the best match; the others are listed as skipped. */
export async function chooseSheet(book: Workbook, standard: Standard, options: FileCheckOptions, sink: IssueCollector): Promise<WorkbookSheet | undefined> {
  const skip = (sheet: WorkbookSheet, why: SheetSkipped) => sink.add(makeIssue('workbook-sheet', { ...why, sheet: sheet.name }, { sheet: sheet.name }));
  const asked = options.sheet;
  if (asked !== undefined) {
    const sheet =
      book.sheets.find((s) => s.name === asked) ??
      book.sheets.find((s) => s.name.toLowerCase() === asked.toLowerCase()) ??
      (/^\d+$/.test(asked) ? book.sheets[Number(asked) - 1] : undefined);
    if (!sheet) {
      const names = book.sheets.map((s) => JSON.stringify(s.name)).join(', ');
      throw new WorkbookError(`it has no sheet ${/^\d+$/.test(asked) ? `number ${asked}` : JSON.stringify(asked)}; its sheets are ${names}`);
    }
    for (const other of book.sheets) if (other !== sheet) skip(other, { kind: 'other-chosen', chosen: sheet.name });
    return sheet;
  }
  const score = headerScorer(standard, options.columns);
  const scored: Array<{ sheet: WorkbookSheet; score: number; empty: boolean }> = [];
  for (const sheet of book.sheets) {
    if (sheet.hidden) continue;
    const head: string[][] = [];
    await book.readRows(sheet, (row) => head.push(rowTexts(row)), HEADER_SEARCH);
    scored.push({ sheet, score: Math.max(0, ...head.map(score)), empty: head.length === 0 });
  }
  const best = scored.filter((s) => !s.empty).reduce<(typeof scored)[number] | undefined>((a, b) => (!a || b.score > a.score ? b : a), undefined);
  if (!best) {
    const hidden = book.sheets.filter((s) => s.hidden);
    throw new WorkbookError(
      hidden.length === book.sheets.length ? 'all its sheets are hidden; unhide the sheet with the data, or name it with --sheet' : 'none of its visible sheets holds any values',
    );
  }
  for (const sheet of book.sheets) {
    if (sheet === best.sheet) continue;
    const entry = scored.find((s) => s.sheet === sheet);
    const why: SheetSkipped = sheet.hidden ? { kind: 'hidden' } : entry!.empty ? { kind: 'no-values' } : { kind: 'weaker-header', best: best.sheet.name };
    skip(sheet, why);
  }
  return best.sheet;
}

/** --valid-rows / --invalid-rows: the sheet written out as CSV, then its records routed as a CSV file's are. */
async function routeSheetRows(path: string, standard: Standard, sheet: string, table: TableCheck, isInvalid: (row: number) => boolean, targets: RowTargets): Promise<void> {
  // Loaded here, on first use: the export itself chooses the sheet with this module.
  const { exportSheet } = await import('./workbook-export.js');
  const copy = await exportSheet(path, path, standard, { sheet });
  try {
    await routeRows(
      copy.path,
      { format: 'csv', encoding: 'utf-8', delimiter: ',', headerLine: table.headerLine || undefined, templateRows: table.templateRows },
      isInvalid,
      targets,
    );
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}

async function checkSheet(book: Workbook, sheet: WorkbookSheet, standard: Standard, path: string, options: FileCheckOptions, sink: SheetIssues): Promise<TableCheck> {
  sink.sheet = sheet.name;
  const table = new TableCheck(standard, sink, { columns: options.columns, references: await loadReferences(standard, path), keyRuns: keyRunsOnDisk });
  let batch = { rows: [] as string[][], lines: [] as number[] };
  // Kept small (not the rows): a sheet of formulas without saved values may have one in every row.
  const formulas: Array<{ line: number; column: number; error?: string }> = [];
  const flush = () => {
    table.push(batch);
    batch = { rows: [], lines: [] };
  };
  await readSheetRecords(book, sheet, (texts, line, row) => {
    batch.rows.push(texts);
    batch.lines.push(line);
    row?.cells.forEach((cell, column) => {
      if (cell?.formula && (cell.kind === 'error' || cell.text === '')) formulas.push({ line, column, error: cell.kind === 'error' ? cell.text : undefined });
    });
    if (batch.rows.length >= BATCH) flush();
  });
  flush();
  if (!table.finish()) sink.add(makeIssue('file-empty', { reason: 'no-header', sheet: sheet.name }));
  else if (table.rows === 0) sink.add(makeIssue('file-empty', { reason: 'header-only', sheet: sheet.name }, {}, 'warning'));
  const names = table.plan?.names ?? [];
  for (const { line, column, error } of formulas) {
    if (line <= table.headerLine) continue;
    const where = cellReference(sheet.name, column, line);
    // Every row under the header is a record (blank ones too), so the record's number follows from the line.
    sink.add(makeIssue('formula-value', { cell: where, error }, { row: line - table.headerLine, line, columnIndex: column + 1, column: names[column] ?? undefined, value: error }));
  }
  return table;
}
