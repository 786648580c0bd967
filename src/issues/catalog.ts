// The one place where issue wording lives. Checks say *what* they found (a code and a few facts);
// this file turns that into a sentence a council data officer can act on.
import type { Issue, IssueCode, Severity } from '../types.js';
import { formatNumber } from '../plain-text.js';

/** The facts a check hands over; each message uses the ones it needs. */
export interface MessageArgs {
  /** The field or column the issue is about, as the reader should see it. */
  name?: string;
  /** The value as found. */
  value?: string;
  /** What was expected, as a phrase that completes "must be …" / "must …". */
  expected?: string;
  /** Free detail that completes the sentence (a parser's explanation, a rule's text). */
  detail?: string;
  count?: number;
  /** Another name or place the message refers to (the standard's field, the other file, a line). */
  other?: string;
  /** The field is asked for at warning or note level, not required: the message must not say "required". */
  advised?: boolean;
}

export interface CatalogEntry {
  severity: Severity;
  /** A short title, used for rule names in SARIF and test names in JUnit. */
  title: string;
  /** What the issue means and how to fix it in general. */
  help: string;
  message(args: MessageArgs): string;
}

const SHOWN_VALUE_LENGTH = 80;

/** A value quoted for a message: shortened, with invisible characters made visible. */
export function quote(value: string | undefined): string {
  if (value === undefined) return 'empty';
  let text = value.length > SHOWN_VALUE_LENGTH ? value.slice(0, SHOWN_VALUE_LENGTH) + '…' : value;
  text = JSON.stringify(text);
  return text;
}

const plural = (n: number, one: string, many = one + 's') => `${formatNumber(n)} ${n === 1 ? one : many}`;

