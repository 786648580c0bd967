// The quirks of real council files (items 1–23 of the list in the project's notes), one fixture folder
// each under fixtures/quirks (written by fixtures/quirks/make.mjs): what the report says about each —
// codes, rows, lines, columns, hints and fixes — exactly.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, report, ROOT, scratch } from './helpers.js';

const QUIRKS = join(FIXTURES, 'quirks');
const STANDARD = join(QUIRKS, 'payments.schema.json');

/** The parts of an issue these tests pin down (message wording is checked where it matters). */
interface Seen {
  code: string;
  severity?: string;
  row?: number;
  line?: number;
  endRow?: number;
  endLine?: number;
  column?: string;
  columnIndex?: number;
  count?: number;
  offset?: number;
  suggestion?: string;
  fix?: string;
}

function seen(issue: Record<string, unknown>): Seen {
  const keys = ['code', 'severity', 'row', 'line', 'endRow', 'endLine', 'column', 'columnIndex', 'count', 'offset', 'suggestion', 'fix'] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (issue[k] !== undefined) out[k] = issue[k];
  return out as unknown as Seen;
}

interface Case {
  quirk: string;
  file: string;
  args?: string[];
  encoding?: string;
  delimiter?: string;
  rows: number;
  issues: Seen[];
  /** Hints (and other message parts), in the order of the issues that have one. */
  hints?: Array<string | RegExp>;
  messages?: Array<[number, string | RegExp]>;
}

const w = 'warning';
const e = 'error';

