// Every report fixture through every formatter, stored as real files a reviewer can open:
// test/__snapshots__/reports/<fixture>.<ext>.
import { describe, expect, it } from 'vitest';
import { FORMATTERS, type FormatName } from '../../src/formatters/index.js';
import { loadReport, REPORT_FIXTURES } from './report-fixtures.js';

const EXTENSION: Record<FormatName, string> = {
  stylish: 'txt',
  json: 'json',
  junit: 'junit.xml',
  github: 'github.txt',
  markdown: 'md',
  html: 'html',
  csv: 'csv',
  sarif: 'sarif.json',
};

describe.each(REPORT_FIXTURES)('the %s report', (fixture) => {
  it.each(Object.keys(FORMATTERS) as FormatName[])('renders as %s', async (format) => {
    const text = FORMATTERS[format](loadReport(fixture), { color: false });
    await expect(text).toMatchFileSnapshot(`../__snapshots__/reports/${fixture}.${EXTENSION[format]}`);
  });

  it('renders the same text every time (formatters are pure)', () => {
    for (const format of Object.keys(FORMATTERS) as FormatName[]) {
      const report = loadReport(fixture);
      const before = JSON.stringify(report);
      expect(FORMATTERS[format](report, {})).toBe(FORMATTERS[format](loadReport(fixture), {}));
      expect(JSON.stringify(report)).toBe(before);
    }
  });
});
