// What conform reads from a spreadsheet, whichever kind (.xlsx or .ods): its sheets, and each sheet's
// rows of typed cells, read a row at a time. Typed cells are turned into the text a careful CSV export
// would hold (a date cell as yyyy-mm-dd, a number in full, a boolean as true/false), so the checks of a
// table read them exactly as they read a CSV file.
import { openZip, WorkbookError, type ZipArchive, type ZipLimits } from './zip.js';

export type CellKind = 'string' | 'number' | 'boolean' | 'date' | 'error';

export interface WorkbookCell {
  kind: CellKind;
  /** The value as text, as the checks read it. */
  text: string;
  /** The cell holds a formula: `text` is its last calculated value, or empty when none was saved. */
  formula?: boolean;
  /** A number cell's value, for the hint that a number may be a date serial. */
  number?: number;
}

export interface WorkbookRow {
  /** The spreadsheet's own row number (1-based). */
  number: number;
  hidden?: boolean;
  /** Cells by column (0 = column A); gaps are empty cells. */
  cells: Array<WorkbookCell | undefined>;
}

export interface WorkbookSheet {
  name: string;
  /** 1-based position among the workbook's sheets. */
  position: number;
  hidden: boolean;
}

export interface Workbook {
  kind: 'xlsx' | 'ods';
  sheets: WorkbookSheet[];
  /** Read a sheet's rows in order (empty rows are not given); `limit` stops after that many rows. */
  readRows(sheet: WorkbookSheet, onRow: (row: WorkbookRow) => void, limit?: number): Promise<void>;
  close(): void;
}

export { WorkbookError };

/** The last row and column a spreadsheet can have: Excel's 1,048,576 rows and column XFD; LibreOffice's larger sheets reach 16,777,216 rows. */
export const MAX_EXCEL_ROW = 1_048_576;
export const MAX_ROW = 16_777_216;
export const MAX_COLUMN = 16_384;
/** Characters of text a workbook's shared strings may hold in all: they are kept in memory while its sheet is read. */
export const MAX_SHARED_CHARS = 256 * 1024 * 1024;

/** Open a workbook of either kind: the archive's parts say which, not the file's name. */
export async function openWorkbook(path: string, limits?: ZipLimits): Promise<Workbook> {
  const zip = await openZip(path, limits);
  try {
    if (zip.has('xl/workbook.xml')) return await (await import('./xlsx.js')).openXlsx(zip);
    if (zip.has('content.xml')) return await (await import('./ods.js')).openOds(zip);
    throw new WorkbookError('it is a ZIP archive but neither an Excel workbook (.xlsx) nor an OpenDocument spreadsheet (.ods)');
  } catch (error) {
    zip.close();
    throw error;
  }
}

export type { ZipArchive };

/** Column letters for a 0-based column: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 0-based column of the letters at the start of a reference such as `C12`. */
export function columnOf(reference: string): number {
  let n = 0;
  for (let i = 0; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A cell reference a spreadsheet understands: `'Spend 2024'!C12`, or `Sheet1!C12` when no quotes are needed. */
export function cellReference(sheet: string, columnIndex: number | undefined, row: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnIndex === undefined ? '' : columnLetters(columnIndex)}${row}`;
}

/** A number as the checks read it: to 15 significant figures, as the spreadsheet shows it, so 0.1+0.2 is 0.3. */
export function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
}

/** A date serial (days since the epoch of the workbook's date system) as ISO: a date, or a date and time. */
export function serialToIso(serial: number, date1904 = false): string {
  // A time of day alone (a serial under 1, shown as h:mm) has no date.
  if (serial < 1 && serial > 0) return new Date(Math.round(serial * 86400) * 1000).toISOString().slice(11, 19);
  // Excel counts 1900 as a leap year, so serials from 61 on are one day ahead of the real calendar.
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86400) * 1000);
  const iso = date.toISOString();
  return Number.isInteger(serial) || iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
