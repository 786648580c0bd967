// A file with no header row: its first row holds data, not names. Named as such rather than read with
// its first record as the header; when its columns are the standard's in the standard's order, they are
// read in that order (and `conform fix` writes the header).
import type { Standard } from '../standards/standard.js';
import { CellChecker, fieldSeverity } from './cells.js';
import { headerScorer } from './header.js';

export interface Headerless {
  /** The columns hold the standard's fields in its order: the names to read them under. */
  names?: string[];
}

/** Values no header name is written as: amounts, dates, web and email addresses. */
const VALUE_SHAPES = [
  /^[-+(]?[£$€]?\s?\d[\d,]*(\.\d+)?\)?$/, // 1200.50, £1,200, (300)
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?/, // 2024-03-31, 31/03/2024
  /^https?:\/\//i,
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i,
];

/** A header is judged by its first cells: a row of thousands is not read whole to tell. */
const CELLS_LOOKED_AT = 1000;

const looksLikeValue = (cell: string) => VALUE_SHAPES.some((shape) => shape.test(cell));

/**
 * Whether `row`, taken as the header, is data instead: it names no field of the standard, and at least a
 * third of its first filled cells (and two at least) are values by their shape. Then whether every filled cell
 * is valid for the standard's field at its position: if so, the file follows the standard's order.
 */
export function findHeaderless(row: string[], standard: Standard, columnMap: Record<string, string> = {}): Headerless | undefined {
  const filled = row
    .slice(0, CELLS_LOOKED_AT)
    .map((c) => c.trim())
    .filter(Boolean);
  if (filled.length < 2 || !standard.fields.length) return undefined;
  const values = filled.filter(looksLikeValue).length;
  if (values < 2 || values * 3 < filled.length) return undefined;
  if (headerScorer(standard, columnMap)(row) > 0) return undefined;
  if (row.length > standard.fields.length) return {};
  const fits = row.every((cell, i) => {
    if (!cell.trim()) return true;
    const field = standard.fields[i]!;
    // A value a repair puts right (a UK date where ISO is asked for) is still the field's value.
    const findings = new CellChecker(field, standard, fieldSeverity).check(cell).findings;
    return findings === null || findings.every((f) => f.fix !== undefined);
  });
  return fits ? { names: standard.fields.slice(0, row.length).map((f) => f.name) } : {};
}
