// One row per issue, for a spreadsheet: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so
// Excel reads the text as UTF-8 rather than the local code page. Values come from the data, so control
// characters are made visible (the file may be printed to a terminal) and any cell that a spreadsheet
// would run as a formula is made plain text. The JSON report keeps every value exactly as found.
import type { Formatter } from './formatter.js';
import { terminalSafe } from './safe-text.js';

const COLUMNS = ['file', 'row', 'line', 'column', 'code', 'severity', 'value', 'message', 'hint', 'record'] as const;
/** Added when a workbook was checked: the sheet, and the cell a spreadsheet can go to. */
const WORKBOOK_COLUMNS = ['sheet', 'cell'] as const;
const BOM = '\uFEFF';

export const csv: Formatter = (report) => {
  const workbook = report.files.some((f) => f.sheet !== undefined || f.issues.some((i) => i.sheet !== undefined));
  const columns = workbook ? [...COLUMNS, ...WORKBOOK_COLUMNS] : COLUMNS;
  const lines = [columns.join(',')];
  for (const file of report.files) {
    for (const issue of file.issues) {
      const row: Record<(typeof COLUMNS)[number] | (typeof WORKBOOK_COLUMNS)[number], string | number | undefined> = {
        file: file.path,
        row: issue.row,
        line: issue.line,
        column: issue.column ?? issue.pointer,
        code: issue.code,
        severity: issue.severity,
        value: issue.value,
        message: issue.message,
        hint: issue.hint,
        record: issue.record,
        sheet: issue.sheet,
        cell: issue.cell,
      };
      lines.push(columns.map((name) => cell(row[name])).join(','));
    }
  }
  return BOM + lines.join('\r\n') + '\r\n';
};

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(terminalSafe(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A cell starting with = + - @ (or a tab or carriage return) is run as a formula when the file is
 * opened, and so is one where spaces come first (spreadsheets skip them) or where the sign is the
 * full-width ＝ ＋ － ＠ (which some read as the plain one); a leading apostrophe keeps it as text.
 * (terminalSafe has already written a carriage return as `\r`, but the rule stands on its own.)
 */
export function neutraliseFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

const FORMULA = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** A value for a spreadsheet cell: a plain number as it is (it cannot run), anything else made safe. */
export function spreadsheetText(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? value : neutraliseFormula(value);
}
