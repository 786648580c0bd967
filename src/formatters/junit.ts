// JUnit XML, the format CI systems read test results from: one test suite per file, one test case per
// (standard, issue code). A test case fails when its issues reach --fail-on (judged by the report's own
// gate, so a suite fails exactly when the report says the file failed); issues below it are listed as
// output of a passing case. A clean file has one passing case.
import { CATALOG } from '../issues/catalog.js';
import { passes } from '../report/gate.js';
import type { FailOn, FileReport, Issue, IssueCode, SeverityCounts } from '../types.js';
import type { Formatter } from './formatter.js';
import { groupsOf } from './groups-view.js';
import { terminalSafe } from './safe-text.js';
import { codesOf, codeTotal, count, locationText } from './where.js';

interface TestCase {
  name: string;
  failure?: { type: string; message: string; body: string };
  output?: string;
}

export const junit: Formatter = (report) => {
  const suites = report.files.map((file) => ({ file, cases: testCases(file, report.failOn) }));
  const tests = suites.reduce((sum, s) => sum + s.cases.length, 0);
  const failures = suites.reduce((sum, s) => sum + s.cases.filter((c) => c.failure).length, 0);
  const time = report.files.reduce((sum, f) => sum + (f.elapsed ?? 0), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="conform" tests="${tests}" failures="${failures}" errors="0" time="${seconds(time)}">`];
  for (const { file, cases } of suites) out.push(...suiteXml(file, cases, classname(file)));
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

function testCases(file: FileReport, failOn: FailOn): TestCase[] {
  const cases: TestCase[] = [];
  for (const code of codesOf(file)) {
    const issues = file.issues.filter((i) => i.code === code);
    const total = codeTotal(file, code);
    const title = CATALOG[code]?.title ?? code;
    const body = issues.map(issueLine).join('\n') + unlistedNote(total - issues.length);
    const summary = `${count(total, 'issue')}: ${title}${issues[0] ? ` (first: ${firstPlace(issues[0])})` : ''}`;
    cases.push(
      passes(codeSeverities(file, code), failOn)
        ? { name: caseName(code), output: `${summary}\n${body}` }
        : { name: caseName(code), failure: { type: code, message: summary, body } },
    );
  }
  // Issues cut by --max-issues may be the only ones that failed the file; the suite must still fail then.
  if (!file.passed && !cases.some((c) => c.failure)) {
    const message = `${count(file.truncated, 'issue')} ${file.truncated === 1 ? 'was' : 'were'} counted but not listed (--max-issues)`;
    cases.push({ name: 'issues not listed', failure: { type: 'truncated', message, body: message } });
  }
  if (!cases.length) cases.push({ name: `conforms to ${standardName(file)}` });
  return cases;
}

function suiteXml(file: FileReport, cases: TestCase[], className: string): string[] {
  const failures = cases.filter((c) => c.failure).length;
  const out = [
    `  <testsuite name="${attr(file.path)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(file.elapsed ?? 0)}">`,
    '    <properties>',
  ];
  const props: [string, string | number | undefined][] = [
    ['standard', file.standard ? `${file.standard.id}@${file.standard.version}` : undefined],
    ['standard.title', file.standard?.title],
    ['format', file.format],
    ['encoding', file.encoding],
    ['delimiter', file.delimiter],
    ['rows', file.rows],
    ['rows.valid', file.validRows],
    ['rows.invalid', file.invalidRows],
    ['issues.truncated', file.truncated || undefined],
  ];
  for (const [name, value] of props) {
    if (value !== undefined) out.push(`      <property name="${name}" value="${attr(String(value))}"/>`);
  }
  out.push('    </properties>');
  for (const c of cases) {
    const open = `    <testcase classname="${attr(className)}" name="${attr(c.name)}" file="${attr(file.path)}" time="0"`;
    if (!c.failure && !c.output) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    if (c.failure) {
      out.push(`      <failure type="${attr(c.failure.type)}" message="${attr(c.failure.message)}">${text(c.failure.body)}</failure>`);
    }
    if (c.output) out.push(`      <system-out>${text(c.output)}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>');
  return out;
}

/** `row 1 (line 2), column Amount (9): Amount must be a number… — fix: remove the…` */
function issueLine(issue: Issue): string {
  const column = issue.column !== undefined ? `column ${issue.column}${issue.columnIndex ? ` (${issue.columnIndex})` : ''}` : issue.pointer;
  const place = [locationText(issue), column].filter(Boolean).join(', ');
  const hint = issue.hint ? ` — fix: ${issue.hint}` : '';
  return terminalSafe(`[${issue.severity}] ${place ? `${place}: ` : ''}${issue.message}${hint}`);
}

function firstPlace(issue: Issue): string {
  return terminalSafe([locationText(issue), issue.column ?? issue.pointer].filter(Boolean).join(', ') || 'the file');
}

function unlistedNote(unlisted: number): string {
  return unlisted > 0 ? `\n… and ${count(unlisted, 'more issue')} not listed (--max-issues)` : '';
}

/** Issues of a code by severity, every one found (not only those listed). */
function codeSeverities(file: FileReport, code: IssueCode): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const group of groupsOf(file)) if (group.code === code) counts[group.severity] += group.count;
  return counts;
}

function caseName(code: IssueCode): string {
  return `${code}: ${CATALOG[code]?.title ?? code}`;
}

function classname(file: FileReport): string {
  return file.standard ? `${file.standard.id}@${file.standard.version}` : 'no-standard';
}

function standardName(file: FileReport): string {
  return file.standard ? `${file.standard.id} ${file.standard.version}` : 'its standard';
}

function seconds(value: number): string {
  return value.toFixed(3);
}

// XML 1.0 cannot hold most control characters even as character references, nor lone surrogates; data
// text is made visible first (terminalSafe), and whatever XML still forbids is written as an escape.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlSafe(value: string): string {
  return value.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Element text, whose pieces from the data were made safe line by line, so its line breaks are ours. */
function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return xmlSafe(terminalSafe(value)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;');
}
