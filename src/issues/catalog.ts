// The one place where issue wording lives. Checks say *what* they found (a code and a few facts);
// this file turns that into a sentence a council data officer can act on.
import type { Issue, IssueCode, Severity } from '../types.js';
import { formatNumber } from '../plain-text.js';
import type { IssueArgs } from './args.js';
import {
  brokenRule,
  capitalised,
  describeEncoding,
  describePositions,
  emptyFile,
  howMatched,
  lengthFound,
  notWellFormed,
  plural,
  quote,
  referenceProblem,
  sheetNotChecked,
  skippedFile,
  tableRule,
  templateRows,
  tooDeep,
  whyMissing,
} from './sentences.js';

export { quote } from './sentences.js';

export type { IssueArgs } from './args.js';

export interface CatalogEntry<C extends IssueCode = IssueCode> {
  severity: Severity;
  /** A short title, used for rule names in SARIF and test names in JUnit. */
  title: string;
  /** What the issue means and how to fix it in general. */
  help: string;
  message(args: IssueArgs[C]): string;
}

export const CATALOG: { [C in IssueCode]: CatalogEntry<C> } = {
  'file-unreadable': {
    severity: 'error',
    title: 'File cannot be read',
    help: 'The file could not be opened or read. Check that the path is right and that the file is readable.',
    message: ({ readerMessage, partWay }) => `The file cannot be read: ${partWay ? 'reading stopped part-way: ' : ''}${readerMessage}`,
  },
  'file-empty': {
    severity: 'error',
    title: 'File is empty',
    help: 'The file has no content, or no records. Export the data again and check that the file is not blank.',
    message: ({ reason, sheet }) => emptyFile(reason, sheet),
  },
  'file-skipped': {
    severity: 'info',
    title: 'Not a data file conform reads',
    help: 'A folder held this file, but conform reads only CSV, JSON and NDJSON files, so it was not checked. Save a spreadsheet as CSV UTF-8 to check it, or name a file of another extension to read it as CSV.',
    message: ({ file }) => `Not a data file conform reads, so it was not checked: ${file ? skippedFile(file) : 'a file of another kind'}`,
  },
  'encoding-invalid': {
    severity: 'error',
    title: 'Bytes not valid in the encoding',
    help: "Some bytes are not valid in the file's character encoding, so some characters cannot be read. Save the file again as UTF-8.",
    message: ({ encoding, count, offset, line }) =>
      `The file has ${plural(count, 'byte sequence')} that ${count === 1 ? 'is' : 'are'} not valid ${describeEncoding(encoding)}; the first is at byte ${formatNumber(offset)}, line ${line}`,
  },
  'encoding-not-utf8': {
    severity: 'warning',
    title: 'File is not UTF-8',
    help: 'Standards expect UTF-8 text. In Excel use "Save As" → "CSV UTF-8 (Comma delimited)".',
    message: ({ encoding }) => `The file is not UTF-8; it was read as ${describeEncoding(encoding)}`,
  },
  'format-invalid': {
    severity: 'error',
    title: 'File is not well-formed',
    help: 'The file cannot be read in its format: an unclosed quote, broken JSON, or a file of another kind saved with this name.',
    message: (args) => notWellFormed(args),
  },
  'standard-undetected': {
    severity: 'error',
    title: 'Standard not recognised',
    help: 'No standard was given for the file, and its header does not show clearly which standard it follows, so it was not checked. Name the standard with --standard, or for these files in conform.config.yaml.',
    message: ({ because }) =>
      `The file was not checked: conform cannot tell which standard it follows, because ${because}. Choose one with --standard <id>, or give these files a standard in conform.config.yaml`,
  },
  'standard-warning': {
    severity: 'info',
    title: 'Part of the standard cannot be checked',
    help: "The standard uses a keyword or format that conform does not know. JSON Schema ignores such words, and so does conform: the data is checked against the rest of the standard. The standard's author can replace them with a pattern or a keyword of the schema's draft.",
    message: ({ unsupported }) => `The standard ${unsupported ?? 'uses something conform cannot check'}; it was not checked`,
  },
  'workbook-sheet': {
    severity: 'info',
    title: 'Sheet of a workbook not checked',
    help: 'A workbook is checked one sheet at a time: the sheet whose header best matches the standard, or the one named with --sheet (or `sheet` in the config). The other sheets are listed, with why they were not checked.',
    message: (args) => `The sheet ${quote(args.sheet)} was not checked: ${sheetNotChecked(args)}`,
  },
  'header-missing': {
    severity: 'error',
    title: 'Required column missing',
    help: 'A column the standard requires is not in the header row. Add the column (it may be empty where the standard allows).',
    message: ({ name, likely, alsoLikely, advised }) => {
      const column = advised ? `The column "${name}", which the standard asks for,` : `The required column "${name}"`;
      const others = alsoLikely?.map((c) => `"${c}"`).join(' or ');
      return likely
        ? `${column} is missing; the column "${likely}"${others ? ` (or ${others})` : ''} may hold it`
        : `${column} is missing, and no column of the file is close to it`;
    },
  },
  'header-absent': {
    severity: 'error',
    title: 'No header row',
    help: "The file has no header row: its first line holds data, so a program reading it takes a record for the column names. Add a header row that names each column with the standard's names.",
    message: ({ line, values, readAs }) => {
      const shown = values.map((v) => JSON.stringify(v)).join(', ');
      const columns = readAs
        ? `and its columns were read in the standard's order (${readAs.slice(0, 4).join(', ')}${readAs.length > 4 ? ', …' : ''})`
        : 'so its columns cannot be told apart';
      return `The file has no header row: line ${line} holds data (${shown}), not column names, ${columns}`;
    },
  },
  'header-unknown': {
    severity: 'warning',
    title: 'Column not in the standard',
    help: "The column is not one of the standard's fields. Rename it to the standard's name, or remove it if the standard does not allow extra columns.",
    message: ({ name, closest }) => `The column "${name}" is not part of the standard${closest ? `; did you mean "${closest}"?` : ''}`,
  },
  'header-duplicate': {
    severity: 'error',
    title: 'Duplicate column',
    help: 'Two columns have the same name, so it is unclear which one holds the field. Rename or remove one of them.',
    message: ({ name, otherIndex, otherName }) => `The column "${name}" appears more than once (also as column ${otherIndex}${otherName !== name ? `, "${otherName}"` : ''})`,
  },
  'header-blank': {
    severity: 'warning',
    title: 'Column without a name',
    help: 'A column has no name in the header row. Name it, or delete it if it is empty.',
    message: (args) =>
      args.kind === 'holds-values'
        ? `Column ${args.column} has no name but holds values`
        : args.columns.length > 1
          ? `${plural(args.columns.length, 'column')} have no name (${describePositions(args.columns)}, all empty)`
          : `Column ${args.columns[0]} has no name and holds no values`,
  },
  'header-mismatch': {
    severity: 'warning',
    title: 'Column name differs from the standard',
    help: "The column was recognised as one of the standard's fields, but its name is written differently. Rename it to the standard's name.",
    message: (args) => `The column "${args.name}" was read as the standard's "${args.field}" (${howMatched(args)})`,
  },
  'title-rows': {
    severity: 'warning',
    title: 'Lines above the header',
    help: 'The file has title or note lines above the header row. Remove them so the header is the first line.',
    message: (args) => {
      if (args.kind === 'template') {
        const { count, line, endLine, found } = args;
        const lines = count > 1 ? `lines ${line}–${endLine}` : `line ${line}`;
        return `${count > 1 ? `${count} rows` : 'The row'} under the header (${lines}) ${count > 1 ? 'are' : 'is'} a template, not data: ${templateRows(found)}. ${count > 1 ? 'They were' : 'It was'} skipped`;
      }
      const count = args.headerLine - 1;
      const first = args.firstTitle !== undefined ? ` (the first says ${JSON.stringify(args.firstTitle)})` : '';
      return `${plural(count, 'line')} above the header ${count === 1 ? 'was' : 'were'} skipped${first}; the header is on line ${args.headerLine}`;
    },
  },
  'row-length': {
    severity: 'error',
    title: 'Wrong number of cells',
    help: 'The row has more or fewer cells than the header. Look for a stray delimiter or a missing quote.',
    message: ({ cells, headerCells }) => `The row has ${plural(cells, 'cell')}, but the header has ${headerCells}`,
  },
  'row-blank': {
    severity: 'warning',
    title: 'Blank row',
    help: 'The row has no values. Delete blank rows.',
    message: (args) =>
      'endRow' in args && args.count > 1 ? `${plural(args.count, 'blank row')} (rows ${args.row}–${args.endRow}, lines ${args.line}–${args.endLine})` : 'The row is blank',
  },
  'total-rows': {
    severity: 'warning',
    title: 'Total or footer rows',
    help: 'Rows that add up the data ("Total", "Grand total", "Sub-total", "Sum", "Count") are not records: they were neither counted nor checked. Remove them from the published data, so a total is not read as one more payment.',
    message: ({ count, listed }) => {
      const rows = listed.map((t) => `row ${t.row} (line ${t.line}) says ${JSON.stringify(t.label.slice(0, 40))}`).join(', ');
      const more = count > listed.length ? ` and ${formatNumber(count - listed.length)} more` : '';
      return `${count === 1 ? 'A total or footer row is' : `${plural(count, 'total or footer row')} are`} not data and ${count === 1 ? 'was' : 'were'} not counted as a record: ${rows}${more}`;
    },
  },
  'row-duplicate': {
    severity: 'warning',
    title: 'Duplicate row',
    help: 'The row repeats an earlier row exactly. Remove the copy unless both are real.',
    message: ({ copyOfRow }) => `The row is an exact copy of row ${copyOfRow}`,
  },
  'property-duplicate': {
    severity: 'error',
    title: 'Property named twice',
    help: 'A JSON object names the same property more than once. JSON readers keep only one of the values (most keep the last, unchecked which), so what the record says is unclear. Keep one.',
    message: ({ name }) => `The property ${quote(name)} appears more than once in the same object; only its last value is checked, and other tools may read the first`,
  },
  'value-missing': {
    severity: 'error',
    title: 'Required value missing',
    help: 'A field the standard requires is empty. Fill it in.',
    message: (args) => `${args.name} is required, but ${whyMissing(args)}`,
  },
  'value-type': {
    severity: 'error',
    title: 'Value has the wrong type',
    help: 'The value is not of the type the standard requires (a number, a whole number, true/false…).',
    message: ({ name, expected, value }) => `${name} must be ${expected}, but is ${quote(value)}`,
  },
  'value-format': {
    severity: 'error',
    title: 'Value has the wrong format',
    help: 'The value is not written in the format the standard requires (a date, an email address, a web address…).',
    message: ({ name, expected, value }) => `${name} must be ${expected}, but is ${quote(value)}`,
  },
  'value-pattern': {
    severity: 'error',
    title: 'Value does not match the pattern',
    help: "The value is not written the way the standard requires. See the field's description and examples.",
    message: ({ name, expected, value }) => `${name} must ${expected}, but is ${quote(value)}`,
  },
  'value-enum': {
    severity: 'error',
    title: 'Value not allowed',
    help: 'The value is not one of the values the standard allows. Use one of the listed values, spelled exactly.',
    message: ({ name, expected, value }) => `${name} must be ${expected}, but is ${quote(value)}`,
  },
  'value-range': {
    severity: 'error',
    title: 'Value out of range',
    help: 'The value is outside the range the standard allows.',
    message: ({ name, expected, value }) => `${name} must be ${expected}, but is ${value}`,
  },
  'value-length': {
    severity: 'error',
    title: 'Value too long or too short',
    help: 'The value has more or fewer characters (or items) than the standard allows.',
    message: ({ name, expected, actual }) => `${name} must ${expected}, but ${lengthFound(actual)}`,
  },
  'value-invalid': {
    severity: 'error',
    title: 'Value breaks a rule',
    help: "The value breaks one of the standard's rules for the field.",
    message: (args) => brokenRule(args),
  },
  'row-rule': {
    severity: 'error',
    title: 'Record breaks a rule',
    help: 'The fields of the record do not fit together the way the standard requires.',
    message: (args) => (args.kind === 'too-deep' ? tooDeep('The row') : args.kind === 'record-rule' ? capitalised(args.rule) : args.rule),
  },
  'key-duplicate': {
    severity: 'error',
    title: 'Duplicate key',
    help: 'A value that must be unique appears more than once. Each record needs its own value.',
    message: ({ fields, value, firstRow, firstLine }) => {
      const name = fields.join(' + ');
      const first = `row ${firstRow}, line ${firstLine}`;
      return value === undefined ? `This ${name} value is used more than once (first in ${first})` : `${name} ${quote(value)} is used more than once (first in ${first})`;
    },
  },
  'key-reference': {
    severity: 'error',
    title: 'Value not found in its list',
    help: 'The value must come from a code list or refer to a record in another file, and it was not found there.',
    message: (args) =>
      args.kind === 'unreadable'
        ? `References to ${args.resource} cannot be checked: ${referenceProblem(args.resource, args.problem)}`
        : `${args.name} ${quote(args.value)} is not in ${args.list}`,
  },
  'formula-value': {
    severity: 'warning',
    title: 'Formula without a usable value',
    help: 'A cell holds a formula whose saved result is an error (#REF!, #DIV/0!, #N/A…) or was never saved (the workbook was written by a program that does not calculate). conform reads the saved result, as a CSV export would. Fix the formula, or open the workbook in a spreadsheet program and save it so the results are saved too; or replace the formula by its value.',
    message: ({ cell, error }) =>
      error ? `The formula in ${cell} shows the error ${error}, so the cell has no value` : `The formula in ${cell} has no saved result, so the cell was read as empty`,
  },
  'table-rule': {
    severity: 'error',
    title: 'File breaks a rule',
    help: "The file as a whole breaks one of the standard's rules (number of rows, a value that must be the same throughout…).",
    message: (args) => tableRule(args),
  },
};

/** Hints (not messages) that the header check gives. */
export const phrases = {
  /** How to map a column a person recognises as a missing field, or to add it when none is close. */
  missingColumnHint: (field: string, candidate: string | undefined) =>
    candidate
      ? `if it does, run with --column "${candidate.replace(/"/g, '\\"')}=${field}" (or rename the column to "${field}")`
      : `add the column "${field}", or if a column holds it under another name, run with --column "<that column>=${field}"`,
  moreUnknownColumns: (count: number) => `${formatNumber(count)} more columns after this one are not part of the standard either; is the delimiter or the header row right?`,
};

/** Where an issue is; every field is optional because files, headers, rows and cells differ. */
export type IssueLocation = Omit<Issue, 'code' | 'severity' | 'message'>;

/** Build an issue with its catalog severity and message. */
export function makeIssue<C extends IssueCode>(code: C, args: IssueArgs[C], location: IssueLocation = {}, severity?: Severity): Issue {
  const entry: CatalogEntry<C> = CATALOG[code];
  const issue: Issue = { code, severity: severity ?? entry.severity, message: entry.message(args) };
  return Object.assign(issue, location);
}
