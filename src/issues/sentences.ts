// The sentences of the catalog's messages that take more than one template: each is built from the
// facts an issue code carries (args.ts), and only the catalog uses them.
import { formatNumber } from '../plain-text.js';
import type { EmptyReason, IssueArgs, LengthFound, NameMatch, NotDataFile, ReferenceProblem, SkippedFile, TemplateRow } from './args.js';

const TEMPLATE_WORDS: Record<TemplateRow, string> = {
  markers: 'says which columns are mandatory',
  numbers: 'numbers the columns',
  formats: 'describes the format of each column',
};

/** Template rows, each with what it does ("line 3 numbers the columns; line 4 …"). */
export const templateRows = (found: Array<{ line: number; does: TemplateRow }>) => found.map((t) => `line ${t.line} ${TEMPLATE_WORDS[t.does]}`).join('; ');

const SHOWN_VALUE_LENGTH = 80;

/** A value quoted for a message: shortened, with invisible characters made visible. */
export function quote(value: string | undefined): string {
  if (value === undefined) return 'empty';
  let text = value.length > SHOWN_VALUE_LENGTH ? value.slice(0, SHOWN_VALUE_LENGTH) + '…' : value;
  text = JSON.stringify(text);
  return text;
}

export const plural = (n: number, one: string, many = one + 's') => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** A value's length after "but": written without thousands separators, as the expected length is. */
export function lengthFound(found: LengthFound): string {
  if ('items' in found) return `it has ${found.items}`;
  return `it is ${found.characters} character${found.characters === 1 ? '' : 's'} long`;
}

export const capitalised = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

export function describeEncoding(encoding: string): string {
  return encoding === 'windows-1252' ? 'Windows-1252 (Latin-1)' : encoding.toUpperCase();
}

export const tooDeep = (what: string) => `${what} is nested too deeply to be checked (thousands of levels of arrays or objects); no real data is shaped like this`;

export function emptyFile(reason: EmptyReason, sheet: string | undefined): string {
  const what = sheet === undefined ? 'The file' : `The sheet ${JSON.stringify(sheet)}`;
  switch (reason) {
    case 'no-bytes':
      return 'The file is empty';
    case 'no-header':
      return `${what} has no header row and no records`;
    case 'header-only':
      return `${what} has a header but no records`;
    case 'empty-array':
      return 'The file holds no records (the array is empty)';
    case 'no-records':
      return 'The file holds no records';
  }
}

export function notWellFormed(args: IssueArgs['format-invalid']): string {
  switch (args.kind) {
    case 'not-data':
      return notDataFile(args.file);
    case 'document-not-json':
      return `The standard "${args.standard}" describes a whole JSON document, so it checks JSON files; this file is ${args.format.toUpperCase()}`;
    case 'unclosed-quote': {
      const { line, linesSwallowed } = args;
      return `A quote opened in the record on line ${line} is never closed, so the rest of the file (${linesSwallowed} line${linesSwallowed === 1 ? '' : 's'}) cannot be read as rows`;
    }
    case 'csv-record-too-long':
      return `The record starting on line ${args.line} is longer than ${args.megabytes} MB, so reading stopped there; a quote is probably never closed`;
    case 'record-too-long':
      return `The record on line ${args.line} is longer than ${args.megabytes} MB, so it was skipped (the rest of the file was checked). Split it into smaller records, or check that its line breaks were not lost`;
    case 'too-many-fields':
      return `The record has more than ${args.limit.toLocaleString('en-GB')} fields (counting fields inside its objects), so it was not checked. A record of a data standard has far fewer: check that the file is the data it should be`;
    case 'json-file':
      return `The file is not valid JSON: ${args.parserMessage}`;
    case 'json-record':
      return `The record is not valid JSON: ${args.parserMessage}`;
    case 'too-deep':
      return tooDeep(args.what === 'record' ? 'The record' : 'The document');
    case 'nul-bytes': {
      const { count, offset, line } = args;
      return `The file has ${formatNumber(count)} NUL byte${count === 1 ? '' : 's'} (the first at byte ${formatNumber(offset)}, on line ${line}), which text never holds: the file may be damaged, padded, or partly binary`;
    }
    case 'workbook-unreadable':
      return `The workbook cannot be read: ${args.parserMessage}`;
    case 'no-matching-sheet':
      return `No sheet of the workbook has the column titles of the standard "${args.standard}" (such as ${args.exampleTitles.map((t) => `"${t}"`).join(', ')})`;
  }
}

