// The report fixtures are reports conform could have written: they hold to the shipped report schema,
// and their counts add up the way report/build.ts adds them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { loadReport, REPORT_FIXTURES } from './report-fixtures.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

describe.each(REPORT_FIXTURES)('the %s report fixture', (fixture) => {
  it('holds to schemas/report.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const check = ajv.compile(JSON.parse(readFileSync(`${ROOT}/schemas/report.schema.json`, 'utf8')));
    const ok = check(loadReport(fixture));
    expect(check.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has counts that add up', () => {
    const report = loadReport(fixture);
    for (const file of report.files) {
      const byCode = Object.values(file.byCode).reduce((a, b) => a + b, 0);
      expect(byCode).toBe(file.counts.error + file.counts.warning + file.counts.info);
      expect(byCode).toBe(file.issues.length + file.truncated);
    }
    expect(report.summary.errors).toBe(report.files.reduce((n, f) => n + f.counts.error, 0));
    expect(report.summary.warnings).toBe(report.files.reduce((n, f) => n + f.counts.warning, 0));
    expect(report.summary.failedFiles).toBe(report.files.filter((f) => !f.passed).length);
  });
});
