// What a file is from its first bytes and text: the cases test/sources/sniff.test.ts leaves out — what a
// ZIP archive holds, where the binary thresholds lie, and which lines the delimiter is judged on.
import { describe, expect, it } from 'vitest';
import { makeIssue } from '../../src/issues/catalog.js';
import type { NotDataFile } from '../../src/issues/args.js';
import { detectDelimiter, formatFromName, looksBinary, sniffBinary as sniffBinaryFacts, sniffText as sniffTextFacts } from '../../src/sources/sniff.js';
import type { InputFormat } from '../../src/types.js';

// The sniffers say what a file is; the catalog words it. These tables check both, as the user reads it.
const worded = (file: NotDataFile | undefined) => file && makeIssue('format-invalid', { kind: 'not-data', file }).message;
const sniffBinary = (head: Uint8Array) => worded(sniffBinaryFacts(head));
const sniffText = (text: string, format: InputFormat) => worded(sniffTextFacts(text, format));

const SAVE_AS_CSV = 'In Excel, use "Save As" → "CSV UTF-8 (Comma delimited)" and check that file';

/** A ZIP local file header naming its first file, then `rest` (the text the archive is searched for). */
function zip(name: string, rest = '', declared = Buffer.byteLength(name)): Uint8Array {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(declared, 26);
  return new Uint8Array(Buffer.concat([header, Buffer.from(name), Buffer.from(rest)]));
}

describe('sniffBinary: ZIP archives by what they hold', () => {
  it.each([
    ['an Excel workbook', zip('[Content_Types].xml', 'xl/workbook.xml'), `This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_CSV}`],
    [
      'an OpenDocument spreadsheet',
      zip('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
      'This is an OpenDocument spreadsheet (.ods), not a CSV file. Save it as CSV (UTF-8, comma separated) and check that file',
    ],
    ['a Word document', zip('[Content_Types].xml', 'word/document.xml'), 'This is a Word document (.docx), not a data file'],
    [
      'an empty archive',
      new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      'This is a ZIP archive, not a data file. Extract the data file from it and check that',
    ],
    ['a name longer than the bytes read', zip('spend.csv', '', 500), 'This is a ZIP archive, not a data file. Extract the data file from it and check that'],
    ['a name with control characters', zip('a\u0001b.csv'), 'This is a ZIP archive, not a data file. Extract the data file from it and check that'],
    ['a name of no length', zip(''), 'This is a ZIP archive, not a data file. Extract the data file from it and check that'],
  ])('%s', (_, head, message) => {
    expect(sniffBinary(head)).toBe(message);
  });

  it.each([
    ['a GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'This is an image, not a data file'],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d], 'This is a PDF document, not a data file'],
    ['gzip', [0x1f, 0x8b, 0x08], 'This is a gzip-compressed file. Decompress it and check the file inside'],
    ['the start of a PNG signature only', [0x89, 0x50], undefined],
    ['"PK" text', [0x50, 0x4b, 0x20, 0x20], undefined],
  ])('%s', (_, bytes, message) => {
    expect(sniffBinary(new Uint8Array(bytes))).toBe(message);
  });
});

describe('looksBinary: the thresholds', () => {
  it.each([
    ['one control character in 100', `${'a'.repeat(99)}\u0001`, false],
    ['two control characters in 100', `${'a'.repeat(98)}\u0001\u0002`, true],
    ['ten NULs in 100', `${'a'.repeat(90)}${'\u0000'.repeat(10)}`, false],
    ['eleven NULs in 100', `${'a'.repeat(89)}${'\u0000'.repeat(11)}`, true],
    ['tabs, line breaks and form feeds', '\t\r\n\f'.repeat(50), false],
    ['control characters after the first 8192', `${'a'.repeat(8192)}${'\u0001'.repeat(1000)}`, false],
    ['an empty text', '', false],
  ])('%s: %s', (_, text, binary) => {
    expect(looksBinary(text)).toBe(binary);
  });
});

describe('sniffText: more starts', () => {
  it.each([
    ['<!-- saved page --><html lang="en">', 'csv', 'This is a web page (HTML), not a data file: it was probably saved from an error or login page instead of the download itself'],
    ['<table><tr><td>1</td></tr></table>', 'csv', 'This is a web page (HTML), not a data file: it was probably saved from an error or login page instead of the download itself'],
    ['\u0001\u0002'.repeat(100), 'csv', 'This is a binary file, not a CSV file: it is full of control characters that text never holds. Check that the right file was saved'],
    ['[]', 'csv', 'This is a JSON file, not a CSV file. Rename it to .json (or use --input-format json)'],
    ['[ -1, 2 ]', 'csv', 'This is a JSON file, not a CSV file. Rename it to .json (or use --input-format json)'],
    ['<tablecloth>,x\n', 'csv', undefined],
    ['[Name],[Amount]\n', 'csv', undefined],
    ['{"grants": []}', 'ndjson', undefined],
    ['<?xml version="1.0"?><feed/>', 'json', 'This is an XML file, not a data file of the expected kind'],
  ] as const)('%j read as %s', (text, format, message) => {
    expect(sniffText(text, format)).toBe(message);
  });
});

describe('detectDelimiter: which lines count', () => {
  it.each([
    // Only lines ended by a line break are sampled: one line alone is judged on nothing.
    ['a;b;c', ','],
    ['a;b;c\n', ';'],
    // A line break inside quotes does not end a line.
    ['"x\ny";1\n"z";2\n', ';'],
    // Blank lines are skipped.
    ['\n\na|b\n\n1|2\n', '|'],
    // The same count on more lines beats a larger count on one.
    ['a,b;c;d;e\n1,2\n3,4\n', ','],
    // A tie in lines goes to the larger count.
    ['a;b;c,d\n1;2;3,4\n', ';'],
  ])('%j is split by %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('formatFromName: more names', () => {
  it.each([
    ['sites.geojson', 'json'],
    ['spend.psv', 'csv'],
    ['spend.tab', 'csv'],
    ['spend.txt', 'csv'],
    ['records.JSONLINES', 'ndjson'],
    ['spend.csv.gz', undefined],
    ['exports.csv/readme', undefined],
  ])('%s → %s', (name, format) => {
    expect(formatFromName(name)).toBe(format);
  });
});
