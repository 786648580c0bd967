// The report fixtures in fixtures/reports/, loaded as the formatters receive them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/types.js';
import { FIXTURES } from '../helpers.js';

export const REPORT_FIXTURES = ['failing-csv', 'clean-csv', 'json-document', 'hostile-values', 'batch'] as const;
export type ReportFixture = (typeof REPORT_FIXTURES)[number];

export function loadReport(name: ReportFixture): Report {
  return JSON.parse(readFileSync(join(FIXTURES, 'reports', `${name}.json`), 'utf8')) as Report;
}
