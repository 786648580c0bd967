// The wording of every issue message, one case per code and per kind of finding, from the facts a check
// hands over. Checks are tested for what they found (codes and arguments); this is where the sentences a
// data officer reads are reviewed: a change of wording shows here as a change of snapshot.
import { describe, expect, it } from 'vitest';
import type { IssueArgs } from '../../src/issues/args.js';
import { CATALOG, makeIssue } from '../../src/issues/catalog.js';
import type { IssueCode } from '../../src/types.js';

type Case = { [C in IssueCode]: [label: string, code: C, args: IssueArgs[C]] }[IssueCode];

const long = 'x'.repeat(100);

const cases: Case[] = [
  ['file-unreadable', 'file-unreadable', { readerMessage: 'permission denied' }],
  ['file-unreadable part-way', 'file-unreadable', { readerMessage: 'EIO: i/o error, read', partWay: true }],
  ['file-empty no bytes', 'file-empty', { reason: 'no-bytes' }],
  ['file-empty no header', 'file-empty', { reason: 'no-header' }],
  ['file-empty header only', 'file-empty', { reason: 'header-only' }],
  ['file-empty sheet without header', 'file-empty', { reason: 'no-header', sheet: 'Data' }],
  ['file-empty sheet with header only', 'file-empty', { reason: 'header-only', sheet: 'Data' }],
  ['file-empty empty array', 'file-empty', { reason: 'empty-array' }],
  ['file-empty no records', 'file-empty', { reason: 'no-records' }],
  ['file-skipped', 'file-skipped', { fileKind: 'a PDF document' }],
  ['file-skipped of unknown kind', 'file-skipped', {}],
  ['encoding-invalid one', 'encoding-invalid', { encoding: 'utf-8', count: 1, offset: 1234, line: 7 }],
  ['encoding-invalid many', 'encoding-invalid', { encoding: 'windows-1252', count: 1500, offset: 12345, line: 70 }],
  ['encoding-not-utf8', 'encoding-not-utf8', { encoding: 'windows-1252' }],
  ['encoding-not-utf8 other', 'encoding-not-utf8', { encoding: 'utf-16le' }],
  ['format-invalid not data', 'format-invalid', { kind: 'not-data', verdict: 'This is a PDF document, not a data file' }],
  ['format-invalid document not JSON', 'format-invalid', { kind: 'document-not-json', standard: '360giving', format: 'csv' }],
  ['format-invalid unclosed quote', 'format-invalid', { kind: 'unclosed-quote', line: 12, linesSwallowed: 1 }],
  ['format-invalid unclosed quote, many lines', 'format-invalid', { kind: 'unclosed-quote', line: 12, linesSwallowed: 30 }],
  ['format-invalid CSV record too long', 'format-invalid', { kind: 'csv-record-too-long', line: 3, megabytes: 64 }],
  ['format-invalid record too long', 'format-invalid', { kind: 'record-too-long', line: 3, megabytes: 64 }],
  ['format-invalid too many fields', 'format-invalid', { kind: 'too-many-fields', limit: 100000 }],
  ['format-invalid JSON file', 'format-invalid', { kind: 'json-file', parserMessage: 'unexpected end of the text (line 4, column 1)' }],
  ['format-invalid JSON record', 'format-invalid', { kind: 'json-record', parserMessage: 'a comma is missing' }],
  ['format-invalid record too deep', 'format-invalid', { kind: 'too-deep', what: 'record' }],
  ['format-invalid document too deep', 'format-invalid', { kind: 'too-deep', what: 'document' }],
  ['format-invalid NUL byte', 'format-invalid', { kind: 'nul-bytes', count: 1, offset: 10, line: 1 }],
  ['format-invalid NUL bytes', 'format-invalid', { kind: 'nul-bytes', count: 2048, offset: 10000, line: 3 }],
  ['format-invalid workbook unreadable', 'format-invalid', { kind: 'workbook-unreadable', parserMessage: 'end of central directory not found' }],
  ['format-invalid no matching sheet', 'format-invalid', { kind: 'no-matching-sheet', standard: 'ocds', exampleTitles: ['ocid', 'id'] }],
  ['standard-undetected', 'standard-undetected', { because: 'its header matches no standard closely' }],
  ['standard-warning', 'standard-warning', { unsupported: 'uses the format "uk-postcode", which conform does not know' }],
  ['standard-warning unspecified', 'standard-warning', {}],
  ['workbook-sheet other chosen', 'workbook-sheet', { kind: 'other-chosen', sheet: 'Notes', chosen: 'Data' }],
  ['workbook-sheet hidden', 'workbook-sheet', { kind: 'hidden', sheet: 'Lookups' }],
  ['workbook-sheet no values', 'workbook-sheet', { kind: 'no-values', sheet: 'Sheet2' }],
  ['workbook-sheet weaker header', 'workbook-sheet', { kind: 'weaker-header', sheet: 'Summary', best: 'Data' }],
  ['workbook-sheet flat', 'workbook-sheet', { kind: 'flat', sheet: 'Notes', why: 'none of its column titles is a field of the standard' }],
  ['header-missing, none close', 'header-missing', { name: 'Amount' }],
  ['header-missing, one close', 'header-missing', { name: 'Amount', likely: 'Amt' }],
  ['header-missing, several close', 'header-missing', { name: 'Amount', likely: 'Amt', alsoLikely: ['Value', 'Net'] }],
  ['header-missing, advised', 'header-missing', { name: 'Amount', advised: true, likely: 'Amt', alsoLikely: [] }],
  ['header-absent', 'header-absent', { line: 1, values: ['E0600001', 'Anytown', '12.50'] }],
  ['header-absent, read in order', 'header-absent', { line: 2, values: ['E0600001'], readAs: ['Code', 'Name', 'Amount', 'Date', 'Notes'] }],
  ['header-unknown', 'header-unknown', { name: 'extra' }],
  ['header-unknown, close', 'header-unknown', { name: 'Emial', closest: 'Email' }],
  ['header-duplicate, same name', 'header-duplicate', { name: 'Date', otherIndex: 2, otherName: 'Date' }],
  ['header-duplicate, read as the same', 'header-duplicate', { name: 'date', otherIndex: 2, otherName: 'Date' }],
  ['header-blank, one empty', 'header-blank', { kind: 'empty', columns: [4] }],
  ['header-blank, several empty', 'header-blank', { kind: 'empty', columns: [4, 9, 10, 11, 15] }],
  ['header-blank, holds values', 'header-blank', { kind: 'holds-values', column: 3 }],
  ['header-mismatch repaired', 'header-mismatch', { name: 'ï»¿Code', field: 'Code', by: 'repaired', damage: 'starts with a damaged byte-order mark' }],
  ['header-mismatch spelling', 'header-mismatch', { name: 'NAME', field: 'Name', by: 'spelling' }],
  ['header-mismatch alias', 'header-mismatch', { name: 'Supplier', field: 'Supplier Name', by: 'alias' }],
  ['header-mismatch words', 'header-mismatch', { name: 'Name of Supplier', field: 'Supplier Name', by: 'words' }],
  ['header-mismatch words of a known name', 'header-mismatch', { name: 'Name of Vendor', field: 'Supplier Name', by: 'words', knownName: 'Vendor Name' }],
  ['header-mismatch typo', 'header-mismatch', { name: 'Emial', field: 'Email', by: 'typo' }],
  ['header-mismatch typo of an alias', 'header-mismatch', { name: 'Vendr', field: 'Supplier Name', by: 'typo', knownName: 'Vendor' }],
  ['title-rows, one', 'title-rows', { kind: 'above-header', headerLine: 2 }],
  ['title-rows, several with a title', 'title-rows', { kind: 'above-header', headerLine: 4, firstTitle: 'Spending over £500' }],
  ['title-rows, one template row', 'title-rows', { kind: 'template', line: 2, endLine: 2, count: 1, found: [{ line: 2, does: 'markers' }] }],
  [
    'title-rows, template rows',
    'title-rows',
    { kind: 'template', line: 2, endLine: 4, count: 3, found: [{ line: 2, does: 'numbers' }, { line: 3, does: 'formats' }, { line: 4, does: 'markers' }] },
  ],
  ['row-length', 'row-length', { cells: 5, headerCells: 4 }],
  ['row-length, one cell', 'row-length', { cells: 1, headerCells: 4 }],
  ['row-blank', 'row-blank', { count: 1 }],
  ['row-blank, a run', 'row-blank', { count: 3, row: 10, endRow: 12, line: 11, endLine: 13 }],
  ['total-rows, one', 'total-rows', { count: 1, listed: [{ row: 40, line: 41, label: 'Total' }] }],
  [
    'total-rows, more than listed',
    'total-rows',
    { count: 5, listed: [{ row: 40, line: 41, label: 'Sub-total' }, { row: 80, line: 81, label: 'Grand total' }] },
  ],
  ['row-duplicate', 'row-duplicate', { copyOfRow: 3 }],
  ['property-duplicate', 'property-duplicate', { name: 'amount' }],
  ['value-missing, empty cell', 'value-missing', { name: 'Amount' }],
  ['value-missing, absent property', 'value-missing', { name: 'amount', reason: 'absent' }],
  ['value-missing, primary key', 'value-missing', { name: 'id', reason: 'primary-key' }],
  ['value-missing, spaces only', 'value-missing', { name: 'Amount', reason: 'spaces-only' }],
  ['value-missing, a text meaning no value', 'value-missing', { name: 'Amount', reason: 'means-no-value', value: 'N/A' }],
  ['value-type', 'value-type', { name: 'Amount', value: '12,50', expected: 'a number' }],
  ['value-type, long value', 'value-type', { name: 'Amount', value: long, expected: 'a number' }],
  ['value-format', 'value-format', { name: 'Date', value: '31/02/2024', expected: 'a date (YYYY-MM-DD)' }],
  ['value-pattern', 'value-pattern', { name: 'Postcode', value: 'XX1', expected: 'be a UK postcode' }],
  ['value-enum', 'value-enum', { name: 'Status', value: 'open', expected: 'one of "Open", "Closed"' }],
  ['value-enum, empty', 'value-enum', { name: 'Status', expected: 'one of "Open", "Closed"' }],
  ['value-range', 'value-range', { name: 'Amount', value: '-5', expected: 'at least 0' }],
  ['value-length', 'value-length', { name: 'Code', expected: 'have at most 9 characters', actual: 'it has 12' }],
  ['value-invalid, a rule', 'value-invalid', { kind: 'rule', name: 'Tags', rule: 'must not repeat items (items 1 and 3 are the same)' }],
  ['value-invalid, a rule with its value', 'value-invalid', { kind: 'rule', name: 'Code', rule: 'must match one of the allowed forms', value: 'Z9' }],
  ['value-invalid, damaged text', 'value-invalid', { kind: 'damaged', name: 'Name', text: ' CafÃ© ', explanation: 'UTF-8 read as Windows-1252' }],
  ['value-invalid, padded', 'value-invalid', { kind: 'padded', name: 'Name', count: 1, row: 3, line: 4, example: ' Smith' }],
  ['value-invalid, padded values', 'value-invalid', { kind: 'padded', name: 'Name', count: 1200, row: 3, line: 4, example: ' Smith' }],
  ['value-invalid, a text meaning no value', 'value-invalid', { kind: 'means-no-value', name: 'Notes', count: 1, row: 3, line: 4, example: 'N/A' }],
  ['value-invalid, texts meaning no value', 'value-invalid', { kind: 'means-no-value', name: 'Notes', count: 2, row: 3, line: 4, example: 'N/A' }],
  ['formula-value, an error', 'formula-value', { cell: 'Data!C4', error: '#REF!' }],
  ['formula-value, no saved result', 'formula-value', { cell: 'Data!C4' }],
  ['row-rule from the record', 'row-rule', { kind: 'record-rule', rule: 'when Status is "Closed", End date is required too' }],
  ['row-rule from a field', 'row-rule', { kind: 'field-rule', rule: 'the record must match one of the allowed forms' }],
  ['row-rule too deep', 'row-rule', { kind: 'too-deep' }],
  ['key-duplicate', 'key-duplicate', { fields: ['id'], value: 'A1', firstRow: 2, firstLine: 3 }],
  ['key-duplicate, found late', 'key-duplicate', { fields: ['Code', 'Date'], firstRow: 2, firstLine: 3 }],
  ['key-reference, not in the other file', 'key-reference', { kind: 'not-found', name: 'Org', value: 'X1', list: 'orgs.csv (id)' }],
  ['key-reference, empty', 'key-reference', { kind: 'not-found', name: 'Org', value: undefined, list: 'the code list LAD' }],
  ['key-reference, standard input', 'key-reference', { kind: 'unreadable', resource: 'orgs.csv', problem: { kind: 'standard-input' } }],
  ['key-reference, no such file', 'key-reference', { kind: 'unreadable', resource: 'orgs.csv', problem: { kind: 'not-found' } }],
  ['key-reference, refused', 'key-reference', { kind: 'unreadable', resource: '../orgs.csv', problem: { kind: 'refused', why: 'it is outside the folders it may be read from' } }],
  ['key-reference, unreadable', 'key-reference', { kind: 'unreadable', resource: 'orgs.csv', problem: { kind: 'unreadable', readerMessage: 'it has no column "id"' } }],
  ['table-rule hash collisions', 'table-rule', { kind: 'hash-collisions', count: 1, fields: ['Code', 'Date'] }],
  ['table-rule not constant, one row', 'table-rule', { kind: 'not-constant', field: 'Council', first: 'Anytown', firstRow: 1, other: 'Othertown', otherRow: 7, count: 1 }],
  ['table-rule not constant, rows', 'table-rule', { kind: 'not-constant', field: 'Council', first: 'Anytown', firstRow: 1, other: 'Othertown', otherRow: 7, count: 40 }],
  ['table-rule date span', 'table-rule', { kind: 'date-span', field: 'Date', earliest: '2024-01-01', earliestRow: 1, latest: '2024-03-01', latestRow: 50, days: 60, maximumDays: 31 }],
  ['table-rule date before', 'table-rule', { kind: 'date-before', field: 'Date', earliest: '2019-12-31', minimum: '2020-01-01' }],
  ['table-rule date after', 'table-rule', { kind: 'date-after', field: 'Date', latest: '2031-01-01', maximum: '2030-12-31' }],
  ['table-rule too few rows', 'table-rule', { kind: 'row-count', rows: 0, minimum: 1 }],
  ['table-rule too many rows', 'table-rule', { kind: 'row-count', rows: 1500, maximum: 1000 }],
  ['table-rule rows outside bounds', 'table-rule', { kind: 'row-count', rows: 3, minimum: 5, maximum: 10 }],
];

describe('issue wording', () => {
  it.each(cases)('%s', (_, code, args) => {
    const issue = makeIssue(code, args as never);
    expect(issue.code).toBe(code);
    expect(issue.message).toMatchSnapshot();
  });

  it('has a case for every code of the catalog', () => {
    const covered = new Set(cases.map(([, code]) => code));
    expect(Object.keys(CATALOG).filter((code) => !covered.has(code as IssueCode))).toEqual([]);
  });
});
