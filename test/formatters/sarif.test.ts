// The SARIF log checked against the SARIF 2.1.0 JSON Schema (the OASIS 2.1.0 schema as published by the
// SARIF SDK's @microsoft/jest-sarif package, sarif-2.1.0-rtm.5.json, a draft-04 schema), plus what GitHub
// code scanning needs on top: rule ids, relative artifact URIs, start lines and stable fingerprints.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type * as AjvCoreModule from 'ajv/dist/core.js';
import { describe, expect, it } from 'vitest';
import { MAX_RESULTS, sarif } from '../../src/formatters/sarif.js';
import { lostDates, reportOf } from './synthetic.js';
import { CATALOG } from '../../src/issues/catalog.js';
import { loadReport, REPORT_FIXTURES } from './report-fixtures.js';

const require = createRequire(import.meta.url);
// Loaded as src/standards/ajv.ts loads them: both are CommonJS modules with a default export.
type AjvCore = AjvCoreModule.default;
const Ajv = require('ajv-draft-04').default as new (options: object) => AjvCore;
const addFormats = require('ajv-formats').default as (ajv: AjvCore) => AjvCore;
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The schema's language pattern has a stray `]`, which only the non-Unicode regular expression syntax accepts.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function parseSarif(text: string) {
  const log = JSON.parse(text);
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('the SARIF log', () => {
  it('is checked by a schema that does reject broken logs', () => {
    const log = JSON.parse(sarif(loadReport('failing-csv'), {}));
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif.errors!.map((e: ErrorObject) => e.instancePath).sort()).toEqual(['/runs/0/results/0/level', '/runs/0/tool/driver']);
  });

  it.each(REPORT_FIXTURES)('is valid SARIF 2.1.0 (%s)', (fixture) => {
    const report = loadReport(fixture);
    const log = parseSarif(sarif(report, {}));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'conform', version: report.tool.version });
    expect(run.results).toHaveLength(report.files.reduce((n, f) => n + f.issues.length, 0));
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const result of run.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(result.locations).toHaveLength(1);
      expect(result.partialFingerprints['conformIssue/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['conformIssue/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it("names the tool's homepage from package.json when it has one", () => {
    const { homepage } = require('../../package.json') as { homepage?: string };
    const driver = parseSarif(sarif(loadReport('clean-csv'), {})).runs[0].tool.driver;
    expect(driver.informationUri).toBe(homepage);
  });

  it('describes one rule per issue code from the catalog', () => {
    const log = parseSarif(sarif(loadReport('failing-csv'), {}));
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id).sort()).toEqual(Object.keys(loadReport('failing-csv').files[0]!.byCode).sort());
    expect(rules.find((r: { id: string }) => r.id === 'value-type')).toEqual({
      id: 'value-type',
      name: 'ValueType',
      shortDescription: { text: CATALOG['value-type'].title },
      fullDescription: { text: CATALOG['value-type'].help },
      help: { text: CATALOG['value-type'].help, markdown: `**${CATALOG['value-type'].title}** (\`value-type\`)\n\n${CATALOG['value-type'].help}` },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['data-quality', 'value'] },
    });
    expect(rules.find((r: { id: string }) => r.id === 'header-mismatch').defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('puts each result on its file, line and column', () => {
    const run = parseSarif(sarif(loadReport('failing-csv'), {})).runs[0];
    const amount = run.results.find((r: { message: { text: string } }) => r.message.text.includes('"48,210.55"'));
    expect(amount).toMatchObject({
      ruleId: 'value-type',
      level: 'error',
      message: { text: 'Amount must be a number, but is "48,210.55". Fix: remove the thousands separators: 48210.55' },
      // The fixture does not know the cell's character, so the region has the line alone; the field is in the properties.
      locations: [{ physicalLocation: { artifactLocation: { uri: 'data/anytown-spend-2024-04.csv', uriBaseId: '%SRCROOT%' }, region: { startLine: 5 } } }],
      properties: { row: 2, column: 'Amount', columnIndex: 8, value: '48,210.55', fix: '48210.55' },
    });
    const blank = run.results.find((r: { ruleId: string }) => r.ruleId === 'row-blank');
    expect(blank.locations[0].physicalLocation.region).toEqual({ startLine: 7, endLine: 9 });
    const encoding = run.results.find((r: { ruleId: string }) => r.ruleId === 'encoding-not-utf8');
    expect(encoding.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'data/anytown-spend-2024-04.csv', uriBaseId: '%SRCROOT%' } });
    expect(run.results.filter((r: { level: string }) => r.level === 'warning')).toHaveLength(
      loadReport('failing-csv').files[0]!.issues.filter((i) => i.severity === 'warning').length,
    );
  });

  it('gives notes the level note, and pointers as logical locations', () => {
    const batch = parseSarif(sarif(loadReport('batch'), {})).runs[0];
    expect(batch.results.find((r: { ruleId: string }) => r.ruleId === 'row-blank').level).toBe('note');
    const doc = parseSarif(sarif(loadReport('json-document'), {})).runs[0];
    const missing = doc.results.find((r: { properties: { pointer?: string } }) => r.properties.pointer === '/grants/0/recipientOrganization/0/id');
    expect(missing.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: '/grants/0/recipientOrganization/0/id', kind: 'value' }]);
    expect(missing.locations[0].physicalLocation.region).toEqual({ startLine: 31 });
  });

  it('percent-encodes paths and makes absolute ones file: URIs', () => {
    const hostile = parseSarif(sarif(loadReport('hostile-values'), {})).runs[0];
    expect(hostile.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('uploads/q1%2C%20100%25%20final%3A%20%3Cv2%3E.csv');
    const report = loadReport('clean-csv');
    report.files[0]!.path = '/srv/data/spend 2024.csv';
    report.files[0]!.issues = [{ code: 'row-blank', severity: 'info', message: 'The row is blank', row: 3, line: 4 }];
    const run = parseSarif(sarif(report, {})).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///srv/data/spend%202024.csv' });
  });

  it('gives the same finding the same fingerprint in every run', () => {
    const a = parseSarif(sarif(loadReport('failing-csv'), {})).runs[0].results;
    const report = loadReport('failing-csv');
    report.files[0]!.issues.reverse();
    const b = parseSarif(sarif(report, {})).runs[0].results;
    const key = (r: { ruleId: string; message: { text: string } }) => r.ruleId + r.message.text;
    const byKey = new Map(b.map((r: { ruleId: string; message: { text: string }; partialFingerprints: unknown }) => [key(r), r.partialFingerprints]));
    for (const result of a) expect(byKey.get(key(result))).toEqual(result.partialFingerprints);
  });
});

describe("the SARIF log within GitHub code scanning's limits", () => {
  it('a 30-file batch of 30,000 issues is valid SARIF with at most 5,000 results, and says how many were left out', () => {
    const report = reportOf(Array.from({ length: 30 }, (_, i) => lostDates(`council-${i + 1}.csv`, 1000)));
    const log = parseSarif(sarif(report, {}));
    const run = log.runs[0];
    expect(run.results).toHaveLength(MAX_RESULTS);
    expect(JSON.stringify(run.properties)).toContain(`"resultsLeftOut":${30_000 - MAX_RESULTS}`);
  });
});
