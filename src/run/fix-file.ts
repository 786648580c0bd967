// `conform fix` as a library function: read a CSV file twice and write a repaired copy. The first pass
// finds the header and learns what the whole file settles (the order of day and month in each date
// column, which unnamed columns are empty); the second writes UTF-8 with the standard's column names, the
// rows in their order, and every cell repair that `validate` offers as a fix. Title, template, blank and
// total rows and empty unnamed columns are removed as layout repairs; no data row is ever dropped. Every change
// goes to the log.
import { CellChecker, fieldSeverity } from '../check/cells.js';
import { matchHeader, type Column } from '../check/header.js';
import { findHeaderless } from '../check/headerless.js';
import { findHeader, HEADER_SEARCH, isBlankRow, TEMPLATE_SEARCH, templateKind, totalRowLabel } from '../check/layout.js';
import { ConformError } from '../errors.js';
import { makeIssue } from '../issues/catalog.js';
import { CsvTokenizer, type TokenBatch } from '../sources/csv-tokenizer.js';
import { detectDelimiter, sniffBinary, sniffText } from '../sources/sniff.js';
import { openText } from '../sources/text.js';
import type { Standard } from '../standards/standard.js';
import { CsvWriter } from '../repair/csv-writer.js';
import { spreadsheetText } from '../formatters/csv.js';
import { findDamage, MOJIBAKE } from '../repair/mojibake.js';
import { repairsForRow, rowRepairPlan, type RowRepair, type RowRepairPlan } from '../repair/row-repairs.js';
import { withRowRepair } from '../check/row-checker.js';

export interface FixOptions {
  encoding?: string;
  /** A single character, or undefined / `auto` to detect. */
  delimiter?: string;
  /** Column names in the file mapped to the standard's fields. */
  columns?: Record<string, string>;
}

export interface FixSummary {
  /** Changes written to the log. */
  changes: number;
  /** Changes by repair name. */
  byRepair: Record<string, number>;
  /** Data rows written. */
  rows: number;
  encoding: string;
  delimiter: string;
}

/** One line of the log: where, what was there, what is there now, and which repair did it. */
export interface Change {
  row?: number;
  line?: number;
  column?: string;
  before: string;
  after: string;
  repair: string;
}

export const LOG_COLUMNS = ['row', 'line', 'column', 'before', 'after', 'repair'];

interface Plan {
  /** Index, among the file's records, of the header. */
  headerAt: number;
  headerLine: number;
  columns: Column[];
  checkers: Array<CellChecker | undefined>;
  /** Unnamed columns with a value in some row: kept. */
  usedBlank: Set<number>;
  /** Records (by index) right under the header that are template rows. */
  templates: Set<number>;
  /** Repairs that read several cells of a row, if the standard has any. */
  rowPlan?: RowRepairPlan;
  /** The file has no header row and follows the standard's order: the names written above its first row. */
  addedHeader?: string[];
}

export async function fixFile(input: string, output: string, log: string, standard: Standard, options: FixOptions = {}): Promise<FixSummary> {
  const first = await openText(input, { encoding: options.encoding });
  const notData = sniffBinary(first.head) ?? (first.empty ? undefined : sniffText(first.headText, 'csv'));
  const problem = notData ? makeIssue('format-invalid', { kind: 'not-data', file: notData }) : first.empty ? makeIssue('file-empty', { reason: 'no-bytes' }) : undefined;
  if (problem) {
    await first.close();
    throw new ConformError(`${input} cannot be repaired: ${problem.message}`);
  }
  const delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : detectDelimiter(first.headText);
  const plan = await learn(first.chunks(), standard, delimiter, options.columns);
  const decoding = first.decoding;

  // The repaired copy is data and keeps its values; the log is read by people in a spreadsheet, so a
  // value that would run as a formula there is made plain text.
  const out = new CsvWriter(output);
  let changes: CsvWriter;
  try {
    changes = new CsvWriter(log, spreadsheetText);
  } catch (error) {
    out.abandon();
    throw error;
  }
  const summary: FixSummary = { changes: 0, byRepair: {}, rows: 0, encoding: decoding.encoding, delimiter };
  const record = async (change: Change) => {
    summary.changes++;
    summary.byRepair[change.repair] = (summary.byRepair[change.repair] ?? 0) + 1;
    await changes.row([change.row?.toString() ?? '', change.line?.toString() ?? '', change.column ?? '', change.before, change.after, change.repair]);
  };
  try {
    await changes.row(LOG_COLUMNS);
    if (decoding.encoding !== 'utf-8' || decoding.bom) {
      const before = decoding.encoding === 'utf-8' ? 'UTF-8 with a byte-order mark' : decoding.encoding.toUpperCase();
      await record({ before, after: 'UTF-8', repair: 'encoding' });
    }
    if (delimiter !== ',') await record({ before: delimiter === '\t' ? 'tab' : delimiter, after: ',', repair: 'delimiter' });
    const second = await openText(input, { encoding: options.encoding });
    await write(second.chunks(), plan, delimiter, out, record, summary);
    // The log first: a copy is never put in place (least of all over its input) without its log.
    await changes.commit();
    await out.commit();
  } catch (error) {
    out.abandon();
    changes.abandon();
    throw error;
  }
  return summary;
}

