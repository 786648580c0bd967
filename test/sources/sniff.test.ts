// What a file really is, from its first bytes and text, and which delimiter a CSV file uses.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatFromName, looksBinary, sniffBinary, sniffText } from '../../src/sources/sniff.js';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(64).fill(0x20)]);

describe('sniffBinary', () => {
  it.each([
    ['an old Office file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'old-office'],
    ['a PDF', bytes(0x25, 0x50, 0x44, 0x46), 'pdf'],
    ['gzip', bytes(0x1f, 0x8b), 'gzip'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47), 'image'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff), 'image'],
    ['SQLite', new Uint8Array(Buffer.from('SQLite format 3\0')), 'sqlite'],
  ] as const)('names %s', (_, head, is) => expect(sniffBinary(head)).toEqual({ is }));

  it('names the first file of a ZIP archive', () => {
    const name = Buffer.from('data/spend.csv');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    expect(sniffBinary(new Uint8Array(Buffer.concat([header, name])))).toEqual({ is: 'zip', firstName: 'data/spend.csv' });
  });

  it.each(['Date,Amount\n', '\uFEFFDate,Amount\n', '[{"a":1}]', ''])('leaves text alone: %j', (text) => {
    expect(sniffBinary(new Uint8Array(Buffer.from(text)))).toBeUndefined();
  });
});

describe('sniffText', () => {
  it.each([
    ['<!DOCTYPE html><html><body>Sign in</body></html>', 'csv', { is: 'html' }],
    ['  <html>\n<head>', 'json', { is: 'html' }],
    ['<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', 'csv', { is: 'excel-xml' }],
    ['<?xml version="1.0"?><root/>', 'csv', { is: 'xml' }],
    ['[{"Amount": 1}]', 'csv', { is: 'json-not-csv' }],
    ['{"grants": []}', 'csv', { is: 'json-not-csv' }],
    ['\u0001\u0002\u0003\u0004'.repeat(50), 'json', { is: 'binary', readAs: 'json' }],
  ] as const)('%j read as %s', (text, format, found) => expect(sniffText(text, format)).toEqual(found));

  it.each([
    ['Date,Amount\n2024-01-01,5\n', 'csv'],
    ['{"grants": []}', 'json'],
    ['[1, 2]', 'json'],
    ['Name,Note\n"a","<html> in a cell"\n', 'csv'],
  ] as const)('accepts %j as %s', (text, format) => expect(sniffText(text, format)).toBeUndefined());

  it('tells a text with a stray NUL from a binary file', () => {
    expect(looksBinary(`${'Date,Amount\n2024-01-01,5\n'.repeat(20)}\u0000`)).toBe(false);
    expect(looksBinary('\u0000\u0001\u0002'.repeat(100))).toBe(true);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1;2,5;3\n4;5,5;6\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"Name, with comma";Amount\n"Smith, J";5\n"Jones, K";6\n', ';'],
    ['single column\nvalue\n', ','],
  ])('%j is split by %j', (text, delimiter) => expect(detectDelimiter(text)).toBe(delimiter));
});

describe('formatFromName', () => {
  it.each([
    ['spend.CSV', 'csv'],
    ['spend.tsv', 'csv'],
    ['grants.json', 'json'],
    ['records.jsonl', 'ndjson'],
    ['records.ndjson', 'ndjson'],
    ['report.pdf', undefined],
    ['noextension', undefined],
  ])('%s → %s', (name, format) => expect(formatFromName(name)).toBe(format));
});
