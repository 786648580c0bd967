// The layout of a table as people lay it out in a spreadsheet: title and note lines above the header,
// template rows right under it (`Mandatory,Optional,…`, `1,2,3,…`, `yyyy-mm-dd`), blank rows. Used both to
// check a file and to repair it, so both see the same header and skip the same rows.
import type { TemplateRow } from '../issues/args.js';
import type { Standard } from '../standards/standard.js';
import { headerScorer } from './header.js';

/** How many records at the top of a file are searched for the header. */
export const HEADER_SEARCH = 25;

/** How many rows under the header can be template rows. */
export const TEMPLATE_SEARCH = 3;

export function isBlankRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.length !== 0 && cell.trim() !== '') return false;
  }
  return true;
}

/**
 * Which of the first records is the header: the one that names most of the standard's fields; when none
 * names any, the first that is not a title (a line of words in one cell, above rows of several cells).
 */
export function findHeader(rows: string[][], standard: Standard, columnMap?: Record<string, string>): number {
  let best = -1;
  let bestScore = 0;
  let widest = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH);
  const headerScore = headerScorer(standard, columnMap);
  const scores: number[] = [];
  for (let i = 0; i < limit; i++) {
    if (isBlankRow(rows[i]!)) continue;
    widest = Math.max(widest, filled(rows[i]!));
    const score = (scores[i] = headerScore(rows[i]!));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  // The header is the first row that names about as many fields as any: a data row further down whose
  // values happen to be field names is not taken for it.
  if (best >= 0) {
    const named = scores.findIndex((score) => score !== undefined && score * 2 >= bestScore);
    // Rows above it are titles only when they are narrower: a row as wide is the header, whatever it names
    // — unless the named row names three fields or more, which data does not (Darlington's export has a
    // row of query column names as wide as its header, two rows above it).
    if (bestScore >= 3) return named;
    const width = filled(rows[named]!);
    for (let i = 0; i < named; i++) if (!isBlankRow(rows[i]!) && filled(rows[i]!) >= width) return i;
    return named;
  }
  for (let i = 0; i < limit; i++) {
    const width = filled(rows[i]!);
    if (width === 0) continue;
    const title = width === 1 && widest >= 3 && /\s/.test(rows[i]!.find((c) => c.trim())!.trim());
    if (!title) return i;
  }
  return -1;
}

export type TemplateKind = TemplateRow;

const MARKERS = new Set(['mandatory', 'optional', 'recommended', 'required', 'conditional', 'm', 'o', 'r', 'c']);
const FORMATS = new Set([
  'yyyy-mm-dd',
  'dd/mm/yyyy',
  'dd-mm-yyyy',
  'dd/mm/yy',
  'yyyy-mm-ddthh:mm:ss',
  'hh:mm',
  'hh:mm:ss',
  'text',
  'string',
  'free text',
  'number',
  'integer',
  'decimal',
  'numeric',
  'date',
  'datetime',
  'date-time',
  'time',
  'boolean',
  'true/false',
  'yes/no',
  'y/n',
  'url',
  'uri',
  'email',
  '£',
  '0.00',
  'currency',
]);

/**
 * A row under the header that describes the columns instead of holding data: whether each column is
 * mandatory, the columns' numbers, or the format each should be written in. Needs at least two cells
 * filled, and half as many as the header names, all of one kind.
 */
export function templateKind(cells: string[], headerWidth: number): TemplateKind | undefined {
  let count = 0;
  let markers = true;
  let formats = true;
  let numbers = true;
  let expected = 0;
  for (const raw of cells) {
    const cell = raw.trim().toLowerCase();
    if (!cell) continue;
    count++;
    if (!MARKERS.has(cell)) markers = false;
    if (!FORMATS.has(cell)) formats = false;
    if (numbers) {
      const n = Number(cell);
      if (!/^\d+$/.test(cell) || (expected && n !== expected + 1) || (!expected && n > 1)) numbers = false;
      else expected = n;
    }
    if (!markers && !formats && !numbers) return undefined;
  }
  if (count < 2 || count * 2 < headerWidth) return undefined;
  if (markers) return 'markers';
  if (numbers && count >= 3) return 'numbers';
  if (formats) return 'formats';
  return undefined;
}

function filled(cells: string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.trim()) n++;
  return n;
}

/**
 * A label that ends a table or a group of its rows, as the whole of its cell: "Total", "Grand total",
 * "Sub-total", "Totals:", "Sum", "Count", "Total spend", "Total for Adult Services", "Total: 40,292.84".
 * A supplier called "Total Gas & Power" is not one, whatever the rest of its row holds.
 */
const TOTAL_LABEL =
  /^(?:grand|sub|overall|report|page|net|gross)?[\s-]*(?:total|totals|sum|count)(?:\s+(?:for|of)\s.*|\s+(?:spend|spent|amount|value|paid|payments?|expenditure|transactions?|rows?|records?))?\s*[:=]?\s*(?:[-(]?£?\s?[\d,]+(?:\.\d+)?\)?)?$/i;

/**
 * The label of a total, subtotal or footer line: a row of at least three columns in which at most half
 * the cells are filled, one of them a total's label. Rows of data are never this sparse with such a
 * label. The cost on a full row is a count of its filled cells, stopped at half.
 */
export function totalRowLabel(cells: string[], width: number): string | undefined {
  if (width < 3) return undefined;
  const most = Math.floor(Math.max(width, cells.length) / 2);
  let filled = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i]!.length !== 0 && ++filled > most) return undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    if (cell && TOTAL_LABEL.test(cell)) return cell;
  }
  return undefined;
}