/** The first pass: where the header is, which columns are which, and what the whole file settles. */
async function learn(chunks: AsyncGenerator<string>, standard: Standard, delimiter: string, columnMap?: Record<string, string>): Promise<Plan> {
  const tokenizer = new CsvTokenizer({ delimiter, quote: '"' });
  const top: TokenBatch = { rows: [], lines: [] };
  let plan: Plan | undefined;
  let index = 0;
  const take = (batch: TokenBatch) => {
    for (let k = 0; k < batch.rows.length; k++) {
      if (!plan) {
        top.rows.push(batch.rows[k]!);
        top.lines.push(batch.lines[k]!);
        if (top.rows.length === HEADER_SEARCH) plan = start();
        continue;
      }
      observe(plan, batch.rows[k]!, index++);
    }
  };
  const start = (): Plan | undefined => {
    const at = findHeader(top.rows, standard, columnMap);
    if (at < 0) return undefined;
    const headerless = findHeaderless(top.rows[at]!, standard, columnMap);
    if (headerless && !headerless.names) {
      throw new ConformError(
        `Line ${top.lines[at]} holds data, not column names, and its columns are not the standard's in its order, so conform cannot tell which is which; add a header row first`,
      );
    }
    const addedHeader = headerless?.names;
    const match = matchHeader(addedHeader ?? top.rows[at]!, standard, columnMap);
    const decimalComma = delimiter === ';';
    const checkers = match.columns.map((c) => (c.field && !c.duplicateOf ? new CellChecker(c.field, standard, (code, f) => fieldSeverity(code, f), { decimalComma }) : undefined));
    const learned: Plan = {
      headerAt: at,
      headerLine: top.lines[at]!,
      columns: match.columns,
      checkers,
      usedBlank: new Set(),
      templates: new Set(),
      rowPlan: rowRepairPlan(standard),
      addedHeader,
    };
    index = 0;
    for (let k = 0; k < top.rows.length; k++) {
      if (k > at || (addedHeader && k === at)) observe(learned, top.rows[k]!, k);
    }
    index = top.rows.length;
    return learned;
  };
  for await (const chunk of chunks) take(tokenizer.push(chunk));
  take(tokenizer.end());
  plan ??= start();
  if (!plan) throw new ConformError('The file has no header row and no records, so there is nothing to repair');
  if (tokenizer.unclosed) {
    throw new ConformError(`A quote opened on line ${tokenizer.unclosed.line} is never closed, so the rest of the file cannot be read as rows; close it before repairing the file`);
  }
  return plan;
}

/** One record of the first pass: template rows, unnamed columns in use, and each cell through its checker. */
function observe(plan: Plan, cells: string[], index: number): void {
  const underHeader = index - plan.headerAt;
  if (underHeader <= TEMPLATE_SEARCH && underHeader === plan.templates.size + 1 && templateKind(cells, namedWidth(plan)) !== undefined) {
    plan.templates.add(index);
    return;
  }
  if (isBlankRow(cells) || totalRowLabel(cells, plan.columns.length) !== undefined) return;
  for (let c = 0; c < cells.length; c++) {
    const column = plan.columns[c];
    if (column?.blank && cells[c]!.trim() !== '') plan.usedBlank.add(c);
    plan.checkers[c]?.check(cells[c]!);
  }
}

