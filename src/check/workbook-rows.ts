// A workbook sheet's rows as the text records of its CSV export: typed cells already carry the text a
// careful export would write, gaps are empty cells, empty rows are there as empty records, and every row
// is as wide as the table.
import type { Workbook, WorkbookRow, WorkbookSheet } from '../sources/workbook.js';
import { HEADER_SEARCH } from './layout.js';

export function rowTexts(row: WorkbookRow): string[] {
  const texts: string[] = new Array(row.cells.length);
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i];
    // A formula showing an error has no value: read as empty, and warned of as formula-value.
    texts[i] = cell && cell.kind !== 'error' ? cell.text : '';
  }
  return texts;
}

/**
 * Read a sheet as records: `take` gets each row's texts and its spreadsheet row number (and the row as
 * read, for an empty row none). The XML leaves out empty rows and the empty cells at the end of a row;
 * an export writes them, as wide as the widest row near the top (where the header is), so a short row is
 * not taken for one with cells missing.
 */
export async function readSheetRecords(book: Workbook, sheet: WorkbookSheet, take: (texts: string[], line: number, row?: WorkbookRow) => void): Promise<void> {
  let next = 1;
  let width = 0;
  let head: Array<[string[], number, WorkbookRow?]> | undefined = [];
  const give = (texts: string[], line: number, row?: WorkbookRow) => {
    while (texts.length < width) texts.push('');
    take(texts, line, row);
  };
  const flushHead = () => {
    const waiting = head ?? [];
    head = undefined;
    for (const [texts, line, row] of waiting) give(texts, line, row);
  };
  const add = (texts: string[], line: number, row?: WorkbookRow) => {
    if (!head) return give(texts, line, row);
    head.push([texts, line, row]);
    width = Math.max(width, texts.length);
    if (head.length >= HEADER_SEARCH) flushHead();
  };
  await book.readRows(sheet, (row) => {
    for (; next < row.number; next++) add([], next);
    next = row.number + 1;
    add(rowTexts(row), row.number, row);
  });
  flushHead();
}