export const CATALOG: Record<IssueCode, CatalogEntry> = {
  'file-unreadable': {
    severity: 'error',
    title: 'File cannot be read',
    help: 'The file could not be opened or read. Check that the path is right and that the file is readable.',
    message: ({ detail }) => `The file cannot be read: ${detail}`,
  },
  'file-empty': {
    severity: 'error',
    title: 'File is empty',
    help: 'The file has no content, or no records. Export the data again and check that the file is not blank.',
    message: ({ detail }) => detail ?? 'The file is empty',
  },
  'file-skipped': {
    severity: 'info',
    title: 'Not a data file conform reads',
    help: 'A folder held this file, but conform reads only CSV, JSON and NDJSON files, so it was not checked. Save a spreadsheet as CSV UTF-8 to check it, or name a file of another extension to read it as CSV.',
    message: ({ detail }) => `Not a data file conform reads, so it was not checked: ${detail ?? 'a file of another kind'}`,
  },
  'encoding-invalid': {
    severity: 'error',
    title: 'Bytes not valid in the encoding',
    help: 'Some bytes are not valid in the file\'s character encoding, so some characters cannot be read. Save the file again as UTF-8.',
    message: ({ detail, count, other }) =>
      `The file has ${plural(count ?? 1, 'byte sequence')} that ${count === 1 ? 'is' : 'are'} not valid ${detail ?? 'UTF-8'}; the first is at ${other ?? 'the place shown'}`,
  },
  'encoding-not-utf8': {
    severity: 'warning',
    title: 'File is not UTF-8',
    help: 'Standards expect UTF-8 text. In Excel use "Save As" → "CSV UTF-8 (Comma delimited)".',
    message: ({ detail }) => `The file is not UTF-8; it was read as ${detail}`,
  },
  'format-invalid': {
    severity: 'error',
    title: 'File is not well-formed',
    help: 'The file cannot be read in its format: an unclosed quote, broken JSON, or a file of another kind saved with this name.',
    message: ({ detail }) => detail ?? 'The file is not well-formed',
  },
  'standard-undetected': {
    severity: 'error',
    title: 'Standard not recognised',
    help: 'No standard was given for the file, and its header does not show clearly which standard it follows, so it was not checked. Name the standard with --standard, or for these files in conform.config.yaml.',
    message: ({ detail }) => `The file was not checked: conform cannot tell which standard it follows, because ${detail}. Choose one with --standard <id>, or give these files a standard in conform.config.yaml`,
  },
  'standard-warning': {
    severity: 'info',
    title: 'Part of the standard cannot be checked',
    help: 'The standard uses a keyword or format that conform does not know. JSON Schema ignores such words, and so does conform: the data is checked against the rest of the standard. The standard\'s author can replace them with a pattern or a keyword of the schema\'s draft.',
    message: ({ detail }) => `The standard ${detail ?? 'uses something conform cannot check'}; it was not checked`,
  },
  'workbook-sheet': {
    severity: 'info',
    title: 'Sheet of a workbook not checked',
    help: 'A workbook is checked one sheet at a time: the sheet whose header best matches the standard, or the one named with --sheet (or `sheet` in the config). The other sheets are listed, with why they were not checked.',
    message: ({ name, detail }) => `The sheet ${quote(name)} was not checked: ${detail}`,
  },
  'header-missing': {
    severity: 'error',
    title: 'Required column missing',
    help: 'A column the standard requires is not in the header row. Add the column (it may be empty where the standard allows).',
    message: ({ name, other, detail, advised }) => {
      const column = advised ? `The column "${name}", which the standard asks for,` : `The required column "${name}"`;
      return other
        ? `${column} is missing; the column "${other}"${detail ? ` (or ${detail})` : ''} may hold it`
        : `${column} is missing, and no column of the file is close to it`;
    },
  },
  'header-absent': {
    severity: 'error',
    title: 'No header row',
    help: 'The file has no header row: its first line holds data, so a program reading it takes a record for the column names. Add a header row that names each column with the standard\'s names.',
    message: ({ value, other, detail }) => `The file has no header row: line ${other ?? 1} holds data (${value ?? 'values'}), not column names, ${detail ?? 'so its columns cannot be told apart'}`,
  },
  'header-unknown': {
    severity: 'warning',
    title: 'Column not in the standard',
    help: 'The column is not one of the standard\'s fields. Rename it to the standard\'s name, or remove it if the standard does not allow extra columns.',
    message: ({ name, other }) =>
      `The column "${name}" is not part of the standard${other ? `; did you mean "${other}"?` : ''}`,
  },
  'header-duplicate': {
    severity: 'error',
    title: 'Duplicate column',
    help: 'Two columns have the same name, so it is unclear which one holds the field. Rename or remove one of them.',
    message: ({ name, other }) => `The column "${name}" appears more than once (also ${other})`,
  },
  'header-blank': {
    severity: 'warning',
    title: 'Column without a name',
    help: 'A column has no name in the header row. Name it, or delete it if it is empty.',
    message: ({ count, detail, other }) =>
      count && count > 1 ? `${plural(count, 'column')} have no name (${detail})` : `Column ${other} has no name${detail ? ` ${detail}` : ''}`,
  },
  'header-mismatch': {
    severity: 'warning',
    title: 'Column name differs from the standard',
    help: 'The column was recognised as one of the standard\'s fields, but its name is written differently. Rename it to the standard\'s name.',
    message: ({ name, other, detail }) => `The column "${name}" was read as the standard's "${other}" (${detail})`,
  },
  'title-rows': {
    severity: 'warning',
    title: 'Lines above the header',
    help: 'The file has title or note lines above the header row. Remove them so the header is the first line.',
    message: ({ count, other, detail }) =>
      other === undefined
        ? detail ?? 'Rows under the header are a template, not data'
        : `${plural(count ?? 1, 'line')} above the header ${count === 1 ? 'was' : 'were'} skipped${detail ?? ''}; the header is on line ${other}`,
  },
  'row-length': {
    severity: 'error',
    title: 'Wrong number of cells',
    help: 'The row has more or fewer cells than the header. Look for a stray delimiter or a missing quote.',
    message: ({ count, other }) => `The row has ${plural(count ?? 0, 'cell')}, but the header has ${other}`,
  },
  'row-blank': {
    severity: 'warning',
    title: 'Blank row',
    help: 'The row has no values. Delete blank rows.',
    message: ({ count, detail }) => (count && count > 1 ? `${plural(count, 'blank row')} (${detail})` : 'The row is blank'),
  },
  'total-rows': {
    severity: 'warning',
    title: 'Total or footer rows',
    help: 'Rows that add up the data ("Total", "Grand total", "Sub-total", "Sum", "Count") are not records: they were neither counted nor checked. Remove them from the published data, so a total is not read as one more payment.',
    message: ({ count, detail }) =>
      `${count === 1 ? 'A total or footer row is' : `${plural(count ?? 1, 'total or footer row')} are`} not data and ${count === 1 ? 'was' : 'were'} not counted as a record: ${detail}`,
  },
  'row-duplicate': {
    severity: 'warning',
    title: 'Duplicate row',
    help: 'The row repeats an earlier row exactly. Remove the copy unless both are real.',
    message: ({ other }) => `The row is an exact copy of row ${other}`,
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
    message: ({ name, detail }) => `${name} is required, but ${detail ?? 'the cell is empty'}`,
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
    help: 'The value is not written the way the standard requires. See the field\'s description and examples.',
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
    message: ({ name, expected, detail }) => `${name} must ${expected}, but ${detail}`,
  },
  'value-invalid': {
    severity: 'error',
    title: 'Value breaks a rule',
    help: 'The value breaks one of the standard\'s rules for the field.',
    message: ({ name, detail, value }) => `${name} ${detail}${value !== undefined ? `, but is ${quote(value)}` : ''}`,
  },
  'row-rule': {
    severity: 'error',
    title: 'Record breaks a rule',
    help: 'The fields of the record do not fit together the way the standard requires.',
    message: ({ detail }) => `${detail}`,
  },
  'key-duplicate': {
    severity: 'error',
    title: 'Duplicate key',
    help: 'A value that must be unique appears more than once. Each record needs its own value.',
    message: ({ name, value, other }) =>
      value === undefined ? `This ${name} value is used more than once (first in ${other})` : `${name} ${quote(value)} is used more than once (first in ${other})`,
  },
  'key-reference': {
    severity: 'error',
    title: 'Value not found in its list',
    help: 'The value must come from a code list or refer to a record in another file, and it was not found there.',
    // Without a name, the issue is about the referenced file itself (it cannot be read): the detail says it.
    message: ({ name, value, other, detail }) => (name === undefined ? detail ?? 'A referenced file cannot be read' : `${name} ${quote(value)} is not in ${other ?? detail}`),
  },
  'formula-value': {
    severity: 'warning',
    title: 'Formula without a usable value',
    help: 'A cell holds a formula whose saved result is an error (#REF!, #DIV/0!, #N/A…) or was never saved (the workbook was written by a program that does not calculate). conform reads the saved result, as a CSV export would. Fix the formula, or open the workbook in a spreadsheet program and save it so the results are saved too; or replace the formula by its value.',
    message: ({ value, detail }) => (value ? `The formula in ${detail} shows the error ${value}, so the cell has no value` : `The formula in ${detail} has no saved result, so the cell was read as empty`),
  },
  'table-rule': {
    severity: 'error',
    title: 'File breaks a rule',
    help: 'The file as a whole breaks one of the standard\'s rules (number of rows, a value that must be the same throughout…).',
    message: ({ detail }) => `${detail}`,
  },
};

