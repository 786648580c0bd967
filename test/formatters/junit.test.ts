// The JUnit XML checked with a real XML parser (fast-xml-parser: its validator for well-formedness, its
// parser for the structure JUnit readers use: testsuites > testsuite > testcase > failure).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/formatters/junit.js';
import type { Report } from '../../src/types.js';
import { loadReport, REPORT_FIXTURES } from './report-fixtures.js';
import { lostDates, reportOf } from './synthetic.js';

interface Case {
  classname: string;
  name: string;
  file: string;
  failure?: { type: string; message: string; '#text': string };
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  properties: { property: { name: string; value: string }[] };
  testcase: Case[];
}

function parseJunit(xml: string): { suites: Suite[]; root: Record<string, string> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  // XML 1.0 allows only tab, line feed and carriage return below U+0020, and no U+FFFE/U+FFFF.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
  }).parse(xml);
  const { testsuite, ...root } = parsed.testsuites;
  return { suites: testsuite as Suite[], root };
}

describe('the JUnit report', () => {
  it.each(REPORT_FIXTURES)('is well-formed XML with one suite per file (%s)', (fixture) => {
    const report = loadReport(fixture);
    const { suites, root } = parseJunit(junit(report, {}));
    expect(suites.map((s) => s.name)).toEqual(report.files.map((f) => f.path));
    let tests = 0;
    let failures = 0;
    suites.forEach((suite, i) => {
      const file = report.files[i]!;
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
      // A suite fails exactly when the report says its file failed.
      expect(Number(suite.failures) > 0).toBe(!file.passed);
      tests += suite.testcase.length;
      failures += Number(suite.failures);
    });
    expect(Number(root.tests)).toBe(tests);
    expect(Number(root.failures)).toBe(failures);
  });

  it('has one test case per standard and issue code, failing at --fail-on', () => {
    const report = loadReport('failing-csv');
    const [suite] = parseJunit(junit(report, {})).suites;
    expect(suite!.testcase.map((c) => c.name.split(':')[0])).toEqual(Object.keys(report.files[0]!.byCode).sort(byFirstListed(report)));
    expect(new Set(suite!.testcase.map((c) => c.classname))).toEqual(new Set(['spend-over-500@1.0']));
    const failing = suite!.testcase.filter((c) => c.failure).map((c) => c.failure!.type);
    expect(failing.sort()).toEqual(['header-missing', 'row-length', 'value-enum', 'value-format', 'value-missing', 'value-type']);
    const types = suite!.testcase.find((c) => c.name === 'value-type: Value has the wrong type')!;
    expect(types.failure!.message).toBe('4 issues: Value has the wrong type (first: row 2 (line 5), Amount)');
    expect(types.failure!['#text'].split('\n')).toEqual([
      '[error] row 2 (line 5), column Amount (8): Amount must be a number, but is "48,210.55" — fix: remove the thousands separators: 48210.55',
      '[error] row 7 (line 10), column Amount (8): Amount must be a number, but is "£31200" — fix: remove the currency sign: 31200',
      '[error] row 11 (line 15), column Amount (8): Amount must be a number, but is "(640.00)" — fix: write the negative amount with a minus sign: -640.00',
      '… and 1 more issue not listed (--max-issues)',
    ]);
    const pattern = suite!.testcase.find((c) => c.name.startsWith('value-pattern'))!;
    expect(pattern.failure).toBeUndefined();
    expect(pattern['system-out']).toContain('[warning] row 2 (line 5), column Company Number (5)');
    expect(suite!.properties.property).toContainEqual({ name: 'encoding', value: 'windows-1252' });
  });

  it('has a passing case for a clean file', () => {
    const [suite] = parseJunit(junit(loadReport('clean-csv'), {})).suites;
    expect(suite!.testcase).toEqual([{ classname: 'spend-over-500@1.0', name: 'conforms to spend-over-500 1.0', file: 'data/spend-2024-04.csv', time: '0' }]);
    expect(suite!.failures).toBe('0');
  });

  it('follows the report on pass and fail instead of deciding itself', () => {
    const lenient: Report = { ...loadReport('failing-csv'), failOn: 'never', passed: true };
    lenient.files = lenient.files.map((f) => ({ ...f, passed: true }));
    expect(parseJunit(junit(lenient, {})).root.failures).toBe('0');
    const strict = loadReport('batch');
    strict.failOn = 'warning';
    strict.files[1]!.passed = false;
    const { suites } = parseJunit(junit(strict, {}));
    expect(suites[1]!.testcase.filter((c) => c.failure).map((c) => c.failure!.type)).toEqual(['header-mismatch', 'value-pattern']);
  });

  it('fails the suite when the failing issues were all cut by --max-issues', () => {
    const { suites } = parseJunit(junit(reportOf([lostDates('spend.csv', 10, 0)]), {}));
    // The case of the kind fails on the count of every issue found, listed or not.
    expect(suites[0]!.testcase).toHaveLength(1);
    expect(suites[0]!.testcase[0]!.name).toBe('value-format: Value has the wrong format');
    expect(suites[0]!.testcase[0]!.failure!.message).toBe('10 issues: Value has the wrong format');
    expect(suites[0]!.testcase[0]!.failure!['#text']).toContain('… and 10 more issues not listed (--max-issues)');
  });

  it('escapes every value, including characters XML 1.0 cannot hold', () => {
    const xml = junit(loadReport('hostile-values'), {});
    const [suite] = parseJunit(xml).suites;
    expect(suite!.name).toBe('uploads/q1, 100% final: <v2>.csv');
    expect(suite!.properties.property).toContainEqual({ name: 'standard.title', value: '<b>Spend</b> & "more" over £500' });
    const invalid = suite!.testcase.find((c) => c.name.startsWith('value-invalid'))!;
    expect(invalid.failure!['#text']).toContain('[warning] row 5 (line 8), column Note: 50%, more (6): Note has a right-to-left override and a NUL');
    const rule = suite!.testcase.find((c) => c.name.startsWith('row-rule'))!;
    expect(rule.failure!['#text']).toBe('[error] row 6 (line 9): A raw rule message with <b>markup</b>, ]]> and an escape \\x1b]8;;https://example.invalid\\x07link\\x1b]8;;\\x07');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('<img');
  });

  it('writes raw control characters, lone surrogates and U+FFFF as visible escapes', () => {
    const report = reportOf([lostDates('a\u0000b.csv', 1)]);
    report.files[0]!.issues[0]!.message = 'nul \u0000 esc \u001b[2J bell \u0007 half \ud800 end \uffff tab\there';
    report.files[0]!.issues[0]!.column = 'Paid\u000bDate';
    const [suite] = parseJunit(junit(report, {})).suites;
    expect(suite!.name).toBe('a\\x00b.csv');
    expect(suite!.testcase[0]!.failure!['#text']).toBe('[error] row 1 (line 2), column Paid\\x0bDate (5): nul \\x00 esc \\x1b[2J bell \\x07 half \\ud800 end \\uffff tab\there');
  });
});

/** Codes in the order their first issue is listed, as the suite has them. */
function byFirstListed(report: Report) {
  const issues = report.files[0]!.issues;
  const first = (code: string) => {
    const i = issues.findIndex((issue) => issue.code === code);
    return i === -1 ? Infinity : i;
  };
  return (a: string, b: string) => first(a) - first(b);
}
