// OpenDocument spreadsheets (.ods): every sheet lives in content.xml, so the sheet list comes from one
// reading of it and a sheet's rows from another. Repeated rows and cells (number-rows-repeated,
// number-columns-repeated) are expanded only where they hold values: a sheet padded to a million empty
// rows costs nothing.
import { readXml } from './xml-stream.js';
import { MAX_ROW, numberText, WorkbookError, type Workbook, type WorkbookCell, type WorkbookRow, type WorkbookSheet, type ZipArchive } from './workbook.js';

/** Cells a repeated cell with a value is expanded to at most (a sheet's width in current spreadsheet programs). */
const MAX_COLUMNS = 16_384;
/** Rows a repeated row with values is expanded to at most. */
const MAX_REPEATED_ROWS = 100_000;

export async function openOds(zip: ZipArchive): Promise<Workbook> {
  const sheets: WorkbookSheet[] = [];
  await readXml(await zip.open('content.xml'), 'content.xml', () => ({
    open(name, a) {
      if (name === 'table:table') sheets.push({ name: a['table:name'] ?? `Sheet${sheets.length + 1}`, position: sheets.length + 1, hidden: a['table:display'] === 'false' });
    },
  }));
  if (!sheets.length) throw new WorkbookError('its content lists no sheets');
  return { kind: 'ods', sheets, readRows: (sheet, onRow, limit) => readTable(zip, sheet.position, onRow, limit), close: () => zip.close() };
}

interface OpenCell {
  repeat: number;
  type: string;
  value?: string;
  formula: boolean;
  paragraphs: string[];
}

async function readTable(zip: ZipArchive, position: number, onRow: (row: WorkbookRow) => void, limit = Infinity): Promise<void> {
  let table = 0;
  let depth = 0; // tables nested in cells are not rows of the sheet
  let rowNumber = 0;
  let row: { cells: Array<WorkbookCell | undefined>; repeat: number; hidden: boolean; column: number } | undefined;
  let cell: OpenCell | undefined;
  let inParagraph = false;
  // A comment on a cell (office:annotation) has paragraphs of its own, which are not the cell's text.
  let annotation = 0;
  let given = 0;
  let stop = () => {};
  await readXml(
    await zip.open('content.xml'),
    'content.xml',
    (stopReading) =>
      (stop = stopReading) && {
        open(name, a, selfClosing) {
          if (name === 'table:table') {
            if (depth++ === 0) table++;
            if (table > position) stop();
            return;
          }
          if (table !== position || depth !== 1) return;
          if (name === 'office:annotation') {
            if (!selfClosing) annotation++;
            return;
          }
          if (annotation) return;
          if (name === 'table:table-row') {
            row = {
              cells: [],
              repeat: Math.max(1, Number(a['table:number-rows-repeated'] ?? 1)),
              hidden: a['table:visibility'] === 'collapse' || a['table:visibility'] === 'filter',
              column: 0,
            };
            if (selfClosing) endRow();
          } else if (row && (name === 'table:table-cell' || name === 'table:covered-table-cell')) {
            // LibreOffice marks a formula showing an error (#DIV/0!, Err:502) with calcext:value-type="error".
            const type = a['calcext:value-type'] === 'error' ? 'error' : (a['office:value-type'] ?? 'string');
            const value =
              type === 'date'
                ? a['office:date-value']
                : type === 'boolean'
                  ? a['office:boolean-value']
                  : type === 'time'
                    ? a['office:time-value']
                    : type === 'string'
                      ? a['office:string-value']
                      : a['office:value'];
            cell = { repeat: Math.max(1, Number(a['table:number-columns-repeated'] ?? 1)), type, value, formula: 'table:formula' in a, paragraphs: [] };
            if (selfClosing) endCell();
          } else if (cell && name === 'text:p') {
            cell.paragraphs.push('');
            inParagraph = !selfClosing;
          } else if (cell && inParagraph) {
            if (name === 'text:s') addText(' '.repeat(Math.max(1, Number(a['text:c'] ?? 1))));
            else if (name === 'text:tab') addText('\t');
            else if (name === 'text:line-break') addText('\n');
          }
        },
        close(name) {
          if (name === 'table:table') {
            depth--;
            if (depth === 0 && table === position) stop();
            return;
          }
          if (table !== position || depth !== 1) return;
          if (name === 'office:annotation') {
            annotation--;
            return;
          }
          if (annotation) return;
          if (name === 'text:p') inParagraph = false;
          else if (name === 'table:table-cell' || name === 'table:covered-table-cell') endCell();
          else if (name === 'table:table-row') endRow();
        },
        text(text) {
          if (cell && inParagraph && !annotation) addText(text);
        },
      },
  );

  function addText(text: string) {
    const p = cell!.paragraphs;
    p[p.length - 1] += text;
  }

  function endCell() {
    if (!cell || !row) return;
    const typed = typeCell(cell);
    const count = typed ? Math.min(cell.repeat, MAX_COLUMNS - row.column) : 0;
    for (let k = 0; k < count; k++) row.cells[row.column + k] = typed;
    row.column += cell.repeat;
    cell = undefined;
  }

  function endRow() {
    if (!row) return;
    const { cells, hidden } = row;
    const filled = cells.some((c) => c && (c.text !== '' || c.formula));
    const repeat = filled ? Math.min(row.repeat, MAX_REPEATED_ROWS) : 0;
    if (repeat && rowNumber + repeat > MAX_ROW) throw new WorkbookError('its content has rows beyond the rows a sheet can have');
    for (let k = 0; k < repeat && given < limit; k++) {
      onRow({ number: rowNumber + k + 1, hidden, cells: k ? [...cells] : cells });
      given++;
    }
    rowNumber += row.repeat;
    row = undefined;
    if (given >= limit) stop();
  }
}

function typeCell(cell: OpenCell): WorkbookCell | undefined {
  const formula = cell.formula || undefined;
  const shown = cell.paragraphs.join('\n');
  switch (cell.type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const number = Number(cell.value);
      if (cell.value === undefined || !Number.isFinite(number)) return shown || formula ? { kind: 'string', text: shown, formula } : undefined;
      return { kind: 'number', text: numberText(number), number, formula };
    }
    case 'date': {
      const v = cell.value ?? '';
      return { kind: 'date', text: /T00:00:00(\.0+)?$/.test(v) ? v.slice(0, 10) : v.replace(/\.0+$/, ''), formula };
    }
    case 'boolean':
      return { kind: 'boolean', text: cell.value === 'true' ? 'true' : 'false', formula };
    case 'time':
      return { kind: 'string', text: shown, formula };
    case 'error':
      return { kind: 'error', text: shown || '#VALUE!', formula };
    default: {
      const text = cell.value || shown;
      // A formula showing an error (Err:502, #N/A) keeps its text; the check warns of it.
      if (formula && /^(#[A-Z/0!?]+[!?A]?|Err:\d+)$/.test(text)) return { kind: 'error', text, formula };
      return text === '' && !formula ? undefined : { kind: 'string', text, formula };
    }
  }
}
