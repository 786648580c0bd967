import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/formatters/github.js';
import type { Report } from '../../src/types.js';
import { loadReport } from './report-fixtures.js';

/** Reads a workflow command back the way the runner does. */
function parseCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(match[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
  return { command: match[1], props, message: unescape(match[3]!) };
}

describe('the GitHub Actions annotations', () => {
  it('writes one error, warning or notice per issue, on its file, line and column', () => {
    const report = loadReport('failing-csv');
    const lines = github(report, {}).trimEnd().split('\n');
    // One per listed issue, and one saying how many were not listed.
    expect(lines).toHaveLength(report.files[0]!.issues.length + 1);
    expect(lines).toContain(
      '::error file=data/anytown-spend-2024-04.csv,line=5,col=8,title=Value has the wrong type (value-type) · Amount::Amount must be a number, but is "48,210.55"%0AFix: remove the thousands separators: 48210.55',
    );
    expect(lines).toContain('::warning file=data/anytown-spend-2024-04.csv,line=7,endLine=9,title=Blank row (row-blank) · Rows::3 blank rows (rows 4–6, lines 7–9)');
    expect(lines.at(-1)).toBe('::warning file=data/anytown-spend-2024-04.csv,title=conform%3A issues not listed::3 more issues were counted but not listed (--max-issues)');
  });

  it('annotates the file itself when an issue has no line', () => {
    const first = github(loadReport('failing-csv'), {}).split('\n')[0]!;
    expect(parseCommand(first).props).toEqual({ file: 'data/anytown-spend-2024-04.csv', title: 'File is not UTF-8 (encoding-not-utf8) · File' });
  });

  it('uses notice for notes', () => {
    expect(github(loadReport('batch'), {})).toContain('::notice file=data/spend-2024-05.csv,line=5,title=Blank row (row-blank) · Rows::The row is blank\n');
  });

  it("escapes by GitHub's rules, so data can neither end a property nor start a command", () => {
    const report = loadReport('hostile-values');
    const text = github(report, {});
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(report.files[0]!.issues.length);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) /);
      expect(line).not.toMatch(/[\r\u001b\u0000\u0007\u202e]/);
      const { props } = parseCommand(line);
      expect(props.file).toBe('uploads/q1, 100% final: <v2>.csv');
    }
    expect(lines[0]).toContain('file=uploads/q1%2C 100%25 final%3A <v2>.csv,');
    const note = parseCommand(lines.find((l) => l.includes('col=6,title=Value breaks a rule'))!);
    expect(note.props.title).toBe('Value breaks a rule (value-invalid) · Note: 50%, more');
    expect(note.message).toBe('Note 100% :: done, 50%0A');
    const pattern = parseCommand(lines.find((l) => l.includes('value-pattern'))!);
    expect(pattern.message).toBe('Reference must match the pattern ^[A-Z]+$, but is "line one\\nline two\\r\\n::error file=x::injected"');
  });

  it('escapes exactly as the runner expects', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
  });

  it('prints nothing for a clean run', () => {
    expect(github(loadReport('clean-csv'), {})).toBe('');
  });

  it('annotates files of a JSON document on the line of the value', () => {
    const lines = github(loadReport('json-document'), {}).trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=grants/fundingproviders-grants.json,line=31,title=Required value missing (value-missing) · grants[].recipientOrganization[].id::grants[0].recipientOrganization[0].id is required, but it is missing',
    );
  });

  it('keeps its counts from the report, whatever the severity', () => {
    const report: Report = { ...loadReport('failing-csv'), failOn: 'never', passed: true };
    expect(github(report, {})).toBe(github(loadReport('failing-csv'), {}));
  });
});