/** What a file of each extension is, for the reason it was not checked. */
const KINDS: Record<string, string> = {
  xlsm: 'an Excel workbook with macros; save each sheet as CSV UTF-8 to check it',
  xls: 'an Excel 97–2003 workbook; save each sheet as CSV UTF-8 to check it',
  tsv: 'a tab-separated file; name it to check it (the delimiter is detected)',
  txt: 'a text file; name it to check it if it holds CSV',
  pdf: 'a PDF document',
  doc: 'a Word document',
  docx: 'a Word document',
  odt: 'an OpenDocument text document',
  md: 'a text document (Markdown)',
  html: 'a web page',
  htm: 'a web page',
  xml: 'an XML file',
  yaml: 'a YAML file',
  yml: 'a YAML file',
  zip: 'a compressed archive; unpack it to check the files inside',
  gz: 'a compressed file; unpack it to check it',
  shp: 'a shapefile (map data)',
  kml: 'a KML file (map data)',
  gpkg: 'a GeoPackage (map data)',
  png: 'an image',
  jpg: 'an image',
  jpeg: 'an image',
  gif: 'an image',
  svg: 'an image',
};

/** Data descriptors beside the data: read only when named. */
const METADATA_KIND = 'a description of data files (a data package or CSV on the Web metadata), checked only when named';

export function skippedFile(file: SkippedFile): string {
  switch (file.is) {
    case 'metadata':
      return METADATA_KIND;
    case 'no-extension':
      return 'a file without an extension; name it to check it';
    case 'extension':
      return KINDS[file.extension] ?? `a .${file.extension} file`;
  }
}

const SAVE_AS_CSV = 'In Excel, use "Save As" → "CSV UTF-8 (Comma delimited)" and check that file';

export function notDataFile(file: NotDataFile): string {
  switch (file.is) {
    case 'xlsx':
      return `This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_CSV}`;
    case 'ods':
      return 'This is an OpenDocument spreadsheet (.ods), not a CSV file. Save it as CSV (UTF-8, comma separated) and check that file';
    case 'docx':
      return 'This is a Word document (.docx), not a data file';
    case 'zip':
      return `This is a ZIP archive${file.firstName ? ` (the first file in it is "${file.firstName}")` : ''}, not a data file. Extract the data file from it and check that`;
    case 'old-office':
      return `This is an old-style Office file (an Excel .xls workbook or a Word .doc), not a CSV file. ${SAVE_AS_CSV}`;
    case 'sqlite':
      return 'This is an SQLite database, not a data file. Export the table as CSV and check that';
    case 'pdf':
      return 'This is a PDF document, not a data file';
    case 'gzip':
      return 'This is a gzip-compressed file. Decompress it and check the file inside';
    case 'image':
      return 'This is an image, not a data file';
    case 'binary':
      return `This is a binary file, not ${file.readAs === 'csv' ? 'a CSV' : 'a JSON'} file: it is full of control characters that text never holds. Check that the right file was saved`;
    case 'html':
      return 'This is a web page (HTML), not a data file: it was probably saved from an error or login page instead of the download itself';
    case 'excel-xml':
      return `This is an Excel XML spreadsheet, not a CSV file. ${SAVE_AS_CSV}`;
    case 'xml':
      return 'This is an XML file, not a data file of the expected kind';
    case 'json-not-csv':
      return 'This is a JSON file, not a CSV file. Rename it to .json (or use --input-format json)';
  }
}

export function sheetNotChecked(args: IssueArgs['workbook-sheet']): string {
  switch (args.kind) {
    case 'other-chosen':
      return `the sheet ${JSON.stringify(args.chosen)} was chosen with --sheet`;
    case 'hidden':
      return 'it is hidden (name it with --sheet to check it)';
    case 'no-values':
      return 'it holds no values';
    case 'weaker-header':
      return `its header matches the standard less well than that of ${JSON.stringify(args.best)} (name it with --sheet to check it)`;
    case 'flat-hidden':
      return 'it is hidden';
    case 'flat-no-fields':
      return 'none of its column titles is a field of the standard';
    case 'flat-no-header':
      return "no header row naming the standard's fields was found";
    case 'flat-no-join':
      return `it has no ${args.idTitles.map((t) => JSON.stringify(t)).join(' and ')} column${args.idTitles.length === 1 ? '' : 's'} to join its rows to the records`;
  }
}

