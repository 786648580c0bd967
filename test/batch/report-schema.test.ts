// The report's JSON Schema describes what batch runs add: the overview, a shard's positions, a detected
// standard, a file no standard fits, a file's publisher.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT, report } from '../helpers.js';
import { spendCsv, TEST_STANDARDS, tree } from './make-data.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

describe('the report schema, for batch runs', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(`${ROOT}/schemas/report.schema.json`, 'utf8')));

  it('describes the overview, a shard, detected and undetected standards and publishers', async () => {
    const dir = tree({
      'a.csv': spendCsv(1, { rows: 4, badShare: 0.5 }).text,
      'b.csv': 'Colour,Shape\nred,round\n',
      'c.csv': 'AllotmentSiteName,PlotCount,WaitingListLength\nHill Road,40,12\n',
    });
    for (const argv of [['.'], ['.', '--shard', '1/2']]) {
      const { report: r } = await report([...argv, '--standards-dir', TEST_STANDARDS, '--jobs', '1'], { cwd: dir });
      expect(r.overview.files.length).toBeGreaterThan(0);
      const ok = check(r);
      expect(check.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});
