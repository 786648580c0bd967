// `conform fix` on a workbook: the chosen sheet is first written out as a UTF-8 CSV file, record for
// record as the check reads it (so line N of the CSV is row N of the sheet, unless a cell holds a line
// break), and that file is repaired as any CSV file is.
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { chooseSheet } from './workbook-file.js';
import { readSheetRecords } from '../check/workbook-rows.js';
import { ConformError } from '../errors.js';
import { IssueCollector } from '../report/collector.js';
import { openWorkbook, WorkbookError } from '../sources/workbook.js';
import type { Standard } from '../standards/standard.js';
import { quoteCell } from '../repair/csv-writer.js';

export interface SheetExport {
  /** The CSV file written (in a new temporary folder, for the caller to remove). */
  path: string;
  dir: string;
  sheet: string;
}

export async function exportSheet(input: string, shown: string, standard: Standard, options: { sheet?: string; columns?: Record<string, string> }): Promise<SheetExport> {
  let book;
  try {
    book = await openWorkbook(input);
    const sheet = await chooseSheet(book, standard, { failOn: 'error', maxIssues: 0, sheet: options.sheet, columns: options.columns }, new IssueCollector(0));
    if (!sheet) throw new WorkbookError('it has no sheet to repair');
    const dir = await mkdtemp(join(tmpdir(), 'conform-sheet-'));
    const path = join(dir, 'sheet.csv');
    const out = createWriteStream(path, { encoding: 'utf8' });
    let buffered = '';
    await readSheetRecords(book, sheet, (texts) => {
      buffered += texts.map(quoteCell).join(',') + '\r\n';
      if (buffered.length > 1 << 16) {
        out.write(buffered);
        buffered = '';
      }
    });
    out.end(buffered);
    await once(out, 'close');
    return { path, dir, sheet: sheet.name };
  } catch (error) {
    if (error instanceof WorkbookError) throw new ConformError(`Cannot read the workbook ${shown}: ${error.message}`);
    throw error;
  } finally {
    book?.close();
  }
}