/** Columns 9–32 and 35, from a sorted list of positions. */
export function describePositions(positions: number[]): string {
  const parts: string[] = [];
  let start = positions[0]!;
  let prev = start;
  for (const p of [...positions.slice(1), Infinity]) {
    if (p === prev + 1) {
      prev = p;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = p;
  }
  return `columns ${parts.join(', ')}`;
}

export function howMatched(match: NameMatch): string {
  switch (match.by) {
    case 'repaired':
      return `its name ${match.damage}`;
    case 'spelling':
      return 'written differently';
    case 'alias':
      return 'a known alias';
    case 'words':
      return match.knownName !== undefined ? `the same words as "${match.knownName}", a known name` : 'the same words';
    case 'typo':
      return match.knownName !== undefined ? `a likely typo of "${match.knownName}", a known alias` : 'a likely typo';
  }
}

export function whyMissing(args: IssueArgs['value-missing']): string {
  switch (args.reason) {
    case undefined:
      return 'the cell is empty';
    case 'absent':
      return 'it is missing';
    case 'primary-key':
      return 'it is part of the primary key, which is never empty';
    case 'spaces-only':
      return 'the cell holds only spaces';
    case 'means-no-value':
      return `the cell holds ${JSON.stringify(args.value)}, which means no value`;
  }
}

export function brokenRule(args: IssueArgs['value-invalid']): string {
  switch (args.kind) {
    case 'rule':
      return `${args.name} ${args.rule}${args.value !== undefined ? `, but is ${quote(args.value)}` : ''}`;
    case 'damaged':
      return `${args.name} holds ${JSON.stringify(args.text.trim().slice(0, 60))}, which is damaged: ${args.explanation}`;
    case 'padded':
    case 'means-no-value': {
      const { count, row, line, example } = args;
      const values = count === 1 ? 'value' : 'values';
      const first = count === 1 ? `row ${formatNumber(row)}, line ${formatNumber(line)}` : `the first on row ${formatNumber(row)}, line ${formatNumber(line)}`;
      return args.kind === 'padded'
        ? `${args.name} has ${formatNumber(count)} ${values} with spaces before or after ${count === 1 ? 'it' : 'them'} (${first}: ${JSON.stringify(example)})`
        : `${args.name} has ${formatNumber(count)} ${values} such as ${JSON.stringify(example)} that mean${count === 1 ? 's' : ''} no value (${first})`;
    }
  }
}

export function referenceProblem(resource: string, problem: ReferenceProblem): string {
  switch (problem.kind) {
    case 'standard-input':
      return 'the data came from standard input, so there is no folder to find it in';
    case 'not-found':
      return `there is no ${resource} in the same folder as this file`;
    case 'refused':
      return `${problem.why}: a referenced file is read only from the data file's folder or the standard's folder`;
    case 'unreadable':
      return problem.readerMessage;
  }
}

export function tableRule(args: IssueArgs['table-rule']): string {
  switch (args.kind) {
    case 'hash-collisions':
      return `${plural(args.count, 'pair')} of different ${args.fields.join(' + ')} values shared a 64-bit hash; a second hash told them apart, so no duplicate was reported for them`;
    case 'not-constant': {
      const { field, first, firstRow, other, otherRow, count } = args;
      return (
        `${field} must be the same in every row: row ${firstRow} has ${quote(first)} but row ${otherRow} has ${quote(other)}` +
        (count > 1 ? ` (${plural(count, 'row')} differ from row ${firstRow})` : '')
      );
    }
    case 'date-span': {
      const { field, earliest, earliestRow, latest, latestRow, days, maximumDays } = args;
      return `${field} must span at most ${plural(maximumDays, 'day')}, but runs from ${earliest} (row ${earliestRow}) to ${latest} (row ${latestRow}), ${plural(days, 'day')}`;
    }
    case 'date-before':
      return `${args.field} must not be before ${args.minimum}, but the earliest is ${args.earliest}`;
    case 'date-after':
      return `${args.field} must not be after ${args.maximum}, but the latest is ${args.latest}`;
    case 'row-count': {
      const { rows, minimum, maximum } = args;
      const wanted =
        minimum !== undefined && maximum !== undefined
          ? `between ${minimum} and ${maximum} records`
          : minimum !== undefined
            ? `at least ${plural(minimum, 'record')}`
            : `at most ${plural(maximum!, 'record')}`;
      return `The file must have ${wanted}, but has ${formatNumber(rows)}`;
    }
  }
}