const CASES: Case[] = [
  {
    quirk: '1: UTF-8 with a byte-order mark: the BOM is not part of the first header name',
    file: '01-utf8-bom/payments.csv',
    encoding: 'utf-8',
    rows: 2,
    issues: [],
  },
  {
    quirk: '2: Windows-1252 is detected, decoded (£ ’ é) and reported',
    file: '02-windows-1252/payments.csv',
    encoding: 'windows-1252',
    rows: 2,
    issues: [
      { code: 'encoding-not-utf8', severity: w },
      { code: 'value-enum', severity: e, row: 1, line: 2, column: 'Area', columnIndex: 4 },
      { code: 'value-type', severity: e, row: 2, line: 3, column: 'Amount', columnIndex: 3, fix: '75' },
    ],
    messages: [
      [0, 'The file is not UTF-8; it was read as Windows-1252 (Latin-1)'],
      [1, 'Area must be one of "conservation-area", "green-belt", "town-centre", but is "Café’s quarter"'],
    ],
  },
  {
    quirk: '3: invalid UTF-8 bytes: the byte offset and line of the first, and how many',
    file: '03-invalid-utf8/payments.csv',
    encoding: 'utf-8',
    rows: 4,
    issues: [{ code: 'encoding-invalid', severity: e, line: 4, offset: 83, count: 2 }],
    messages: [[0, 'The file has 2 byte sequences that are not valid UTF-8; the first is at byte 83, line 4']],
  },
  {
    quirk: '4: UTF-16LE without a BOM',
    file: '04-utf16/no-bom-le.csv',
    encoding: 'utf-16le',
    rows: 2,
    issues: [
      { code: 'encoding-not-utf8', severity: w },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2, fix: '2024-03-31' },
    ],
    messages: [[0, 'The file is not UTF-8; it was read as UTF-16LE']],
  },
  {
    quirk: '4: UTF-16BE with a BOM',
    file: '04-utf16/bom-be.csv',
    encoding: 'utf-16be',
    rows: 2,
    issues: [
      { code: 'encoding-not-utf8', severity: w },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2, fix: '2024-03-31' },
    ],
  },
  {
    quirk: '4: Excel "Unicode Text": UTF-16LE with a BOM, separated by tabs',
    file: '04-utf16/unicode-text.csv',
    encoding: 'utf-16le',
    delimiter: '\t',
    rows: 2,
    issues: [
      { code: 'encoding-not-utf8', severity: w },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2, fix: '2024-03-31' },
    ],
  },
  {
    quirk: '5: mojibake baked into valid UTF-8: a warning on each damaged cell, the repair where it is certain',
    file: '05-mojibake/payments.csv',
    encoding: 'utf-8',
    rows: 4,
    issues: [
      { code: 'value-invalid', severity: w, row: 1, line: 2, column: 'SupplierName', columnIndex: 1 },
      { code: 'value-invalid', severity: w, row: 2, line: 3, column: 'SupplierName', columnIndex: 1 },
      { code: 'value-invalid', severity: w, row: 3, line: 4, column: 'SupplierName', columnIndex: 1, fix: 'Café Rouge' },
    ],
    hints: ['correct the text at the source', 'correct the text at the source', 'write it as "Café Rouge"'],
    messages: [
      [0, /^SupplierName holds "JULIE\uFFFDS BICYCLE", which is damaged: the character � stands for one that was lost/],
      [1, /"Ǧ" is a letter English text does not use/],
      [2, /"Ã©" is what UTF-8 text looks like when it is read as Windows-1252 and saved again/],
    ],
  },
  ...(
    [
      ['binary.csv', /^This is a binary file, not a CSV file/],
      ['workbook.csv', /^This is an Excel workbook \(\.xlsx\), not a CSV file\. In Excel, use "Save As"/],
      ['archive.csv', 'This is a ZIP archive (the first file in it is "spend-2024.csv"), not a data file. Extract the data file from it and check that'],
      ['page.csv', /^This is a web page \(HTML\), not a data file/],
      ['data.csv', 'This is a JSON file, not a CSV file. Rename it to .json (or use --input-format json)'],
    ] as const
  ).map(([file, message]): Case => ({
    quirk: `6: ${file} is not a CSV file, and the one finding says what it is`,
    file: `06-not-csv/${file}`,
    rows: 0,
    issues: [{ code: 'format-invalid', severity: e }],
    messages: [[0, message]],
  })),
  {
    quirk: '6: NUL bytes in a text file: where the first is, and how many',
    file: '06-not-csv/nul-bytes.csv',
    encoding: 'utf-8',
    rows: 2,
    issues: [{ code: 'format-invalid', severity: e, line: 3, offset: 60, count: 3 }],
    messages: [[0, 'The file has 3 NUL bytes (the first at byte 60, on line 3), which text never holds: the file may be damaged, padded, or partly binary']],
  },
  {
    quirk: "7: title rows above the header and template rows under it are skipped; numbering stays the file's",
    file: '07-title-rows/payments.csv',
    rows: 2,
    issues: [
      { code: 'title-rows', severity: w, line: 1, endLine: 3, count: 3 },
      { code: 'header-mismatch', severity: w, line: 4, column: 'Supplier Name', columnIndex: 1, suggestion: 'SupplierName' },
      { code: 'header-mismatch', severity: w, line: 4, column: 'Paid Date', columnIndex: 2, suggestion: 'PaymentDate' },
      { code: 'title-rows', severity: w, row: 1, line: 5, endRow: 2, endLine: 6, count: 2 },
      { code: 'value-type', severity: e, row: 4, line: 8, column: 'Amount', columnIndex: 3 },
    ],
    messages: [
      [0, '3 lines above the header were skipped (the first says "Spend over £500 - September 2014"); the header is on line 4'],
      [3, '2 rows under the header (lines 5–6) are a template, not data: line 5 says which columns are mandatory; line 6 describes the format of each column. They were skipped'],
    ],
  },
  {
    quirk: '7: a row that numbers the columns under the header',
    file: '07-title-rows/numbered.csv',
    rows: 2,
    issues: [
      { code: 'title-rows', severity: w, row: 1, line: 2, endRow: 1, endLine: 2, count: 1 },
      { code: 'value-type', severity: e, row: 3, line: 4, column: 'Amount', columnIndex: 3 },
    ],
    messages: [[0, 'The row under the header (line 2) is a template, not data: line 2 numbers the columns. It was skipped']],
  },
  {
    quirk: '8: blank and comma-only rows: one finding per run, numbered but not counted',
    file: '08-blank-rows/payments.csv',
    rows: 2,
    issues: [
      { code: 'row-blank', severity: w, row: 2, line: 3 },
      { code: 'row-blank', severity: w, row: 4, line: 5, endRow: 7, endLine: 8, count: 4 },
    ],
    messages: [[1, '4 blank rows (rows 4–7, lines 5–8)']],
  },
  {
    quirk: '9: unnamed empty columns in one warning; an unnamed column with values in its own',
    file: '09-unnamed-columns/payments.csv',
    rows: 2,
    issues: [
      { code: 'header-blank', severity: w, line: 1, columnIndex: 4, count: 2 },
      { code: 'header-blank', severity: w, line: 1, columnIndex: 5 },
    ],
    messages: [
      [0, '2 columns have no name (columns 4, 6, all empty)'],
      [1, 'Column 5 has no name but holds values'],
    ],
  },
  {
    quirk: '10: ragged rows',
    file: '10-ragged/payments.csv',
    rows: 3,
    issues: [
      { code: 'row-length', severity: e, row: 1, line: 2 },
      { code: 'row-length', severity: e, row: 2, line: 3 },
    ],
    messages: [
      [0, 'The row has 4 cells, but the header has 3'],
      [1, 'The row has 2 cells, but the header has 3'],
    ],
  },
  {
    quirk: '10: an unclosed quote that swallows the rest of the file',
    file: '10-ragged/unclosed-quote.csv',
    rows: 1,
    issues: [{ code: 'format-invalid', severity: e, line: 3 }],
    messages: [[0, 'A quote opened in the record on line 3 is never closed, so the rest of the file (3 lines) cannot be read as rows']],
  },
  {
    quirk: '11: semicolons and decimal commas from European-locale Excel',
    file: '11-delimiters/semicolons.csv',
    delimiter: ';',
    rows: 3,
    issues: [
      { code: 'value-type', severity: e, row: 1, line: 2, column: 'Amount', columnIndex: 3, fix: '1234.56' },
      { code: 'value-type', severity: e, row: 2, line: 3, column: 'Amount', columnIndex: 3, fix: '99.5' },
      { code: 'value-type', severity: e, row: 3, line: 4, column: 'Amount', columnIndex: 3 },
    ],
    hints: [
      'remove the thousands separators, and use a decimal point: 1234.56',
      'use a decimal point: 99.5',
      '1,234 could be 1.234 (a decimal comma) or 1234 (a thousands separator): check which is meant and write it plainly',
    ],
  },
  {
    quirk: '11: a tab-separated file named .csv',
    file: '11-delimiters/tabs.csv',
    delimiter: '\t',
    rows: 2,
    issues: [{ code: 'value-type', severity: e, row: 2, line: 3, column: 'Amount', columnIndex: 3 }],
  },
  {
    quirk: '11: a pipe-separated file',
    file: '11-delimiters/pipes.csv',
    delimiter: '|',
    rows: 2,
    issues: [{ code: 'value-type', severity: e, row: 2, line: 3, column: 'Amount', columnIndex: 3 }],
  },
  {
    quirk: '11: --delimiter overrides detection',
    file: '11-delimiters/semicolons.csv',
    args: ['--delimiter', ','],
    delimiter: ',',
    rows: 3,
    issues: [
      { code: 'header-missing', severity: e, line: 1 },
      { code: 'header-missing', severity: e, line: 1 },
      { code: 'header-missing', severity: e, line: 1 },
      { code: 'header-unknown', severity: w, line: 1, column: 'SupplierName;PaymentDate;Amount', columnIndex: 1 },
      { code: 'row-length', severity: e, row: 1, line: 2 },
      { code: 'row-length', severity: e, row: 2, line: 3 },
      { code: 'row-length', severity: e, row: 3, line: 4 },
    ],
  },
  {
    quirk: "12: mixed CRLF and LF, line breaks inside quoted cells: lines are the file's real lines",
    file: '12-line-endings/payments.csv',
    rows: 4,
    issues: [
      { code: 'value-type', severity: e, row: 2, line: 4, column: 'Amount', columnIndex: 3 },
      { code: 'value-type', severity: e, row: 4, line: 7, column: 'Amount', columnIndex: 3 },
    ],
  },
  {
    quirk: '13: case, spacing, punctuation and non-breaking spaces in header names',
    file: '13-header-variants/payments.csv',
    rows: 1,
    issues: [
      { code: 'header-mismatch', severity: w, line: 1, column: 'supplier_name', columnIndex: 1, suggestion: 'SupplierName' },
      { code: 'header-mismatch', severity: w, line: 1, column: 'Payment\u00a0Date', columnIndex: 2, suggestion: 'PaymentDate' },
      { code: 'header-mismatch', severity: w, line: 1, column: 'AMOUNT ', columnIndex: 3, suggestion: 'Amount' },
      { code: 'header-mismatch', severity: w, line: 1, column: 'company-number', columnIndex: 4, suggestion: 'CompanyNumber' },
    ],
    messages: [[2, 'The column "AMOUNT " was read as the standard\'s "Amount" (written differently)']],
  },
  {
    quirk: '14: typos are matched with a suggestion; a near name is suggested; a name that is not close gets none',
    file: '14-header-typos/payments.csv',
    rows: 1,
    issues: [
      { code: 'header-mismatch', severity: w, line: 1, column: 'Supplier Nmae', columnIndex: 1, suggestion: 'SupplierName' },
      { code: 'header-mismatch', severity: w, line: 1, column: 'Paymnet Date', columnIndex: 2, suggestion: 'PaymentDate' },
      { code: 'header-unknown', severity: w, line: 1, column: 'VAT Registration Number', columnIndex: 4 },
      { code: 'header-mismatch', severity: w, line: 1, column: 'Refrence', columnIndex: 5, suggestion: 'Reference' },
      { code: 'header-unknown', severity: w, line: 1, column: 'Lnes', columnIndex: 6, suggestion: 'Lines' },
    ],
    messages: [
      [0, 'The column "Supplier Nmae" was read as the standard\'s "SupplierName" (a likely typo)'],
      [2, 'The column "VAT Registration Number" is not part of the standard'],
      // Too short to be taken as a typo, but close enough to suggest.
      [4, 'The column "Lnes" is not part of the standard; did you mean "Lines"?'],
    ],
  },
  ...['quarter-1.csv', 'quarter-2.csv'].map((file): Case => ({
    quirk: `14: headers that change every quarter still map (${file})`,
    file: `14-header-typos/${file}`,
    rows: 1,
    issues: [
      { code: 'header-mismatch', severity: w, line: 1, column: file === 'quarter-1.csv' ? 'Supplier' : 'payee', columnIndex: 1, suggestion: 'SupplierName' },
      { code: 'header-mismatch', severity: w, line: 1, column: file === 'quarter-1.csv' ? 'Paid Date' : 'date_paid', columnIndex: 2, suggestion: 'PaymentDate' },
      { code: 'header-mismatch', severity: w, line: 1, column: file === 'quarter-1.csv' ? 'Net Amount' : 'sum_of_inv_amount', columnIndex: 3, suggestion: 'Amount' },
    ],
  })),
  {
    quirk: '15: a known alias, and a local name the column map places',
    file: '15-local-names/payments.csv',
    args: ['--column', 'Body Name=Notes'],
    rows: 1,
    issues: [
      { code: 'header-mismatch', severity: w, line: 1, column: 'Paid Date', columnIndex: 1, suggestion: 'PaymentDate' },
      { code: 'header-mismatch', severity: w, line: 1, column: 'Supplier', columnIndex: 3, suggestion: 'SupplierName' },
    ],
    messages: [[0, 'The column "Paid Date" was read as the standard\'s "PaymentDate" (a known alias)']],
  },
  {
    quirk: '15: without the map, the local name is unknown',
    file: '15-local-names/payments.csv',
    rows: 1,
    issues: [
      { code: 'header-mismatch', severity: w, line: 1, column: 'Paid Date', columnIndex: 1, suggestion: 'PaymentDate' },
      { code: 'header-unknown', severity: w, line: 1, column: 'Body Name', columnIndex: 2 },
      { code: 'header-mismatch', severity: w, line: 1, column: 'Supplier', columnIndex: 3, suggestion: 'SupplierName' },
    ],
  },
  {
    quirk: '16: duplicate and blank header names',
    file: '16-duplicate-headers/payments.csv',
    rows: 1,
    issues: [
      { code: 'header-duplicate', severity: e, line: 1, column: 'amount', columnIndex: 4 },
      { code: 'header-blank', severity: w, line: 1, columnIndex: 5 },
    ],
    messages: [[0, 'The column "amount" appears more than once (also as column 3, "Amount")']],
  },
  {
    quirk: '17: UK dates, two-digit years, dates in words and Excel date-times, to the form each field wants',
    file: '17-dates/payments.csv',
    rows: 5,
    issues: [
      { code: 'value-format', severity: e, row: 1, line: 2, column: 'PaymentDate', columnIndex: 2, fix: '2024-12-31' },
      { code: 'value-pattern', severity: e, row: 1, line: 2, column: 'ExtractDate', columnIndex: 4, fix: '24/06/2024' },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2, fix: '2014-09-24' },
      { code: 'value-pattern', severity: e, row: 2, line: 3, column: 'ExtractDate', columnIndex: 4, fix: '24/06/2024' },
      { code: 'value-format', severity: e, row: 3, line: 4, column: 'PaymentDate', columnIndex: 2, fix: '2021-03-03' },
      { code: 'value-format', severity: e, row: 4, line: 5, column: 'PaymentDate', columnIndex: 2, fix: '2014-07-07' },
      { code: 'value-format', severity: e, row: 5, line: 6, column: 'PaymentDate', columnIndex: 2 },
    ],
    hints: [
      'write the date as 2024-12-31',
      'write the date as 24/06/2024',
      'write the date as 2014-09-24',
      'write the date as 24/06/2024',
      'write the date as 2021-03-03',
      'write the date as 2014-07-07',
      /^this is a time with no date: the column was formatted as a time in the spreadsheet, so the date was lost/,
    ],
  },
  {
    quirk: '17: a date column Excel turned into 00:00:00: a diagnosis, never a fix',
    file: '17-dates/lost-dates.csv',
    rows: 3,
    issues: [
      { code: 'header-mismatch', severity: w, line: 1, column: 'Paid Date', columnIndex: 2, suggestion: 'PaymentDate' },
      { code: 'value-format', severity: e, row: 1, line: 2, column: 'Paid Date', columnIndex: 2 },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'Paid Date', columnIndex: 2 },
      { code: 'value-format', severity: e, row: 3, line: 4, column: 'Paid Date', columnIndex: 2 },
    ],
  },
  {
    quirk: '17: an ambiguous date the file does not settle: both readings in the hint, no fix',
    file: '17-dates/ambiguous.csv',
    rows: 2,
    issues: [
      { code: 'value-format', severity: e, row: 1, line: 2, column: 'PaymentDate', columnIndex: 2 },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2 },
    ],
    hints: [
      '"03/04/2024" could be 3 April 2024 (2024-04-03) or 4 March 2024 (2024-03-04): the column\'s other dates do not show whether the day or the month comes first, so check which is meant',
      '"05/04/2024" could be 5 April 2024 (2024-04-05) or 4 May 2024 (2024-05-04): the column\'s other dates do not show whether the day or the month comes first, so check which is meant',
    ],
  },
  {
    quirk: '17: a later date (24/04/2024) settles the day-first order for the dates before it',
    file: '17-dates/settled-later.csv',
    rows: 3,
    issues: [
      { code: 'value-format', severity: e, row: 1, line: 2, column: 'PaymentDate', columnIndex: 2, fix: '2024-04-03' },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2, fix: '2024-04-05' },
      { code: 'value-format', severity: e, row: 3, line: 4, column: 'PaymentDate', columnIndex: 2, fix: '2024-04-24' },
    ],
    hints: [
      "write the date as 2024-04-03 (the column's other dates put the day first)",
      "write the date as 2024-04-05 (the column's other dates put the day first)",
      'write the date as 2024-04-24',
    ],
  },
  {
    quirk: '17: a month-first file (04/24/2024) reads its ambiguous dates month first',
    file: '17-dates/month-first.csv',
    rows: 2,
    issues: [
      { code: 'value-format', severity: e, row: 1, line: 2, column: 'PaymentDate', columnIndex: 2, fix: '2024-03-04' },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2, fix: '2024-04-24' },
    ],
  },
  {
    quirk: '18: impossible dates get a diagnosis; implausible years a warning',
    file: '18-impossible-dates/payments.csv',
    rows: 5,
    issues: [
      { code: 'value-format', severity: e, row: 1, line: 2, column: 'PaymentDate', columnIndex: 2 },
      { code: 'value-format', severity: e, row: 2, line: 3, column: 'PaymentDate', columnIndex: 2 },
      { code: 'value-range', severity: w, row: 3, line: 4, column: 'PaymentDate', columnIndex: 2 },
      { code: 'value-range', severity: w, row: 4, line: 5, column: 'PaymentDate', columnIndex: 2 },
      { code: 'value-format', severity: e, row: 5, line: 6, column: 'PaymentDate', columnIndex: 2, fix: '2024-02-29' },
    ],
    hints: [
      'there is no 31 September 2024: check the date at the source',
      'there is no 29 February 2023: check the date at the source',
      'check the year',
      'check the year',
      'write the date as 2024-02-29',
    ],
    messages: [[2, `PaymentDate must be a date between 1900 and ${new Date().getUTCFullYear() + 50}, but is 1066-10-14`]],
  },
  {
    quirk: '19: amounts with currency signs, thousands separators, brackets, CR, and 12.0 for a whole number',
    file: '19-amounts/payments.csv',
    rows: 5,
    issues: [
      { code: 'value-type', severity: e, row: 1, line: 2, column: 'Amount', columnIndex: 3, fix: '1200.00' },
      { code: 'value-type', severity: e, row: 1, line: 2, column: 'Lines', columnIndex: 4, fix: '12' },
      { code: 'value-type', severity: e, row: 2, line: 3, column: 'Amount', columnIndex: 3, fix: '5303.57' },
      { code: 'value-type', severity: e, row: 3, line: 4, column: 'Amount', columnIndex: 3, fix: '-1234.50' },
      { code: 'value-type', severity: e, row: 4, line: 5, column: 'Amount', columnIndex: 3, fix: '-600.00' },
      { code: 'value-type', severity: e, row: 5, line: 6, column: 'Amount', columnIndex: 3 },
    ],
    hints: [
      'remove the currency sign and the thousands separators: 1200.00',
      'write the whole number without the decimal part: 12',
      'remove the spaces and the thousands separators: 5303.57',
      'remove the thousands separators, and write the negative amount with a minus sign instead of brackets: -1234.50',
      'remove the spaces, and write the negative amount with a minus sign instead of CR: -600.00',
    ],
  },
  {
    quirk: '20: spaces around values: one warning per column for text, a fix for a number',
    file: '20-spaces/payments.csv',
    rows: 3,
    issues: [
      { code: 'value-invalid', severity: w, line: 2, column: 'SupplierName', columnIndex: 1, count: 2 },
      { code: 'value-type', severity: e, row: 1, line: 2, column: 'Amount', columnIndex: 3, fix: '12' },
      { code: 'value-invalid', severity: w, line: 3, column: 'Notes', columnIndex: 4, count: 2 },
    ],
    messages: [[0, 'SupplierName has 2 values with spaces before or after them (the first on row 1, line 2: "ACME Ltd                      ")']],
  },
  {
    quirk: '21: null tokens: emptied where the field may be empty, a request for the value where it is required',
    file: '21-null-tokens/payments.csv',
    rows: 2,
    issues: [
      { code: 'value-type', severity: e, row: 1, line: 2, column: 'Lines', columnIndex: 4, fix: '' },
      { code: 'value-invalid', severity: w, line: 2, column: 'Notes', columnIndex: 5, count: 2 },
      { code: 'value-invalid', severity: w, line: 2, column: 'Reference', columnIndex: 6, count: 1 },
      { code: 'value-invalid', severity: w, line: 3, column: 'SupplierName', columnIndex: 1, count: 1 },
      { code: 'value-type', severity: e, row: 2, line: 3, column: 'Lines', columnIndex: 4, fix: '' },
    ],
    hints: [
      'leave the cell empty instead of writing "NA"',
      'leave such cells empty; conform fix does this',
      'leave such cells empty; conform fix does this',
      'the field is required, so fill in the real value',
      'leave the cell empty instead of writing "-"',
    ],
  },
  {
    quirk: '22: allowed values in the wrong case or spacing, Y/N, and lists with another separator',
    file: '22-allowed-values/payments.csv',
    rows: 3,
    issues: [
      { code: 'value-enum', severity: e, row: 1, line: 2, column: 'Area', columnIndex: 4, fix: 'conservation-area' },
      { code: 'value-enum', severity: e, row: 1, line: 2, column: 'Grant', columnIndex: 5, fix: 'Yes' },
      { code: 'value-enum', severity: e, row: 1, line: 2, column: 'Tags', columnIndex: 6, fix: 'food;rent' },
      { code: 'value-enum', severity: e, row: 2, line: 3, column: 'Area', columnIndex: 4, fix: 'green-belt' },
      { code: 'value-enum', severity: e, row: 2, line: 3, column: 'Grant', columnIndex: 5, fix: 'No' },
      { code: 'value-enum', severity: e, row: 3, line: 4, column: 'Area', columnIndex: 4 },
      { code: 'value-enum', severity: e, row: 3, line: 4, column: 'Grant', columnIndex: 5 },
      { code: 'value-enum', severity: e, row: 3, line: 4, column: 'Tags', columnIndex: 6 },
    ],
    hints: [
      'use the allowed spelling: conservation-area',
      'write the allowed value: Yes',
      'separate the values with ";" instead of "|": food;rent',
      'use the allowed spelling: green-belt',
      'write the allowed value: No',
    ],
  },
  {
    quirk: '23: leading zeros lost by Excel, put back only where the pattern leaves one answer',
    file: '23-leading-zeros/payments.csv',
    rows: 4,
    issues: [
      { code: 'value-pattern', severity: e, row: 1, line: 2, column: 'CompanyNumber', columnIndex: 4, fix: '09506232' },
      { code: 'value-pattern', severity: e, row: 3, line: 4, column: 'CompanyNumber', columnIndex: 4 },
      { code: 'value-pattern', severity: e, row: 4, line: 5, column: 'CompanyNumber', columnIndex: 4 },
    ],
    hints: [
      'put back the leading zeros that the spreadsheet removed: 09506232',
      'the spreadsheet wrote this number in scientific notation and its last digits are lost: format the column as text in the source and export the file again',
    ],
  },
];

