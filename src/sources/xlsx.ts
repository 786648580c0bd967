// Excel workbooks (.xlsx, Office Open XML): the sheet list from xl/workbook.xml and its relationships,
// shared strings, the styles that tell a date cell from a number, and each sheet's rows read as a stream.
import { readXml } from './xml-stream.js';
import {
  columnOf,
  MAX_COLUMN,
  MAX_EXCEL_ROW,
  MAX_SHARED_CHARS,
  numberText,
  serialToIso,
  WorkbookError,
  type Workbook,
  type WorkbookCell,
  type WorkbookRow,
  type WorkbookSheet,
  type ZipArchive,
} from './workbook.js';

interface XlsxSheet extends WorkbookSheet {
  part: string;
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export async function openXlsx(zip: ZipArchive): Promise<Workbook> {
  const { sheets: listed, date1904 } = await readWorkbookPart(zip);
  const targets = zip.has('xl/_rels/workbook.xml.rels') ? await readRelationships(zip, 'xl/_rels/workbook.xml.rels') : new Map<string, string>();
  const sheets: XlsxSheet[] = [];
  for (const s of listed) {
    const target = targets.get(s.rid);
    const part = target === undefined ? `xl/worksheets/sheet${sheets.length + 1}.xml` : target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (zip.has(part)) sheets.push({ name: s.name, position: sheets.length + 1, hidden: s.hidden, part });
  }
  const strings = zip.has('xl/sharedStrings.xml') ? await readSharedStrings(zip) : [];
  const dateStyles = zip.has('xl/styles.xml') ? await readDateStyles(zip) : [];
  return {
    kind: 'xlsx',
    sheets,
    readRows: (sheet, onRow, limit) => readSheet(zip, (sheet as XlsxSheet).part, { strings, dateStyles, date1904 }, onRow, limit),
    close: () => zip.close(),
  };
}

async function readWorkbookPart(zip: ZipArchive) {
  const sheets: Array<{ name: string; rid: string; hidden: boolean }> = [];
  let date1904 = false;
  await readXml(await zip.open('xl/workbook.xml'), 'xl/workbook.xml', () => ({
    open(name, a) {
      const local = localName(name);
      if (local === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (local === 'sheet')
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, rid: a['r:id'] ?? attributeEnding(a, ':id') ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    },
  }));
  if (!sheets.length) throw new WorkbookError('its workbook part lists no sheets');
  return { sheets, date1904 };
}

/** A tag's name without its prefix: Strict Open XML files write `x:row` where others write `row`. */
function localName(tag: string): string {
  return tag.slice(tag.indexOf(':') + 1);
}

function attributeEnding(attributes: Record<string, string>, ending: string): string | undefined {
  for (const [k, v] of Object.entries(attributes)) if (k.endsWith(ending)) return v;
  return undefined;
}

async function readRelationships(zip: ZipArchive, part: string): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  await readXml(await zip.open(part), part, () => ({
    open(name, a) {
      if (localName(name) === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
    },
  }));
  return targets;
}

async function readSharedStrings(zip: ZipArchive): Promise<string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  // Phonetic runs (<rPh>) are reading aids, not the cell's text.
  let phonetic = 0;
  let chars = 0;
  await readXml(await zip.open('xl/sharedStrings.xml'), 'xl/sharedStrings.xml', () => ({
    open(tag, _a, selfClosing) {
      const name = localName(tag);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(tag) {
      const name = localName(tag);
      if (name === 'si') {
        strings.push(current ?? '');
        current = undefined;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (inText && !phonetic && current !== undefined) {
        current += text;
        chars += text.length;
        if (chars > MAX_SHARED_CHARS) throw new WorkbookError(`its shared strings hold more than ${MAX_SHARED_CHARS / 1048576}M characters of text, more than conform reads`);
      }
    },
  }));
  return strings;
}

/** For each cell style (its `s` number), whether its number format shows a date. */
async function readDateStyles(zip: ZipArchive): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  // Conditional formats (<dxfs>) have number formats of their own, which are not the cells' formats.
  let inNumFmts = false;
  const formats: number[] = [];
  await readXml(await zip.open('xl/styles.xml'), 'xl/styles.xml', () => ({
    open(tag, a, selfClosing) {
      const name = localName(tag);
      if (name === 'numFmts') inNumFmts = !selfClosing;
      else if (name === 'numFmt' && inNumFmts) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(tag) {
      const name = localName(tag);
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
    },
  }));
  for (const id of formats) styles.push(custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id));
  return styles;
}

/** A format code shows a date when, outside quoted text, [colour] and escapes, it has day, month, year or time parts. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/AM\/PM|A\/P/gi, '')) && !/[0#?]\s*[dmyhs]|e[+-]/i.test(bare);
}

interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

async function readSheet(zip: ZipArchive, part: string, context: SheetContext, onRow: (row: WorkbookRow) => void, limit = Infinity): Promise<void> {
  let row: WorkbookRow | undefined;
  let nextRow = 1;
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number; value: string; formula: boolean; inline: string } | undefined;
  let collecting: 'v' | 't' | undefined;
  let given = 0;
  await readXml(await zip.open(part), part, (stop) => ({
    open(name, a, selfClosing) {
      const local = localName(name);
      if (local === 'row') {
        const number = a.r ? Number(a.r) : nextRow;
        if (!Number.isSafeInteger(number) || number < 1 || number > MAX_EXCEL_ROW)
          throw new WorkbookError(`its part "${part}" has a row numbered ${JSON.stringify(a.r)}, beyond the rows a sheet can have`);
        row = { number, hidden: a.hidden === '1' || a.hidden === 'true', cells: [] };
        nextRow = number + 1;
        nextColumn = 0;
        if (selfClosing) row = undefined;
      } else if (local === 'c' && row) {
        const column = a.r ? columnOf(a.r) : nextColumn;
        if (column < 0 || column >= MAX_COLUMN) throw new WorkbookError(`its part "${part}" has a cell at ${JSON.stringify(a.r)}, beyond the columns a sheet can have`);
        nextColumn = column + 1;
        cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', formula: false, inline: '' };
      } else if (cell && local === 'f') cell.formula = true;
      else if (cell && (local === 'v' || local === 't') && !selfClosing) collecting = local;
      if (local === 'c' && selfClosing) cell = undefined;
    },
    text(text) {
      if (!cell || !collecting) return;
      if (collecting === 'v') cell.value += text;
      else cell.inline += text;
    },
    close(name) {
      const local = localName(name);
      if (local === 'v' || local === 't') collecting = undefined;
      else if (local === 'c' && cell && row) {
        const typed = typeCell(cell, context);
        if (typed) row.cells[cell.column] = typed;
        cell = undefined;
      } else if (local === 'row' && row) {
        if (row.cells.some((c) => c && c.text !== '') || row.cells.some((c) => c?.formula)) {
          onRow(row);
          if (++given >= limit) stop();
        }
        row = undefined;
      }
    },
  }));
}

function typeCell(cell: { type: string; style: number; value: string; formula: boolean; inline: string }, context: SheetContext): WorkbookCell | undefined {
  const formula = cell.formula || undefined;
  switch (cell.type) {
    case 's': {
      const text = context.strings[Number(cell.value)];
      return text === undefined ? undefined : { kind: 'string', text, formula };
    }
    case 'inlineStr':
      return { kind: 'string', text: cell.inline, formula };
    case 'str':
      return { kind: 'string', text: cell.value, formula };
    case 'b':
      return cell.value === '' && !formula ? undefined : { kind: 'boolean', text: cell.value === '' ? '' : cell.value === '1' ? 'true' : 'false', formula };
    case 'e':
      return { kind: 'error', text: cell.value, formula };
    case 'd':
      return { kind: 'date', text: cell.value.endsWith('T00:00:00') ? cell.value.slice(0, 10) : cell.value.replace(/Z$/, ''), formula };
    default: {
      if (cell.value === '') return formula ? { kind: 'number', text: '', formula } : undefined;
      const number = Number(cell.value);
      if (!Number.isFinite(number)) return { kind: 'string', text: cell.value, formula };
      if (context.dateStyles[cell.style] && number >= 0) return { kind: 'date', text: serialToIso(number, context.date1904), formula };
      return { kind: 'number', text: numberText(number), number, formula };
    }
  }
}
