// A workbook row as the text cells of a CSV record: typed cells already carry the text a careful export
// would write, and gaps are empty cells.
import type { WorkbookRow } from '../sources/workbook.js';

export function rowTexts(row: WorkbookRow): string[] {
  const texts: string[] = new Array(row.cells.length);
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i];
    // A formula showing an error has no value: read as empty, and warned of as formula-value.
    texts[i] = cell && cell.kind !== 'error' ? cell.text : '';
  }
  return texts;
}