describe('real-file quirks', () => {
  it.each(CASES.map((c) => [c.quirk, c] as const))('%s', async (_, c) => {
    const { report: r } = await report([join(QUIRKS, c.file), '--standard', STANDARD, ...(c.args ?? [])]);
    const f = r.files[0];
    if (c.encoding) expect(f.encoding).toBe(c.encoding);
    if (c.delimiter) expect(f.delimiter).toBe(c.delimiter);
    expect(f.rows).toBe(c.rows);
    expect(f.issues.map(seen)).toEqual(c.issues);
    if (c.hints) expect(f.issues.filter((i: any) => i.hint).map((i: any) => i.hint)).toEqual(c.hints.map((h) => (typeof h === 'string' ? h : expect.stringMatching(h))));
    for (const [index, message] of c.messages ?? []) {
      if (typeof message === 'string') expect(f.issues[index].message).toBe(message);
      else expect(f.issues[index].message).toMatch(message);
    }
  });
});

describe('quirks in large files: found over the whole file as it streams, not in a sample', () => {
  const header = 'SupplierName,PaymentDate,Amount\n';
  const filler = (rows: number) => 'ACME Ltd,2024-03-31,100.00\n'.repeat(rows);

  it('3: invalid UTF-8 after the first megabyte: its byte offset and line', async () => {
    const early = 'Café Rouge,2024-03-31,1\n';
    const before = header + early + filler(60000);
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from('Bad '), Buffer.from([0xc3, 0x28]), Buffer.from(' Ltd,2024-03-31,2\n'), Buffer.from(filler(10))]);
    expect(Buffer.byteLength(before)).toBeGreaterThan(1 << 20);
    const dir = scratch({ 'big.csv': bytes });
    const { report: r } = await report([join(dir, 'big.csv'), '--standard', STANDARD]);
    const f = r.files[0];
    expect(f.encoding).toBe('utf-8');
    expect(f.rows).toBe(60012);
    expect(f.issues.map(seen)).toEqual([{ code: 'encoding-invalid', severity: e, line: 60003, offset: Buffer.byteLength(before) + 4, count: 1 }]);
  });

  it('2: a Windows-1252 file whose first non-ASCII byte is past the first megabyte', async () => {
    const before = header + filler(60000);
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Rouge,2024-03-31,'), Buffer.from([0xa3]), Buffer.from('5\n')]);
    const dir = scratch({ 'big.csv': bytes });
    const { report: r } = await report([join(dir, 'big.csv'), '--standard', STANDARD]);
    const f = r.files[0];
    expect(f.encoding).toBe('windows-1252');
    expect(f.issues.map(seen)).toEqual([
      { code: 'encoding-not-utf8', severity: w },
      { code: 'value-type', severity: e, row: 60001, line: 60002, column: 'Amount', columnIndex: 3, fix: '5' },
    ]);
    expect(f.issues[1].value).toBe('£5');
  });

  it('2: a Windows-1252 byte split across two chunks of the stream is kept', async () => {
    // 1 MiB chunks: put é as the very last byte of the first chunk.
    const first = header + filler(30000);
    const pad = (1 << 20) - Buffer.byteLength(first) - 'Caf'.length - 1;
    const bytes = Buffer.concat([Buffer.from(first + 'x'.repeat(pad) + ',2024-03-31,1\n'), Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(',2024-03-31,x\n')]);
    const dir = scratch({ 'split.csv': bytes });
    const { report: r } = await report([join(dir, 'split.csv'), '--standard', STANDARD]);
    const f = r.files[0];
    expect(f.encoding).toBe('windows-1252');
    const bad = f.issues.find((i: any) => i.code === 'value-type');
    expect(bad).toMatchObject({ row: 30002, line: 30003, value: 'x' });
  });

  it('3: --encoding utf-8 on a Windows-1252 file reports the bytes instead of switching', async () => {
    const { report: r } = await report([join(QUIRKS, '02-windows-1252/payments.csv'), '--standard', STANDARD, '--encoding', 'utf-8']);
    const f = r.files[0];
    expect(f.encoding).toBe('utf-8');
    expect(f.issues.map(seen)[0]).toEqual({ code: 'encoding-invalid', severity: e, line: 2, offset: 39, count: 4 });
  });

  it('2: --encoding windows-1252 reads the file as asked, without the not-UTF-8 warning', async () => {
    const { report: r } = await report([join(QUIRKS, '02-windows-1252/payments.csv'), '--standard', STANDARD, '--encoding', 'cp1252']);
    const f = r.files[0];
    expect(f.encoding).toBe('windows-1252');
    expect(f.byCode['encoding-not-utf8']).toBeUndefined();
    expect(f.issues[0].value).toBe('Café’s quarter');
  });

  it('4: a standard saved as UTF-16LE without a BOM loads', async () => {
    const { report: r } = await report([join(QUIRKS, '01-utf8-bom/payments.csv'), '--standard', join(QUIRKS, '04-utf16/schema.utf16le.json')]);
    expect(r.files[0].standard).toMatchObject({ id: 'utf16-standard', title: 'A standard saved as UTF-16 — £' });
    expect(r.files[0].issues).toEqual([]);
  });

  it('reading does not depend on the locale of the process', () => {
    // A child process with a Turkish ISO-8859-9 locale reads the Windows-1252 file the same way.
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'bin/conform.js'), 'validate', join(QUIRKS, '02-windows-1252/payments.csv'), '-s', STANDARD, '-f', 'json', '--fail-on', 'never'],
      {
        env: { ...process.env, LANG: 'tr_TR.ISO-8859-9', LC_ALL: 'tr_TR.ISO-8859-9' },
        encoding: 'utf8',
      },
    );
    const f = JSON.parse(out).files[0];
    expect(f.encoding).toBe('windows-1252');
    expect(f.issues[1].value).toBe('Café’s quarter');
  });
});