/** The second pass: the repaired rows, and the log of every change. */
async function write(chunks: AsyncGenerator<string>, plan: Plan, delimiter: string, out: CsvWriter, record: (change: Change) => Promise<void>, summary: FixSummary): Promise<void> {
  const tokenizer = new CsvTokenizer({ delimiter, quote: '"' });
  const kept = plan.columns.filter((c) => !c.blank || plan.usedBlank.has(c.index)).map((c) => c.index);
  const width = plan.columns.length;
  let index = 0;
  let row = 0;
  const take = async (batch: TokenBatch) => {
    for (let k = 0; k < batch.rows.length; k++, index++) {
      const cells = batch.rows[k]!;
      const line = batch.lines[k]!;
      if (index < plan.headerAt) {
        await record({ line, before: cells.join(delimiter), after: '', repair: isBlankRow(cells) ? 'remove-blank-line' : 'remove-title-row' });
      } else if (index === plan.headerAt && !plan.addedHeader) {
        await writeHeader(plan, kept, line, out, record);
      } else {
        if (index === plan.headerAt) {
          await record({ line, before: '', after: plan.addedHeader!.join(','), repair: 'add-header' });
          await writeHeader(plan, kept, line, out, record);
        }
        row++;
        if (plan.templates.has(index)) await record({ row, line, before: cells.join(delimiter), after: '', repair: 'remove-template-row' });
        else if (isBlankRow(cells)) await record({ row, line, before: cells.join(delimiter), after: '', repair: 'remove-blank-row' });
        else if (totalRowLabel(cells, width) !== undefined) await record({ row, line, before: cells.join(delimiter), after: '', repair: 'remove-total-row' });
        else {
          await out.row(await repairRow(plan, kept, width, cells, row, line, record));
          summary.rows++;
        }
      }
    }
  };
  for await (const chunk of chunks) await take(tokenizer.push(chunk));
  await take(tokenizer.end());
}

async function writeHeader(plan: Plan, kept: number[], line: number, out: CsvWriter, record: (change: Change) => Promise<void>): Promise<void> {
  const names: string[] = [];
  for (const c of plan.columns) {
    if (!kept.includes(c.index)) {
      await record({ line, column: `column ${c.index + 1}`, before: '', after: '', repair: 'remove-empty-column' });
      continue;
    }
    const name = c.field && !c.duplicateOf ? c.field.name : (c.repaired?.name ?? c.name);
    if (name !== c.name) await record({ line, column: c.name, before: c.name, after: name, repair: c.field || !c.repaired ? 'rename-column' : 'repair-column-name' });
    names.push(name);
  }
  await out.row(names);
}

/** A data row's cells, each repaired where `validate` offers a fix, in the kept columns. */
async function repairRow(plan: Plan, kept: number[], width: number, cells: string[], row: number, line: number, record: (change: Change) => Promise<void>): Promise<string[]> {
  const result: string[] = [];
  const positions = cells.length > width ? [...kept, ...range(width, cells.length)] : kept;
  // Worked out only once a cell of the row fails: most rows need none.
  let rowRepairs: Map<string, RowRepair> | undefined;
  for (const c of positions) {
    if (c >= cells.length) continue; // a short row stays short: its length is still reported
    const before = cells[c]!;
    let text = before;
    const column = plan.columns[c]?.name ?? `column ${c + 1}`;
    if (MOJIBAKE.test(text)) {
      const repaired = findDamage(text)?.repaired;
      if (repaired !== undefined) {
        await record({ row, line, column, before: text, after: repaired, repair: 'undo-mojibake' });
        text = repaired;
      }
    }
    const checker = plan.checkers[c];
    if (checker) {
      const outcome = checker.check(text);
      if (outcome.findings && plan.rowPlan) rowRepairs ??= repairsForRow(plan.rowPlan, (f) => cellOfField(plan, cells, f));
      const rowRepair = outcome.findings && rowRepairs?.get(checker.field.name);
      const main = (rowRepair ? withRowRepair(outcome.findings!, checker, rowRepair) : outcome.findings)?.[0];
      const fix = main?.fix ?? (outcome.findings === null ? outcome.note?.fix : undefined);
      const repair = main?.fix !== undefined ? main.repair : outcome.note?.repair;
      if (fix !== undefined && fix !== text) {
        await record({ row, line, column, before: text, after: fix, repair: repair ?? 'repair' });
        text = fix;
      }
    }
    result.push(text);
  }
  return result;
}

/** The text of the row's cell for a field, or undefined when no column is that field. */
function cellOfField(plan: Plan, cells: string[], field: string): string | undefined {
  const column = plan.columns.find((c) => c.field?.name === field && !c.duplicateOf);
  return column ? cells[column.index] : undefined;
}

function namedWidth(plan: Plan): number {
  return plan.columns.filter((c) => !c.blank).length;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
