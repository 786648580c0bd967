import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/formatters/github.js';
import type { Report } from '../../src/types.js';
import { loadReport } from './report-fixtures.js';
import { lostDates, reportOf } from './synthetic.js';

/** Reads a workflow command back the way the runner does. */
function parseCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(match[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
  return { command: match[1], props, message: unescape(match[3]!) };
}

describe('the GitHub Actions annotations', () => {
  it('writes one error, warning or notice per column and kind, with the count and first rows', () => {
    const report = loadReport('failing-csv');
    const lines = github(report, {}).trimEnd().split('\n');
    expect(lines.length).toBeLessThan(report.files[0]!.issues.length);
    expect(lines).toContain(
      '::error file=data/anytown-spend-2024-04.csv,line=5,title=Value has the wrong type (value-type) · Amount × 4::4 issues, on rows 2, 7, 11 and others. The first: Amount must be a number, but is "48,210.55"%0AFix: remove the thousands separators: 48210.55%0Aconform fix repairs 3',
    );
    expect(lines).toContain(
      '::warning file=data/anytown-spend-2024-04.csv,line=7,endLine=9,title=Blank row (row-blank) · Rows::3 blank rows (rows 4–6, lines 7–9)%0Aconform fix repairs it',
    );
    // Columns read under the standard's names: one annotation, naming them.
    const renamed = lines.filter((l) => l.includes('(header-mismatch)'));
    expect(renamed).toHaveLength(1);
    expect(parseCommand(renamed[0]!).message).toContain('Column name differs from the standard: Body Name → OrganisationLabel, Service Area → OrganisationalUnit');
  });

  it("stays within GitHub's 10 annotations of each kind per step, and says what is left for the step summary", () => {
    const files = Array.from({ length: 30 }, (_, i) => lostDates(`spend-${i}.csv`, 2000, 1000));
    const lines = github(reportOf(files), {}).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.at(-1)).toBe(
      "::notice title=conform%3A more issues in the step summary::20 more kinds of issue (40,000 issues) are not annotated here, to keep within GitHub's 10 annotations of each kind per step: see the step summary or the HTML report",
    );
    // Counted from every issue, not the 1,000 listed.
    expect(parseCommand(lines[0]!).props.title).toBe('Value has the wrong format (value-format) · Paid Date (PaymentDate) × 2,000');
  });

  it('marks the cell at its character in the line when the report knows it', () => {
    const report = reportOf([lostDates('spend.csv', 3)]);
    report.files[0]!.issues.forEach((issue) => (issue.columnStart = 41));
    const { props } = parseCommand(github(report, {}).split('\n')[0]!);
    expect(props).toMatchObject({ line: '2', col: '41' });
  });

  it('annotates the file itself when an issue has no line', () => {
    const lines = github(loadReport('failing-csv'), {}).split('\n');
    const encoding = lines.find((l) => l.includes('encoding-not-utf8'))!;
    expect(parseCommand(encoding).props).toEqual({ file: 'data/anytown-spend-2024-04.csv', title: 'File is not UTF-8 (encoding-not-utf8) · File' });
  });

  it('uses notice for notes', () => {
    expect(github(loadReport('batch'), {})).toContain('::notice file=data/spend-2024-05.csv,line=5,title=Blank row (row-blank) · Rows::The row is blank');
  });

  it("escapes by GitHub's rules, so data can neither end a property nor start a command", () => {
    const report = loadReport('hostile-values');
    const text = github(report, {});
    const lines = text.trimEnd().split('\n');
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) /);
      expect(line).not.toMatch(/[\r\u001b\u0000\u0007\u202e]/);
      const { props } = parseCommand(line);
      expect(props.file).toBe('uploads/q1, 100% final: <v2>.csv');
    }
    expect(lines[0]).toContain('file=uploads/q1%2C 100%25 final%3A <v2>.csv,');
    const note = parseCommand(lines.find((l) => l.includes('title=Value breaks a rule'))!);
    expect(note.props.title).toBe('Value breaks a rule (value-invalid) · Note: 50%, more');
    expect(note.message).toBe('Note 100% :: done, 50%0A');
    const pattern = parseCommand(lines.find((l) => l.includes('value-pattern'))!);
    expect(pattern.message).toBe('Reference must be written in the form the standard sets, but is "line one\\nline two\\r\\n::error file=x::injected"');
    expect(
      parseCommand(
        github(report, { verbose: true })
          .split('\n')
          .find((l) => l.includes('value-pattern'))!,
      ).message,
    ).toContain('must match the pattern ^[A-Z]+$');
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
