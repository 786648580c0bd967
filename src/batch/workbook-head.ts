// What standard detection reads of a workbook: the first rows of the sheet named with --sheet, else of
// the visible sheet with the widest row near its top (a notes or cover sheet is narrow; the data is wide).
import { makeIssue } from '../issues/catalog.js';
import { HEADER_SEARCH } from '../check/layout.js';
import { rowTexts } from '../check/workbook-rows.js';
import { openWorkbook, WorkbookError } from '../sources/workbook.js';
import type { FileHead } from './file-head.js';

export async function readWorkbookHead(path: string, sheet?: string): Promise<FileHead> {
  const format = /\.ods$/i.test(path) ? 'ods' : 'xlsx';
  try {
    const book = await openWorkbook(path);
    try {
      const named =
        sheet === undefined
          ? undefined
          : (book.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()) ?? (/^\d+$/.test(sheet) ? book.sheets[Number(sheet) - 1] : undefined));
      const candidates = named ? [named] : book.sheets.filter((s) => !s.hidden);
      let best: { rows: string[][]; width: number } = { rows: [], width: 0 };
      for (const candidate of candidates) {
        const rows: string[][] = [];
        await book.readRows(candidate, (row) => rows.push(rowTexts(row)), HEADER_SEARCH);
        const width = Math.max(0, ...rows.map((r) => r.filter((c) => c.trim()).length));
        if (width > best.width) best = { rows, width };
      }
      return { format: book.kind, encoding: 'utf-8', rows: best.rows };
    } finally {
      book.close();
    }
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    return { format, encoding: 'utf-8', rows: [], problem: makeIssue('format-invalid', { kind: 'workbook-unreadable', parserMessage: error.message }) };
  }
}