/** Sentences for the rules over a whole table, which carry more facts than one template can. */
export const phrases = {
  /** How to map a column a person recognises as a missing field, or to add it when none is close. */
  missingColumnHint: (field: string, candidate: string | undefined) =>
    candidate
      ? `if it does, run with --column "${candidate.replace(/"/g, '\\"')}=${field}" (or rename the column to "${field}")`
      : `add the column "${field}", or if a column holds it under another name, run with --column "<that column>=${field}"`,
  notConstant: (field: string, first: string, firstRow: number, other: string, otherRow: number, count: number) =>
    `${field} must be the same in every row: row ${firstRow} has ${quote(first)} but row ${otherRow} has ${quote(other)}` +
    (count > 1 ? ` (${plural(count, 'row')} differ from row ${firstRow})` : ''),
  dateSpan: (field: string, earliest: string, earliestRow: number, latest: string, latestRow: number, days: number, maximum: number) =>
    `${field} must span at most ${plural(maximum, 'day')}, but runs from ${earliest} (row ${earliestRow}) to ${latest} (row ${latestRow}), ${plural(days, 'day')}`,
  dateBefore: (field: string, earliest: string, minimum: string) => `${field} must not be before ${minimum}, but the earliest is ${earliest}`,
  dateAfter: (field: string, latest: string, maximum: string) => `${field} must not be after ${maximum}, but the latest is ${latest}`,
  rowCount: (rows: number, minimum?: number, maximum?: number) => {
    const wanted =
      minimum !== undefined && maximum !== undefined
        ? `between ${minimum} and ${maximum} records`
        : minimum !== undefined
          ? `at least ${plural(minimum, 'record')}`
          : `at most ${plural(maximum!, 'record')}`;
    return `The file must have ${wanted}, but has ${formatNumber(rows)}`;
  },
  hashCollisions: (count: number, key: string) =>
    `${plural(count, 'pair')} of different ${key} values shared a 64-bit hash; a second hash told them apart, so no duplicate was reported for them`,
  referenceUnreadable: (resource: string, reason: string) => `References to ${resource} cannot be checked: ${reason}`,
  moreUnknownColumns: (count: number) => `${formatNumber(count)} more columns after this one are not part of the standard either; is the delimiter or the header row right?`,
  tooDeep: (what: string) => `${what} is nested too deeply to be checked (thousands of levels of arrays or objects); no real data is shaped like this`,
};

/** Where an issue is; every field is optional because files, headers, rows and cells differ. */
export type IssueLocation = Omit<Issue, 'code' | 'severity' | 'message'>;

/** Build an issue with its catalog severity and message. */
export function makeIssue(code: IssueCode, args: MessageArgs, location: IssueLocation = {}, severity?: Severity): Issue {
  const entry = CATALOG[code];
  const issue: Issue = { code, severity: severity ?? entry.severity, message: entry.message(args) };
  return Object.assign(issue, location);
}
